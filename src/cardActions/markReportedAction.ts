import { DateTime } from 'luxon';
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate) || !DateTime.fromISO(meetingDate).isValid) throw new InvalidInputError('Ange styrelsemötets datum, till exempel 2026-12-10.');
    const ids = Array.isArray(input.data.caseIds) ? input.data.caseIds.filter((id): id is string => typeof id === 'string') : [];
    if (ids.length === 0) throw new InvalidInputError('Kortet listar inga beslut att markera.');
    const updated: RegisterItem[] = [];
    for (const id of ids) {
      // Avvikelser and ansökningar decided on delegation share the register.
      if (id.startsWith('ansokan-')) {
        const current = await deps.repos.applications.get(input.user.associationId, id);
        if (!current?.decision || current.decision.by !== 'delegation') throw new InvalidInputError(`Beslutet ${id} finns inte hos ditt förbund.`);
        if (meetingDate < current.decision.decidedOn) throw new InvalidInputError(`Mötet ${meetingDate} ligger före beslutet ${current.decision.number ?? ''} (${current.decision.decidedOn}).`);
        updated.push(applicationItem(await deps.repos.applications.update(current.associationId, id, (a) => (!a.decision || a.decision.reportedToBoard ? a : { ...a, decision: { ...a.decision, reportedToBoard: meetingDate } }))));
        continue;
      }
      const current = await deps.repos.deviations.get(input.user.associationId, id);
      if (!current?.decision) throw new InvalidInputError(`Beslutet ${id} finns inte hos ditt förbund.`);
      if (meetingDate < current.decision.decidedOn) throw new InvalidInputError(`Mötet ${meetingDate} ligger före beslutet ${current.decision.number ?? ''} (${current.decision.decidedOn}).`);
      updated.push(deviationItem(await deps.repos.deviations.update(current.associationId, id, (d) => (!d.decision || d.decision.reportedToBoard ? d : { ...d, decision: { ...d.decision, reportedToBoard: meetingDate } }))));
    }
    return { replies: [], updatedCard: registerReply(updated, { kind: 'range', from: '', to: '', label: `anmälda till styrelsen ${formatDateLong(meetingDate)}` }, false) };
  },
};
