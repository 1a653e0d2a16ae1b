import { isSaneDate } from '../domain/limits';
import { CardActionHandler } from '../commands/types';
import { RegisterItem, applicationItem, deviationItem, registerReply } from '../deviations/delegationRegister';
import { ForbiddenError, InvalidInputError } from '../errors';
import { formatDateLong } from '../format/swedish';
import { hasRole } from '../roles/roleDirectory';

/** The kansli marks the listed delegationsbeslut as anmälda at a board meeting. Idempotent: a date once set stays. */
export const markReportedAction: CardActionHandler = {
  verb: 'markReported',
  async handle(input, deps) {
    if (!hasRole(input.user, 'kansli')) throw new ForbiddenError('Bara kansliet kan markera delegationsbeslut som anmälda till styrelsen.');
    const meetingDate = typeof input.data.meetingDate === 'string' ? input.data.meetingDate.trim() : '';
    if (!isSaneDate(meetingDate)) throw new InvalidInputError('Ange styrelsemötets datum, till exempel 2026-12-10.');
    const ids = Array.isArray(input.data.caseIds) ? input.data.caseIds.filter((id): id is string => typeof id === 'string') : [];
    if (ids.length === 0) throw new InvalidInputError('Kortet listar inga beslut att markera.');
    // Check every listed decision before marking any, so a bad date marks nothing.
    const found = await Promise.all(
      ids.map(async (id) => {
        // Avvikelser and ansökningar decided on delegation share the register.
        const decision = id.startsWith('ansokan-') ? (await deps.repos.applications.get(input.user.associationId, id))?.decision : (await deps.repos.deviations.get(input.user.associationId, id))?.decision;
        if (!decision || ('by' in decision && decision.by !== 'delegation')) throw new InvalidInputError(`Beslutet ${id} finns inte hos ditt förbund.`);
        if (meetingDate < decision.decidedOn) throw new InvalidInputError(`Mötet ${meetingDate} ligger före beslutet ${decision.number ?? ''} (${decision.decidedOn}).`);
        return id;
      }),
    );
    const updated: RegisterItem[] = [];
    for (const id of found) {
      if (id.startsWith('ansokan-')) {
        updated.push(applicationItem(await deps.repos.applications.update(input.user.associationId, id, (a) => (!a.decision || a.decision.reportedToBoard ? a : { ...a, decision: { ...a.decision, reportedToBoard: meetingDate } }))));
      } else {
        updated.push(deviationItem(await deps.repos.deviations.update(input.user.associationId, id, (d) => (!d.decision || d.decision.reportedToBoard ? d : { ...d, decision: { ...d.decision, reportedToBoard: meetingDate } }))));
      }
    }
    return { replies: [], updatedCard: registerReply(updated, { kind: 'range', from: '', to: '', label: `anmälda till styrelsen ${formatDateLong(meetingDate)}` }, false) };
  },
};
