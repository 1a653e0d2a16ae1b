import { Deviation, LedgerAdjustment, isBudgetKind, prognosisChanges } from '../domain/deviations';
import { AdjustedSnapshot, applyLedgerAdjustments } from '../finance/ledgerAdjustments';
import { findLedger } from '../questions/answers/common';
import { computeLedgerTotals, latestEstimateColumn } from '../finance/ledgerTotals';
import { Kronor } from '../domain/money';
import { formatDateLong, formatTkr, formatTkrChange } from '../format/swedish';
import { Fact } from '../cards/viewModels';
import { KIND_LABEL } from '../domain/ledger';
import { Repositories } from '../ports/repositories';
import { BudgetFacts } from './validateDeviation';

/** The latest ledger table with the approved avvikelser since it applied. */
export async function currentLedger(repos: Repositories, associationId: string): Promise<AdjustedSnapshot | undefined> {
  const lookup = await findLedger({ associationId, repos, today: '' });
  return lookup.snapshot ? { snapshot: lookup.snapshot, applied: lookup.applied } : undefined;
}

/** Everything the budget rules need about one insats, excluding the avvikelse `exceptId` from the open ones. */
export async function budgetFactsFor(repos: Repositories, associationId: string, initiativeId: string, today: string, exceptId?: string): Promise<BudgetFacts> {
  const year = Number(today.slice(0, 4));
  const [ledger, open, thisYear, nextYear] = await Promise.all([
    currentLedger(repos, associationId),
    repos.deviations.listByStatus(associationId, ['registreras', 'inlämnad']),
    repos.initiatives.getYearFigures(associationId, year),
    repos.initiatives.getYearFigures(associationId, year + 1),
  ]);
  const actualByYear: Record<number, Kronor> = {};
  for (const figures of [thisYear, nextYear]) {
    const actual = figures?.figures.find((f) => f.initiativeId === initiativeId)?.actual;
    if (figures && actual !== undefined) actualByYear[figures.year] = actual;
  }
  return { today, ledger, actualByYear, openDeviations: open.filter((d) => d.initiativeId === initiativeId && d.id !== exceptId && isBudgetKind(d.kind)) };
}

export function adjustmentOf(d: Deviation, decidedOn: string): LedgerAdjustment {
  return {
    caseId: d.id,
    dnr: d.dnr ?? '',
    decisionNumber: d.decision?.number,
    decidedOn,
    initiativeId: d.initiativeId,
    initiativeName: d.initiativeName,
    changes: prognosisChanges(d),
  };
}

/** The finance effect per year and, while undecided, the beslutsutrymme before → after approval. */
export function effectFacts(d: Deviation, ledger: AdjustedSnapshot | undefined, today: string): Fact[] {
  const facts: Fact[] = prognosisChanges(d).map((c) => ({ label: `Prognos ${c.year}, ${d.initiativeName}`, value: formatTkrChange(c.amount) }));
  if (d.kind === 'period' && d.newEndDate)
    facts.push({ label: 'Slutdatum', value: `${formatDateLong(d.previousEndDate ?? d.newEndDate)} → ${formatDateLong(d.newEndDate)}` });
  if (d.status !== 'inlämnad' || !ledger || facts.length === 0 || !isBudgetKind(d.kind)) return facts;
  const snapshot = ledger.snapshot;
  const decidedOn = today > snapshot.asOf ? today : '9999-12-31';
  const after = applyLedgerAdjustments(snapshot, [adjustmentOf(d, decidedOn)]).snapshot;
  const before = computeLedgerTotals(snapshot);
  const afterTotals = computeLedgerTotals(after);
  const years = [...new Set(snapshot.columns.map((c) => c.year))].filter((y) => y >= (d.fromYear ?? 0)).sort((a, b) => a - b);
  for (const year of years) {
    const column = latestEstimateColumn(snapshot.columns, year);
    const b = before.find((t) => t.column.key === column?.key);
    const a = afterTotals.find((t) => t.column.key === column?.key);
    if (column && a && b)
      facts.push({ label: `Beslutsutrymme ${year} (${KIND_LABEL[column.kind]})`, value: `${formatTkr(b.remaining)} → ${formatTkr(a.remaining)}` });
  }
  return facts;
}
