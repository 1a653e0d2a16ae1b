import { latestEstimateColumn } from '../finance/ledgerTotals';
import { findLedger } from '../questions/answers/common';
import { Repositories } from '../ports/repositories';
import { FollowUp, FollowUpPeriod, compileFollowUp } from './compileFollowUp';

/** The follow-up of a period from the store: the reports, the insatser and each insats's budget for the year. */
export async function loadFollowUp(repos: Repositories, associationId: string, today: string, period: FollowUpPeriod): Promise<FollowUp> {
  const [registry, reports, figures, ledger] = await Promise.all([
    repos.initiatives.getRegistry(associationId),
    repos.reports.listForYear(associationId, period.year),
    repos.initiatives.getYearFigures(associationId, period.year),
    findLedger({ associationId, today, repos }, period.year),
  ]);
  // The year's budget per insats: the decided figures when stored, else the ledger's latest estimate.
  const column = ledger.snapshot ? latestEstimateColumn(ledger.snapshot.columns, period.year) : undefined;
  const budgets: Record<string, number> = {};
  for (const line of ledger.snapshot?.lines ?? []) if (column && line.amounts[column.key]) budgets[line.id] = line.amounts[column.key] as number;
  for (const f of figures?.figures ?? []) budgets[f.initiativeId] = f.budget;
  return compileFollowUp(period, registry?.initiatives ?? [], reports, budgets);
}
