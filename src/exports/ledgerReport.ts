import { ApplicationEntry, LedgerAdjustment } from '../domain/deviations';
import { KIND_LABEL, LedgerColumn, LedgerLine, LedgerSnapshot } from '../domain/ledger';
import { applyLedgerAdjustments } from '../finance/ledgerAdjustments';
import { ColumnTotals, computeLedgerTotals, latestEstimateColumn } from '../finance/ledgerTotals';
import { Kronor } from '../domain/money';

/**
 * "Ekonomisk information" as a document: the table the board papers print, built from the
 * stored snapshot with the same calculators the chat answers use (applyLedgerAdjustments,
 * computeLedgerTotals), so the file and the answers can never disagree.
 */
export interface LedgerReport {
  readonly associationName: string;
  readonly title: string;
  /** The date the document was made (Europe/Stockholm). */
  readonly createdOn: string;
  readonly asOf: string;
  readonly columns: readonly ReportColumn[];
  readonly incomeLines: readonly LedgerLine[];
  /** Cost lines in the order of the board papers: förtroendevalda, förvaltning, externa projekt, insatser, övriga insatser. */
  readonly governanceAndAdministration: readonly LedgerLine[];
  readonly initiativeLines: readonly LedgerLine[];
  readonly otherCostLines: readonly LedgerLine[];
  readonly pendingApplications: readonly { readonly name: string; readonly owner: string; readonly amounts: Readonly<Record<string, Kronor>> }[];
  readonly totals: readonly ColumnTotals[];
  readonly applied: readonly LedgerAdjustment[];
  readonly grants: readonly ApplicationEntry[];
  readonly pending: readonly ApplicationEntry[];
  /** Per year: the beslutsutrymme for budget, prognos and after applications (the chart). */
  readonly chart: readonly ChartYear[];
  readonly source: string;
}

export interface ReportColumn {
  readonly column: LedgerColumn;
  readonly heading: string;
  /** The key of the previous year's latest estimate column, whose remaining this column carries in. */
  readonly carriedFromKey?: string;
}

export interface ChartYear {
  readonly year: number;
  readonly budget?: Kronor;
  readonly forecast?: Kronor;
  readonly afterApplications?: Kronor;
}

export function columnHeading(column: LedgerColumn): string {
  const label = column.kind === 'preliminary' ? 'Prel. budget' : KIND_LABEL[column.kind].replace(/^./, (c) => c.toUpperCase());
  return `${label} ${column.year}`;
}

export function buildLedgerReport(
  stored: LedgerSnapshot,
  adjustments: readonly LedgerAdjustment[],
  applications: readonly ApplicationEntry[],
  createdOn: string,
): LedgerReport {
  const { snapshot, applied } = applyLedgerAdjustments(stored, adjustments, applications);
  const grants = applications.filter((a) => a.status === 'beviljad' && (a.decidedOn ?? '') > snapshot.asOf);
  const pending = applications.filter((a) => a.status === 'inlämnad' && a.submittedOn > snapshot.asOf);
  const totals = computeLedgerTotals(snapshot);
  const years = [...new Set(snapshot.columns.map((c) => c.year))].sort((a, b) => a - b);
  const columns = snapshot.columns.map((column): ReportColumn => {
    const previousYear = years[years.indexOf(column.year) - 1];
    const previous = previousYear === undefined ? undefined : latestEstimateColumn(snapshot.columns, previousYear);
    return { column, heading: columnHeading(column), carriedFromKey: previous?.key };
  });
  const of = (group: string) => snapshot.lines.filter((l) => l.group === group);
  const chart = years.map((year): ChartYear => {
    const t = (kind: string) => totals.find((x) => x.column.year === year && x.column.kind === kind);
    const estimate = latestEstimateColumn(snapshot.columns, year);
    const estimateTotals = totals.find((x) => x.column.key === estimate?.key);
    return {
      year,
      budget: (t('budget') ?? t('preliminary'))?.remaining,
      forecast: t('forecast')?.remaining,
      afterApplications: estimateTotals?.remainingAfterApplications,
    };
  });
  const decisions = [...applied.map((a) => a.decisionNumber ?? a.dnr), ...grants.map((g) => g.dnr)];
  const source =
    `Källa: ekonomisk information per ${snapshot.asOf} (${snapshot.associationName})` +
    (decisions.length > 0 ? `, med beslut efter tabellens datum: ${decisions.join(', ')}.` : ', inga beslut efter tabellens datum.') +
    (pending.length > 0 ? ` Ej beviljade ansökningar: ${pending.map((p) => p.dnr).join(', ')}.` : '');
  return {
    associationName: snapshot.associationName,
    title: `Ekonomisk information per ${createdOn}`,
    createdOn,
    asOf: snapshot.asOf,
    columns,
    incomeLines: snapshot.lines.filter((l) => l.section === 'income'),
    governanceAndAdministration: [...of('governance'), ...of('administration'), ...of('external_project')],
    initiativeLines: of('initiative'),
    otherCostLines: of('other_initiative'),
    pendingApplications: snapshot.pendingApplications,
    totals,
    applied,
    grants,
    pending,
    chart,
    source,
  };
}
