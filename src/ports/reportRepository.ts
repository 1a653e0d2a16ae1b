import { Quarter } from '../domain/quarters';
import { QuarterlyReport, ReportDraft, ReportVersion } from '../domain/quarterlyReports';

export type ReminderStage = 'före' | 'försenad';

export interface ReportRepository {
  get(associationId: string, initiativeId: string, quarter: Quarter): Promise<QuarterlyReport | undefined>;
  /**
   * Adds a version (numbered after the last one) unless one with the same form id is
   * there already; earlier versions are kept. Safe under concurrent submissions (ETag).
   */
  addVersion(
    associationId: string,
    initiativeId: string,
    quarter: Quarter,
    version: Omit<ReportVersion, 'version'>,
  ): Promise<{ readonly report: QuarterlyReport; readonly added: boolean }>;
  listForYear(associationId: string, year: number): Promise<readonly QuarterlyReport[]>;
  getDraft(associationId: string, initiativeId: string, quarter: Quarter): Promise<ReportDraft | undefined>;
  saveDraft(draft: ReportDraft): Promise<void>;
  deleteDraft(associationId: string, initiativeId: string, quarter: Quarter): Promise<void>;
  /** Claims a reminder once per person, quarter and stage; false when it was sent (or is being sent) already. */
  claimReminder(associationId: string, aadObjectId: string, quarter: Quarter, stage: ReminderStage): Promise<boolean>;
  /** Records the outcome; a failed reminder may be claimed again by the next run. */
  finishReminder(associationId: string, aadObjectId: string, quarter: Quarter, stage: ReminderStage, outcome: 'sent' | 'failed'): Promise<void>;
}
