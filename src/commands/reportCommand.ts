import { initiativeLabel } from '../domain/initiatives';
import { latestEndedQuarter, quarterKey, quarterLabel } from '../domain/quarters';
import { ownInitiatives } from '../deviations/fileDeviation';
import { openReportForm, reportQuarter } from '../reports/fileReport';
import { quarterInText } from '../reports/parsePeriod';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "kvartalsrapport" (optionally "kvartalsrapport kvartal 2 2026"): the form, for the latest ended quarter by default. */
export const reportCommand: CommandHandler = {
  name: 'kvartalsrapport',
  matches: (text) => /^(ny |lamna )?kvartalsrapport\b/.test(normalize(text)) && !/\b(saknas|status|forsenade)\b/.test(normalize(text)),
  async handle(input, deps) {
    const quarter = reportQuarter(deps, quarterKey(quarterInText(input.text, deps.today()) ?? latestEndedQuarter(deps.today())));
    const own = await ownInitiatives(deps, input.user, 'Kvartalsrapporter');
    if (own.length === 1) return [await openReportForm(deps, input.user, own[0]?.id, quarter)];
    const title = `Kvartalsrapport ${quarterLabel(quarter)}`;
    const actions = own.map((i) => ({ title: initiativeLabel(i), verb: 'openReportForm', data: { initiativeId: i.id, quarterKey: quarterKey(quarter) } }));
    return [
      {
        card: { template: 'receipt', view: { title, status: 'Vilken insats gäller rapporten?', facts: [], notes: [], actions } },
        text: `${title}: välj insats`,
      },
    ];
  },
};
