import { initiativeLabel } from '../domain/initiatives';
import { dueDate, latestEndedQuarter, quarterLabel } from '../domain/quarters';
import { ForbiddenError } from '../errors';
import { formatDateLong } from '../format/swedish';
import { quarterInText } from '../reports/parsePeriod';
import { ReportStatusRow, reportStatus } from '../reports/reportStatus';
import { normalize } from '../questions/parser/text';
import { hasRole } from '../roles/roleDirectory';
import { CommandHandler } from './types';

function stateText(row: ReportStatusRow): { a: string; b: string } {
  if (row.state === 'inlämnad')
    return {
      a: row.late ? 'Inlämnad för sent' : 'Inlämnad i tid',
      b: `${formatDateLong(row.submittedOn as string)}${(row.version ?? 1) > 1 ? `, version ${row.version}` : ''}`,
    };
  if (row.state === 'försenad') return { a: 'Försenad', b: `skulle in senast ${formatDateLong(row.due)}` };
  return { a: 'Saknas', b: `senast ${formatDateLong(row.due)}` };
}

/** "vilka kvartalsrapporter saknas?": every running insats's report status for a quarter. */
export const reportStatusCommand: CommandHandler = {
  name: 'kvartalsrapporter status',
  matches: (text) => {
    const t = normalize(text);
    return /\bkvartalsrapport(er|erna)?\b/.test(t) && /\b(saknas|status|inlamnade|forsenade|vilka|har)\b/.test(t);
  },
  async handle(input, deps) {
    if (!hasRole(input.user, 'kansli', 'forbundschef', 'ersattare', 'styrelse'))
      throw new ForbiddenError('Statusen för kvartalsrapporterna visas för kansliet, förbundschefen och styrelsen.');
    const quarter = quarterInText(input.text, deps.today()) ?? latestEndedQuarter(deps.today());
    const [registry, reports] = await Promise.all([
      deps.repos.initiatives.getRegistry(input.user.associationId),
      deps.repos.reports.listForYear(input.user.associationId, quarter.year),
    ]);
    const rows = reportStatus(quarter, registry?.initiatives ?? [], reports, deps.today());
    const missing = rows.filter((r) => r.state !== 'inlämnad').length;
    const title = `Kvartalsrapporter ${quarterLabel(quarter)}: ${missing === 0 ? 'alla inlämnade' : `${missing} av ${rows.length} saknas`}`;
    if (rows.length === 0) {
      const empty = `Inga insatser ska rapportera för ${quarterLabel(quarter)} just nu`;
      return [{ card: { template: 'notice', view: { title: empty, message: 'Ingen insats i registret pågår under kvartalet.', actions: [] } }, text: empty }];
    }
    const tableRows = rows.map((r) => ({ name: initiativeLabel(r.initiative), ...stateText(r) }));
    return [
      {
        card: {
          template: 'table',
          view: { title, headers: ['Insats', 'Status', 'Datum'], rows: tableRows, notes: [], source: `Sista dag ${formatDateLong(dueDate(quarter))}.` },
        },
        text: [title, ...tableRows.map((r) => `${r.name}: ${r.a}, ${r.b}`)].join('\n'),
      },
    ];
  },
};
