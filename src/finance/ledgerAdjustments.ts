import { LedgerAdjustment } from '../domain/deviations';
import { LedgerSnapshot } from '../domain/ledger';
import { latestEstimateColumn } from './ledgerTotals';
import { Kronor } from './money';

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
export function applyLedgerAdjustments(snapshot: LedgerSnapshot, adjustments: readonly LedgerAdjustment[]): AdjustedSnapshot {
  const relevant = adjustments.filter((a) => a.decidedOn > snapshot.asOf).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.caseId.localeCompare(b.caseId));
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
export function remainingInitiativeBudget(snapshot: LedgerSnapshot, initiativeId: string, year: number, actualSoFar: Kronor, pendingOut: Kronor): Kronor | undefined {
  const column = latestEstimateColumn(snapshot.columns, year);
  const line = snapshot.lines.find((l) => l.id === initiativeId);
  if (!column || !line) return undefined;
  const budget = line.amounts[column.key] ?? 0;
  return budget > 0 ? budget - actualSoFar - pendingOut : undefined;
}
