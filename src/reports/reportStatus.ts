import { Initiative } from '../domain/initiatives';
import { Quarter, dueDate, overlapsQuarter } from '../domain/quarters';
import { QuarterlyReport, latestVersion } from '../domain/quarterlyReports';

export type ReportState = 'inlämnad' | 'saknas' | 'försenad';

export interface ReportStatusRow {
  readonly initiative: Initiative;
  readonly state: ReportState;
  readonly due: string;
  /** For inlämnad: when the last version came and its number. */
  readonly submittedOn?: string;
  readonly version?: number;
  readonly late?: boolean;
}

/** Each insats running in the quarter: inlämnad, saknas (not yet due) or försenad (due date passed), Europe/Stockholm dates. */
export function reportStatus(quarter: Quarter, initiatives: readonly Initiative[], reports: readonly QuarterlyReport[], today: string): ReportStatusRow[] {
  const due = dueDate(quarter);
  return initiatives
    .filter((i) => overlapsQuarter(i.period, quarter))
    .map((initiative) => {
      const report = reports.find((r) => r.initiativeId === initiative.id && r.year === quarter.year && r.quarter === quarter.quarter);
      if (report) {
        const first = report.versions[0] as (typeof report.versions)[number];
        const last = latestVersion(report);
        return { initiative, state: 'inlämnad' as const, due, submittedOn: last.submittedOn, version: last.version, late: first.submittedOn > due };
      }
      return { initiative, state: today > due ? ('försenad' as const) : ('saknas' as const), due };
    });
}
