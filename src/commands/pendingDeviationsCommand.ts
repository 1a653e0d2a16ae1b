import { caseCardFor, loadCardContext } from '../deviations/caseCards';
import { DEVIATION_KIND_LABEL } from '../domain/deviations';
import { formatDateLong } from '../format/swedish';
import { normalize } from '../questions/parser/text';
import { canDecideOnDelegation } from '../roles/roleDirectory';
import { Reply } from '../cards/viewModels';
import { CommandHandler } from './types';

const MAX_CARDS = 10;

/** "vilka avvikelser väntar?": the open queue; deciders get each one with its decision buttons. */
export const pendingDeviationsCommand: CommandHandler = {
  name: 'väntande avvikelser',
  matches: (text) => {
    const t = normalize(text);
    return /\bavvikelse(r|rna)?\b/.test(t) && /\b(vantar|vantande|oppna|obeslutade|inte beslutade|kon|ko)\b/.test(t);
  },
  async handle(input, deps) {
    const open = await deps.repos.deviations.listByStatus(input.user.associationId, ['inlämnad']);
    // An empty queue is said in words, not shown as a table with only headers.
    if (open.length === 0) {
      const empty = 'Inga avvikelser väntar på beslut just nu';
      const message = 'När en insatsansvarig lämnar en avvikelse hamnar den här, och förbundschefen får den i chatten.';
      return [{ card: { template: 'notice', view: { title: empty, message, actions: [{ title: 'Delegationsbeslut sedan förra mötet', verb: 'askQuestion', data: { question: 'delegationsbeslut sedan förra styrelsemötet' } }] } }, text: `${empty}. ${message}` }];
    }
    const title = open.length === 0 ? 'Inga avvikelser väntar på beslut' : `${open.length} avvikelse${open.length === 1 ? '' : 'r'} väntar på beslut`;
    const rows = open.map((d) => ({ name: `${d.dnr ?? ''} ${d.initiativeName}`.trim(), a: DEVIATION_KIND_LABEL[d.kind], b: formatDateLong(d.filedOn) }));
    const summary: Reply = {
      card: { template: 'table', view: { title, headers: ['Ärende', 'Typ', 'Inlämnad'], rows, notes: [], source: 'Enligt förbundets diarium.' } },
      text: [title, ...rows.map((r) => `${r.name}: ${r.a}, ${r.b}`)].join('\n'),
    };
    if (!canDecideOnDelegation(input.user) || open.length === 0) return [summary];
    const context = await loadCardContext(deps, input.user.associationId);
    const cards = open.slice(0, MAX_CARDS).map((d) => caseCardFor(context, d, input.user));
    return [summary, ...cards];
  },
};
