import { applicationItem, deviationItem, parseRegisterPeriod, registerReply } from '../deviations/delegationRegister';
import { pageOf } from '../cards/paging';
import { ForbiddenError } from '../errors';
import { normalize } from '../questions/parser/text';
import { hasRole } from '../roles/roleDirectory';
import { CommandHandler } from './types';
import { registerDocument } from '../exports/exportDocuments';
import { exportOfferReply, registerOffer } from '../exports/exportOfferView';
import { periodKey } from '../exports/registerReport';

/** "delegationsbeslut sedan förra styrelsemötet", "delegationsbeslut 2026", or between two dates. */
export const delegationDecisionsCommand: CommandHandler = {
  name: 'delegationsbeslut',
  // "Om jag fattar delegationsbeslut på 250 tkr, vad återstår av beslutsutrymmet?" supposes one: a budget question.
  matches: (text) => /\bdelegationsbeslut(en)?\b/.test(normalize(text)) && !/\b(om|if)\b.*\bdelegationsbeslut.*\bbeslutsutrymme/.test(normalize(text)),
  async handle(input, deps) {
    const user = input.user;
    if (!hasRole(user, 'kansli', 'forbundschef', 'ersattare', 'styrelse'))
      throw new ForbiddenError('Delegationsbesluten visas för kansliet, förbundschefen och styrelsen.');
    const period = parseRegisterPeriod(input.text);
    // "delegationsbeslut för kallelsen", "… som excel": the list as a document to attach.
    if (/\b(kallelse|kallelsen|excel|pdf|dokument|exportera|fil)\b/.test(normalize(input.text))) {
      const key = periodKey(period);
      const register = await registerDocument(deps, user.associationId, key);
      return [exportOfferReply(registerOffer(register, key, input.text.trim().slice(0, 120)), user, input.personal ?? false, deps.fileLinks)];
    }
    const [from, to] = period.kind === 'range' ? [period.from, period.to] : ['0000-01-01', '9999-12-31'];
    const [deviations, applications] = await Promise.all([
      deps.repos.deviations.listDecided(user.associationId, from, to),
      deps.repos.applications.listDelegationDecisions(user.associationId, from, to),
    ]);
    const all = [...deviations.map(deviationItem), ...applications.map(applicationItem)];
    const listed = period.kind === 'unreported' ? all.filter((i) => !i.reportedToBoard) : all;
    const lastMeeting =
      all
        .map((i) => i.reportedToBoard ?? '')
        .sort()
        .pop() || undefined;
    return [registerReply(listed, period, hasRole(user, 'kansli'), lastMeeting, undefined, { page: pageOf(input.text), question: input.text })];
  },
};
