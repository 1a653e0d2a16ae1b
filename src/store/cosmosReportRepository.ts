import { Container } from '@azure/cosmos';
import { Quarter } from '../domain/quarters';
import { QuarterlyReport, ReportDraft, ReportVersion } from '../domain/quarterlyReports';
import { ReminderStage, ReportRepository } from '../ports/reportRepository';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, updateWithRetry } from './documents';

type ReportDocument = StoredDocument<'quarterlyReport'> & QuarterlyReport;
type DraftDocument = StoredDocument<'reportDraft'> & ReportDraft;
interface ReminderDocument extends StoredDocument<'reminder'> {
  readonly aadObjectId: string;
  readonly quarterKey: string;
  readonly stage: ReminderStage;
  readonly status: 'sending' | 'sent' | 'failed';
  /** When the run now sending it claimed it; after REMINDER_LEASE_MS another run may take it over. */
  readonly claimedAt?: string;
}

/** A run killed while sending leaves its reminder at 'sending'; after this long it is someone else's to send. */
export const REMINDER_LEASE_MS = 10 * 60 * 1000;

const slot = (initiativeId: string, q: Quarter) => `${initiativeId}-${q.year}-Q${q.quarter}`;
const reportId = (initiativeId: string, q: Quarter) => `report-${slot(initiativeId, q)}`;
const draftId = (initiativeId: string, q: Quarter) => `draft-${slot(initiativeId, q)}`;
const reminderId = (aadObjectId: string, q: Quarter, stage: ReminderStage) =>
  `reminder-${aadObjectId}-${q.year}-Q${q.quarter}-${stage === 'före' ? 'fore' : 'forsenad'}`;

function toReport(doc: ReportDocument): QuarterlyReport {
  return { associationId: doc.associationId, initiativeId: doc.initiativeId, year: doc.year, quarter: doc.quarter, versions: doc.versions };
}

export class CosmosReportRepository implements ReportRepository {
  constructor(private readonly container: Container) {}

  async get(associationId: string, initiativeId: string, quarter: Quarter): Promise<QuarterlyReport | undefined> {
    const doc = await readDocument<ReportDocument>(this.container, reportId(initiativeId, quarter), associationId);
    return doc ? toReport(doc) : undefined;
  }

  async addVersion(
    associationId: string,
    initiativeId: string,
    quarter: Quarter,
    version: Omit<ReportVersion, 'version'>,
  ): Promise<{ report: QuarterlyReport; added: boolean }> {
    let added = false;
    const doc = await updateWithRetry<ReportDocument>(
      this.container,
      reportId(initiativeId, quarter),
      associationId,
      (current) => {
        if (current?.versions.some((v) => v.formId === version.formId)) return current;
        added = true;
        const versions = current?.versions ?? [];
        const base = current ?? {
          id: reportId(initiativeId, quarter),
          associationId,
          type: 'quarterlyReport' as const,
          initiativeId,
          year: quarter.year,
          quarter: quarter.quarter,
          versions: [],
        };
        return { ...base, versions: [...versions, { ...version, version: versions.length + 1 }] };
      },
      { attempts: 50, backoffMs: 20 },
    );
    return { report: toReport(doc), added };
  }

  async listForYear(associationId: string, year: number): Promise<readonly QuarterlyReport[]> {
    const { resources } = await this.container.items
      .query<ReportDocument>(
        {
          query: 'SELECT * FROM c WHERE c.type = @type AND c.year = @year',
          parameters: [
            { name: '@type', value: 'quarterlyReport' },
            { name: '@year', value: year },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return resources.map(toReport);
  }

  async getDraft(associationId: string, initiativeId: string, quarter: Quarter): Promise<ReportDraft | undefined> {
    const doc = await readDocument<DraftDocument>(this.container, draftId(initiativeId, quarter), associationId);
    return doc
      ? {
          associationId: doc.associationId,
          initiativeId: doc.initiativeId,
          year: doc.year,
          quarter: doc.quarter,
          fields: doc.fields,
          savedBy: doc.savedBy,
          savedAt: doc.savedAt,
          ...(doc.savedOn ? { savedOn: doc.savedOn } : {}),
          ...(doc.postedCards ? { postedCards: doc.postedCards } : {}),
        }
      : undefined;
  }

  async saveDraft(draft: ReportDraft): Promise<void> {
    const doc: DraftDocument = { id: draftId(draft.initiativeId, draft), type: 'reportDraft', ...draft };
    assertNoPersonalData(doc);
    await this.container.items.upsert(doc);
  }

  async deleteDraft(associationId: string, initiativeId: string, quarter: Quarter): Promise<void> {
    try {
      await this.container.item(draftId(initiativeId, quarter), associationId).delete();
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }

  async claimReminder(associationId: string, aadObjectId: string, quarter: Quarter, stage: ReminderStage): Promise<boolean> {
    const id = reminderId(aadObjectId, quarter, stage);
    const claimedAt = new Date().toISOString();
    const doc: ReminderDocument = {
      id,
      associationId,
      type: 'reminder',
      aadObjectId,
      quarterKey: `${quarter.year}-Q${quarter.quarter}`,
      stage,
      status: 'sending',
      claimedAt,
    };
    try {
      await this.container.items.create(doc);
      return true;
    } catch (err) {
      if (!isStatus(err, 409)) throw err;
    }
    // A failed attempt, or one whose run died mid-send (its lease ran out), may be taken over, by one run only (ETag).
    const current = await readDocument<ReminderDocument>(this.container, id, associationId);
    const leaseOver = current?.status === 'sending' && Date.now() - Date.parse(current.claimedAt ?? '1970-01-01T00:00:00Z') > REMINDER_LEASE_MS;
    if (!current || (current.status !== 'failed' && !leaseOver)) return false;
    try {
      await this.container
        .item(id, associationId)
        .replace({ ...current, status: 'sending', claimedAt }, { accessCondition: { type: 'IfMatch', condition: current._etag as string } });
      return true;
    } catch (err) {
      if (isStatus(err, 412)) return false;
      throw err;
    }
  }

  async finishReminder(associationId: string, aadObjectId: string, quarter: Quarter, stage: ReminderStage, outcome: 'sent' | 'failed'): Promise<void> {
    const id = reminderId(aadObjectId, quarter, stage);
    await updateWithRetry<ReminderDocument>(this.container, id, associationId, (current) => ({
      ...(current ?? { id, associationId, type: 'reminder', aadObjectId, quarterKey: `${quarter.year}-Q${quarter.quarter}`, stage }),
      status: outcome,
    }));
  }
}
