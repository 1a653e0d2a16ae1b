import { InitiativeYearFigures } from '../domain/initiatives';
import { LedgerSnapshot } from '../domain/ledger';
import { quarterEnd } from '../domain/quarters';
import { QuarterlyReport, latestVersion } from '../domain/quarterlyReports';
import { latestEstimateColumn } from '../finance/ledgerTotals';

/**
 * Utfall during the year from the kvartalsrapporter: the upparbetade kostnader of the
 * newest quarter anyone has reported, against each insats's budget in the ledger's
 * latest estimate for the year. Undefined when no report of the year exists.
 */
export function figuresFromReports(
  associationId: string,
  year: number,
  reports: readonly QuarterlyReport[],
  ledger: LedgerSnapshot | undefined,
): InitiativeYearFigures | undefined {
  const ofYear = reports.filter((r) => r.year === year);
  if (ofYear.length === 0 || !ledger) return undefined;
  const quarter = Math.max(...ofYear.map((r) => r.quarter)) as 1 | 2 | 3 | 4;
  const column = latestEstimateColumn(ledger.columns, year);
  if (!column) return undefined;
  const figures = ofYear
    .filter((r) => r.quarter === quarter)
    .flatMap((r) => {
      const budget = ledger.lines.find((l) => l.id === r.initiativeId)?.amounts[column.key];
      return budget ? [{ initiativeId: r.initiativeId, budget, actual: latestVersion(r).answers.costsToDate, budgetAdjustments: [] }] : [];
    });
  return figures.length > 0 ? { associationId, year, asOf: quarterEnd({ year, quarter }), figures, source: 'kvartalsrapporter' } : undefined;
}
