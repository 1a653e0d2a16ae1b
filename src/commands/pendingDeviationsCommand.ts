import { caseCardFor, loadCardContext } from '../deviations/caseCards';
import { DEVIATION_KIND_LABEL } from '../domain/deviations';
import { formatDateLong } from '../format/swedish';
import { normalize } from '../questions/parser/text';
import { DECIDER_ROLES, canDecideOnDelegation, hasRole } from '../roles/roleDirectory';
import { ForbiddenError } from '../errors';
import { Reply } from '../cards/viewModels';
import { CommandHandler } from './types';

const MAX_CARDS = 10;
/** Rows per page of the list: keeps the card far below Teams' limit however long the queue. */
export const PAGE_SIZE = 25;

/** "vilka avvikelser väntar?": the open queue; deciders get each one with its decision buttons. */
export const pendingDeviationsCommand: CommandHandler = {
  name: 'väntande avvikelser',
  matches: (text) => {
    const t = normalize(text);
    return /\bavvikelse(r|rna)?\b/.test(t) && /\b(vantar|vantande|oppna|obeslutade|inte beslutade|kon|ko)\b/.test(t);
  },
  async handle(input, deps) {
    // Only those who act on the queue see it: the deciders and the kansli.
    if (!hasRole(input.user, ...DECIDER_ROLES, 'kansli'))
      throw new ForbiddenError('Kön över avvikelser som väntar på beslut visas för förbundschefen, ersättaren och kansliet.');
    const open = await deps.repos.deviations.listByStatus(input.user.associationId, ['inlämnad']);
    // An empty queue is said in words, not shown as a table with only headers.
    if (open.length === 0) {
      const empty = 'Inga avvikelser väntar på beslut just nu';
      const message = 'När en insatsansvarig lämnar en avvikelse hamnar den här, och förbundschefen får den i chatten.';
      return [
        {
          card: {
            template: 'notice',
            view: {
              title: empty,
              message,
              actions: [
                { title: 'Delegationsbeslut sedan förra mötet', verb: 'askQuestion', data: { question: 'delegationsbeslut sedan förra styrelsemötet' } },
              ],
            },
          },
          text: `${empty}. ${message}`,
        },
      ];
    }
    const pages = Math.max(1, Math.ceil(open.length / PAGE_SIZE));
    const page = Math.min(Math.max(1, Number(/\bsida (\d{1,4})\b/.exec(normalize(input.text))?.[1] ?? 1)), pages);
    const shown = open.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const title =
      open.length === 0
        ? 'Inga avvikelser väntar på beslut'
        : `${open.length} avvikelse${open.length === 1 ? '' : 'r'} väntar på beslut${pages > 1 ? ` (sida ${page} av ${pages})` : ''}`;
    const rows = shown.map((d) => ({ name: `${d.dnr ?? ''} ${d.initiativeName}`.trim(), a: DEVIATION_KIND_LABEL[d.kind], b: formatDateLong(d.filedOn) }));
    const more = page < pages ? [{ text: `Visa fler: skriv "vilka avvikelser väntar sida ${page + 1}".` }] : [];
    const summary: Reply = {
      card: { template: 'table', view: { title, headers: ['Ärende', 'Typ', 'Inlämnad'], rows, notes: more, source: 'Enligt förbundets diarium.' } },
      text: [title, ...rows.map((r) => `${r.name}: ${r.a}, ${r.b}`), ...more.map((m) => m.text)].join('\n'),
    };
    // Decision views (a comment field, Godkänn/Avslå, the amounts) only in the decider's personal chat, never in a channel.
    if (!canDecideOnDelegation(input.user) || open.length === 0 || input.personal === false) return [summary];
    const context = await loadCardContext(deps, input.user.associationId);
    const cards = shown.slice(0, MAX_CARDS).map((d) => caseCardFor(context, d, input.user));
    return [summary, ...cards];
  },
};
