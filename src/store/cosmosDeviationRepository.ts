import { Container } from '@azure/cosmos';
import { Deviation, DeviationStatus } from '../domain/deviations';
import { BudgetReservation, DeviationRepository } from '../ports/caseRepositories';
import { ConcurrencyError } from '../errors';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, replaceIfMatch, updateWithRetry } from './documents';

type DeviationDocument = StoredDocument<'deviation'> & Deviation;

interface ReservationDocument extends StoredDocument<'budgetReservation'> {
  readonly initiativeId: string;
  readonly year: number;
  readonly entries: readonly BudgetReservation[];
}

/** Long enough for any filing to be created after its reservation; after it the open avvikelse carries the amount. */
const IN_FLIGHT_MS = 2 * 60 * 1000;

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

  async reserveBudget(
    associationId: string,
    initiativeId: string,
    year: number,
    caseId: string,
    amount: number,
    fits: (inFlight: readonly BudgetReservation[]) => Promise<boolean>,
  ): Promise<boolean> {
    const id = `reservation-${initiativeId}-${year}`;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const current = await readDocument<ReservationDocument>(this.container, id, associationId);
      const now = Date.now();
      // Only recent entries: older ones are open avvikelser by now (or a filing that never got created).
      const inFlight = (current?.entries ?? []).filter((e) => e.caseId !== caseId && now - Date.parse(e.at) < IN_FLIGHT_MS);
      if (!(await fits(inFlight))) return false;
      const next: ReservationDocument = {
        id,
        associationId,
        type: 'budgetReservation',
        initiativeId,
        year,
        entries: [...inFlight, { caseId, amount, at: new Date(now).toISOString() }],
      };
      assertNoPersonalData(next);
      try {
        if (!current) await this.container.items.create(next);
        else await this.container.item(id, associationId).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag as string } });
        return true;
      } catch (err) {
        if (!isStatus(err, 412) && !isStatus(err, 409)) throw err;
      }
      // Jitter spreads contenders out so that one of them wins each round.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(40, 2 ** attempt)));
    }
    throw new ConcurrencyError('Många lämnar avvikelser för samma insats just nu. Försök igen om en stund; inget sparades.', `gave up reserving ${id}`);
  }

  async listByStatus(associationId: string, statuses: readonly DeviationStatus[]): Promise<readonly Deviation[]> {
    return this.query(associationId, 'SELECT * FROM c WHERE c.type = @type AND ARRAY_CONTAINS(@statuses, c.status)', [
      { name: '@statuses', value: [...statuses] },
    ]);
  }

  async listDecided(associationId: string, from: string, to: string): Promise<readonly Deviation[]> {
    return this.query(
      associationId,
      'SELECT * FROM c WHERE c.type = @type AND IS_DEFINED(c.decision) AND c.decision.decidedOn >= @from AND c.decision.decidedOn <= @to',
      [
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    );
  }

  async listUnfinished(): Promise<readonly Deviation[]> {
    const { resources } = await this.container.items
      .query<DeviationDocument>({
        // Kept flat: the embedded server's query parser takes seconds on deeply nested NOT/OR.
        query:
          'SELECT * FROM c WHERE c.type = @type AND (c.status = @registering OR (c.status = @open AND c.decidersNotified = false) OR c.decisionFinished = false)',
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
