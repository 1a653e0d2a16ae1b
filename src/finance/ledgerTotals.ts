import { ColumnKind, LedgerColumn, LedgerSnapshot, TotalField } from '../domain/ledger';
import { Kronor, sum } from '../domain/money';

export interface ColumnTotals {
  readonly column: LedgerColumn;
  readonly income: Kronor;
  readonly governance: Kronor;
  readonly administration: Kronor;
  readonly externalProject: Kronor;
  /** S:a samverkansinsatser: the individual insatser only. */
  readonly initiatives: Kronor;
  readonly otherInitiatives: Kronor;
  readonly cost: Kronor;
  readonly result: Kronor;
  readonly carriedIn: Kronor;
  readonly remaining: Kronor;
  /** Pending applications in this column alone. */
  readonly pendingApplications: Kronor;
  readonly remainingAfterApplications: Kronor;
}

/** Which column is a year's latest estimate: prognos if there is one, else budget, else preliminary. */
const ESTIMATE_PRIORITY: Readonly<Record<ColumnKind, number>> = { forecast: 0, budget: 1, preliminary: 2 };

export function latestEstimateColumn(columns: readonly LedgerColumn[], year: number): LedgerColumn | undefined {
  return columns.filter((c) => c.year === year).sort((a, b) => ESTIMATE_PRIORITY[a.kind] - ESTIMATE_PRIORITY[b.kind] || a.key.localeCompare(b.key))[0];
}

/**
 * Computes every column's totals with the chain rule: the first year starts from
 * the opening surplus; each later year starts from the kvarvarande beslutsutrymme
 * of the previous year's latest estimate.
 */
export function computeLedgerTotals(snapshot: LedgerSnapshot): readonly ColumnTotals[] {
  const years = [...new Set(snapshot.columns.map((c) => c.year))].sort((a, b) => a - b);
  const byKey = new Map<string, ColumnTotals>();
  const estimateOf = new Map<number, ColumnTotals>();
  for (const year of years) {
    const previous = estimateOf.get(years[years.indexOf(year) - 1] ?? Number.NaN);
    const carriedIn = previous ? previous.remaining : snapshot.openingSurplus.amount;
    const pendingBefore = previous ? cumulativePending(previous) : 0;
    for (const column of snapshot.columns.filter((c) => c.year === year)) {
      byKey.set(column.key, columnTotals(snapshot, column, carriedIn, pendingBefore));
    }
    const estimate = latestEstimateColumn(snapshot.columns, year);
    if (estimate) estimateOf.set(year, byKey.get(estimate.key) as ColumnTotals);
  }
  return snapshot.columns.map((c) => byKey.get(c.key) as ColumnTotals);
}

function cumulativePending(totals: ColumnTotals): Kronor {
  return totals.remaining - totals.remainingAfterApplications;
}

function columnTotals(snapshot: LedgerSnapshot, column: LedgerColumn, carriedIn: Kronor, pendingBefore: Kronor): ColumnTotals {
  const amountOf = (group: string) => sum(snapshot.lines.filter((l) => l.group === group).map((l) => l.amounts[column.key] ?? 0));
  const income = sum(snapshot.lines.filter((l) => l.section === 'income').map((l) => l.amounts[column.key] ?? 0));
  const governance = amountOf('governance');
  const administration = amountOf('administration');
  const externalProject = amountOf('external_project');
  const initiatives = amountOf('initiative');
  const otherInitiatives = amountOf('other_initiative');
  const cost = governance + administration + externalProject + initiatives + otherInitiatives;
  const result = income - cost;
  const remaining = carriedIn + result;
  const pendingApplications = sum(snapshot.pendingApplications.map((a) => a.amounts[column.key] ?? 0));
  return {
    column,
    income,
    governance,
    administration,
    externalProject,
    initiatives,
    otherInitiatives,
    cost,
    result,
    carriedIn,
    remaining,
    pendingApplications,
    remainingAfterApplications: remaining - pendingBefore - pendingApplications,
  };
}

export interface TotalDifference {
  readonly columnKey: string;
  readonly field: TotalField;
  readonly stated: Kronor;
  readonly computed: Kronor;
  readonly difference: Kronor;
  /** At most 1 tkr: explained by the per-line rounding of printed tkr. */
  readonly rounding: boolean;
}

/** Every printed total that does not match the total recomputed from the lines. */
export function compareStatedTotals(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[]): readonly TotalDifference[] {
  const differences: TotalDifference[] = [];
  for (const t of totals) {
    const stated = snapshot.statedTotals[t.column.key];
    if (!stated) continue;
    for (const field of Object.keys(stated) as TotalField[]) {
      const printed = stated[field];
      if (printed === undefined || printed === t[field]) continue;
      const difference = printed - t[field];
      differences.push({ columnKey: t.column.key, field, stated: printed, computed: t[field], difference, rounding: Math.abs(difference) <= 1000 });
    }
  }
  return differences;
}
