import { Container } from '@azure/cosmos';
import { SequenceRepository } from '../deviations/ports';
import { StoredDocument, updateWithRetry } from './documents';

/** One counter per förbund, series and year; `assigned` makes assigning idempotent per key. */
interface SequenceDocument extends StoredDocument<'sequence'> {
  readonly series: string;
  readonly year: number;
  readonly last: number;
  readonly assigned: Readonly<Record<string, number>>;
}

export class CosmosSequenceRepository implements SequenceRepository {
  constructor(private readonly container: Container) {}

  async assign(associationId: string, series: 'dnr' | 'delegationsbeslut', year: number, key: string): Promise<number> {
    const id = `sequence-${series}-${year}`;
    const doc = await updateWithRetry<SequenceDocument>(
      this.container,
      id,
      associationId,
      (current) => {
        if (current && current.assigned[key] !== undefined) return current;
        const last = (current?.last ?? 0) + 1;
        return { ...(current ?? { id, associationId, type: 'sequence', series, year }), last, assigned: { ...(current?.assigned ?? {}), [key]: last } } as SequenceDocument;
      },
      // Many people may file at the same moment; each round one of them wins.
      { attempts: 200, backoffMs: 40 },
    );
    return doc.assigned[key] as number;
  }
}
