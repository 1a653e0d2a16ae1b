import { Container } from '@azure/cosmos';
import { SequenceRepository } from '../ports/caseRepositories';
import { ConcurrencyError } from '../errors';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument } from './documents';

/**
 * The counter of one förbund, series and year: the last number and the key it went to.
 * Constant in size whatever the history (`assigned` is only read, in counters written
 * before numbers got their own documents).
 */
interface CounterDocument extends StoredDocument<'sequence'> {
  readonly series: string;
  readonly year: number;
  readonly last: number;
  readonly lastKey?: string;
  readonly assigned?: Readonly<Record<string, number>>;
}

/** One small document per assigned number, found by its key (deterministic id, created once). */
interface AssignmentDocument extends StoredDocument<'sequenceAssignment'> {
  readonly series: string;
  readonly year: number;
  readonly key: string;
  readonly number: number;
}

export class CosmosSequenceRepository implements SequenceRepository {
  constructor(private readonly container: Container) {}

  /**
   * Gap-free and idempotent per key: the counter moves by one ETag-conditional write that
   * names the key, and the key's own document follows. Whoever moves the counter next first
   * completes the previous key's document, so a crash between the two writes loses nothing.
   */
  async assign(associationId: string, series: 'dnr' | 'delegationsbeslut', year: number, key: string): Promise<number> {
    const counterId = `sequence-${series}-${year}`;
    const assignmentId = (k: string) => `sequence-${series}-${year}-${k}`;
    const record = async (k: string, number: number) => {
      const doc: AssignmentDocument = { id: assignmentId(k), associationId, type: 'sequenceAssignment', series, year, key: k, number };
      assertNoPersonalData(doc);
      try {
        await this.container.items.create(doc);
      } catch (err) {
        if (!isStatus(err, 409)) throw err;
      }
    };
    for (let attempt = 0; attempt < 200; attempt += 1) {
      // The counter first, then the key's document: a number the counter has moved past was
      // recorded before the move, so this order cannot miss it (the other order can, when the same
      // key is assigned twice at once, by a request and another instance's repair, and burn a number).
      const counter = await readDocument<CounterDocument>(this.container, counterId, associationId);
      const existing = await readDocument<AssignmentDocument>(this.container, assignmentId(key), associationId);
      if (existing) return existing.number;
      const legacy = counter?.assigned?.[key];
      if (legacy !== undefined) return legacy;
      if (counter && counter.lastKey === key) {
        await record(key, counter.last);
        return counter.last;
      }
      if (counter?.lastKey) await record(counter.lastKey, counter.last);
      const next: CounterDocument = {
        ...(counter ?? { id: counterId, associationId, type: 'sequence', series, year }),
        last: (counter?.last ?? 0) + 1,
        lastKey: key,
      };
      try {
        if (!counter) await this.container.items.create(next);
        else await this.container.item(counterId, associationId).replace(next, { accessCondition: { type: 'IfMatch', condition: counter._etag as string } });
        await record(key, next.last);
        return next.last;
      } catch (err) {
        if (!isStatus(err, 412) && !isStatus(err, 409)) throw err;
      }
      // Many people may file at the same moment; jitter lets one of them win each round.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(40, 2 ** attempt)));
    }
    throw new ConcurrencyError('Många diarieför just nu. Försök igen om en stund.', `gave up assigning ${series} ${year} for ${key}`);
  }
}
