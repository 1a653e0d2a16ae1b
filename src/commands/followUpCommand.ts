import { ForbiddenError } from '../errors';
import { compileFollowUp } from '../reports/compileFollowUp';
import { followUpReplies } from '../reports/followUpViews';
import { followUpPeriodInText } from '../reports/parsePeriod';
import { latestEstimateColumn } from '../finance/ledgerTotals';
import { findLedger } from '../questions/answers/common';
import { normalize } from '../questions/parser/text';
import { hasRole } from '../roles/roleDirectory';
import { CommandHandler } from './types';

/** "uppföljning 2025", "uppföljning första halvåret 2026": the board's follow-up tables from the quarterly reports. */
export const followUpCommand: CommandHandler = {
  name: 'uppföljning',
  matches: (text) => /\b(uppfoljning|uppfoljningen|halvarsuppfoljning)\b/.test(normalize(text)),
  async handle(input, deps) {
    if (!hasRole(input.user, 'kansli', 'forbundschef', 'ersattare', 'styrelse')) throw new ForbiddenError('Uppföljningen sammanställs för kansliet, förbundschefen och styrelsen.');
    const associationId = input.user.associationId;
    const period = followUpPeriodInText(input.text, deps.today());
    const [registry, reports, figures, ledger] = await Promise.all([
      deps.repos.initiatives.getRegistry(associationId),
      deps.repos.reports.listForYear(associationId, period.year),
      deps.repos.initiatives.getYearFigures(associationId, period.year),
      findLedger({ associationId, today: deps.today(), repos: deps.repos }, period.year),
    ]);
    // The year's budget per insats: the decided figures when stored, else the ledger's latest estimate.
    const column = ledger.snapshot ? latestEstimateColumn(ledger.snapshot.columns, period.year) : undefined;
    const budgets: Record<string, number> = {};
    for (const line of ledger.snapshot?.lines ?? []) if (column && line.amounts[column.key]) budgets[line.id] = line.amounts[column.key] as number;
    for (const f of figures?.figures ?? []) budgets[f.initiativeId] = f.budget;
    return followUpReplies(compileFollowUp(period, registry?.initiatives ?? [], reports, budgets));
  },
};
