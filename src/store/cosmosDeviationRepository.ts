import { Container } from '@azure/cosmos';
import { Deviation, DeviationStatus } from '../domain/deviations';
import { DeviationRepository } from '../deviations/ports';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, replaceIfMatch, updateWithRetry } from './documents';

type DeviationDocument = StoredDocument<'deviation'> & Deviation;

/** Strips Cosmos system properties except the ETag, which optimistic concurrency needs. */
function toDeviation(doc: DeviationDocument): Deviation {
  const { type: _type, _rid, _self, _ts, _attachments, ...rest } = doc as DeviationDocument & Record<string, unknown>;
  return rest as unknown as Deviation;
}

const etagOf = (d: Deviation) => (d as Partial<DeviationDocument>)._etag;

export class CosmosDeviationRepository implements DeviationRepository {
  constructor(private readonly container: Container) {}

  async createIfAbsent(deviation: Deviation): Promise<{ created: boolean; deviation: Deviation }> {
    assertNoPersonalData(deviation);
    try {
      const { resource } = await this.container.items.create<DeviationDocument>({ ...deviation, type: 'deviation' });
      return { created: true, deviation: toDeviation(resource as DeviationDocument) };
    } catch (err) {
      if (!isStatus(err, 409)) throw err;
      return { created: false, deviation: (await this.get(deviation.associationId, deviation.id)) as Deviation };
    }
  }

  async get(associationId: string, id: string): Promise<Deviation | undefined> {
    const doc = await readDocument<DeviationDocument>(this.container, id, associationId);
    return doc && doc.type === 'deviation' ? toDeviation(doc) : undefined;
  }

  async replaceIfUnchanged(read: Deviation, next: Deviation): Promise<Deviation | undefined> {
    const written = await replaceIfMatch<DeviationDocument>(this.container, { ...next, type: 'deviation' }, etagOf(read) as string);
    return written ? toDeviation(written) : undefined;
  }

  async update(associationId: string, id: string, change: (current: Deviation) => Deviation): Promise<Deviation> {
    const doc = await updateWithRetry<DeviationDocument>(this.container, id, associationId, (current) => {
      if (!current) throw new Error(`avvikelse ${id} saknas`);
      const read = toDeviation(current);
      const next = change(read);
      return next === read ? current : { ...next, type: 'deviation', _etag: current._etag };
    });
    return toDeviation(doc);
  }

  async listByStatus(associationId: string, statuses: readonly DeviationStatus[]): Promise<readonly Deviation[]> {
    return this.query(associationId, 'SELECT * FROM c WHERE c.type = @type AND ARRAY_CONTAINS(@statuses, c.status)', [{ name: '@statuses', value: [...statuses] }]);
  }

  async listDecided(associationId: string, from: string, to: string): Promise<readonly Deviation[]> {
    return this.query(associationId, 'SELECT * FROM c WHERE c.type = @type AND IS_DEFINED(c.decision) AND c.decision.decidedOn >= @from AND c.decision.decidedOn <= @to', [
      { name: '@from', value: from },
      { name: '@to', value: to },
    ]);
  }

  async listUnfinished(): Promise<readonly Deviation[]> {
    const { resources } = await this.container.items
      .query<DeviationDocument>({
        // Kept flat: the embedded server's query parser takes seconds on deeply nested NOT/OR.
        query: 'SELECT * FROM c WHERE c.type = @type AND (c.status = @registering OR (c.status = @open AND c.decidersNotified = false) OR c.decisionFinished = false)',
        parameters: [
          { name: '@type', value: 'deviation' },
          { name: '@registering', value: 'registreras' },
          { name: '@open', value: 'inlämnad' },
        ],
      })
      .fetchAll();
    return resources.map(toDeviation);
  }

  private async query(associationId: string, query: string, parameters: { name: string; value: string | string[] }[]): Promise<readonly Deviation[]> {
    const { resources } = await this.container.items
      .query<DeviationDocument>({ query, parameters: [{ name: '@type', value: 'deviation' }, ...parameters] }, { partitionKey: associationId })
      .fetchAll();
    return resources.map(toDeviation).sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  }
}
