import { ApplicationEntry, LedgerAdjustment } from '../domain/deviations';
import { LedgerSnapshot } from '../domain/ledger';
import { latestEstimateColumn } from './ledgerTotals';
import { Kronor } from '../domain/money';

export interface AdjustedSnapshot {
  readonly snapshot: LedgerSnapshot;
  /** The adjustments that changed the figures, oldest first. */
  readonly applied: readonly LedgerAdjustment[];
}

/**
 * Applies approved avvikelser decided after the table's date to each year's latest
 * estimate (prognos, else budget, else preliminary) of the insats's line. Earlier
 * decisions are already in the table the kansli published.
 */
export function applyLedgerAdjustments(
  snapshot: LedgerSnapshot,
  adjustments: readonly LedgerAdjustment[],
  applications: readonly ApplicationEntry[] = [],
): AdjustedSnapshot {
  const withApplications = applyApplications(snapshot, applications);
  return applyAvvikelser(withApplications, adjustments);
}

/** Amounts per year placed in each year's latest estimate column. */
function byColumn(snapshot: LedgerSnapshot, byYear: Readonly<Record<number, Kronor>>): Record<string, Kronor> {
  const amounts: Record<string, Kronor> = {};
  for (const [year, amount] of Object.entries(byYear)) {
    const column = latestEstimateColumn(snapshot.columns, Number(year));
    if (column && amount) amounts[column.key] = (amounts[column.key] ?? 0) + amount;
  }
  return amounts;
}

/**
 * Applications submitted after the table's date wait among "Nya ansökningar, ej beviljade";
 * one granted after it becomes an insats line with the granted amounts.
 */
function applyApplications(snapshot: LedgerSnapshot, applications: readonly ApplicationEntry[]): LedgerSnapshot {
  const pending = applications.filter((a) => a.status === 'inlämnad' && a.submittedOn > snapshot.asOf);
  const granted = applications.filter((a) => a.status === 'beviljad' && (a.decidedOn ?? '') > snapshot.asOf);
  if (pending.length === 0 && granted.length === 0) return snapshot;
  return {
    ...snapshot,
    pendingApplications: [
      ...snapshot.pendingApplications,
      ...pending.map((a) => ({ name: `${a.name} (${a.dnr})`, owner: a.owner, amounts: byColumn(snapshot, a.requestedByYear) })),
    ],
    lines: [
      ...snapshot.lines,
      ...granted.map((a) => ({
        id: a.caseId,
        section: 'cost' as const,
        group: 'initiative' as const,
        label: a.name,
        initiative: { name: a.name, owner: a.owner },
        amounts: byColumn(snapshot, a.grantedByYear ?? {}),
        note: `Beviljad ${a.decidedOn} (${a.dnr}).`,
      })),
    ],
  };
}

function applyAvvikelser(snapshot: LedgerSnapshot, adjustments: readonly LedgerAdjustment[]): AdjustedSnapshot {
  const relevant = adjustments
    .filter((a) => a.decidedOn > snapshot.asOf)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.caseId.localeCompare(b.caseId));
  const applied: LedgerAdjustment[] = [];
  let lines = snapshot.lines;
  for (const adjustment of relevant) {
    const lineIndex = lines.findIndex((l) => l.id === adjustment.initiativeId);
    if (lineIndex < 0) continue;
    const line = lines[lineIndex] as (typeof lines)[number];
    const amounts: Record<string, Kronor> = { ...line.amounts };
    let changed = false;
    for (const change of adjustment.changes) {
      const column = latestEstimateColumn(snapshot.columns, change.year);
      if (!column) continue;
      amounts[column.key] = (amounts[column.key] ?? 0) + change.amount;
      changed = true;
    }
    if (!changed) continue;
    lines = lines.map((l, i) => (i === lineIndex ? { ...l, amounts } : l));
    applied.push(adjustment);
  }
  return { snapshot: applied.length > 0 ? { ...snapshot, lines } : snapshot, applied };
}

/** What is left of an insats's budget in a year: the latest estimate less utfall so far and money already asked to leave. */
export function remainingInitiativeBudget(
  snapshot: LedgerSnapshot,
  initiativeId: string,
  year: number,
  actualSoFar: Kronor,
  pendingOut: Kronor,
): Kronor | undefined {
  const column = latestEstimateColumn(snapshot.columns, year);
  const line = snapshot.lines.find((l) => l.id === initiativeId);
  if (!column || !line) return undefined;
  const budget = line.amounts[column.key] ?? 0;
  return budget > 0 ? budget - actualSoFar - pendingOut : undefined;
}
