import { isSaneDate } from '../domain/limits';
import { CardActionHandler } from '../commands/types';
import { RegisterItem, applicationItem, deviationItem, registerReply } from '../deviations/delegationRegister';
import { ForbiddenError, InvalidInputError } from '../errors';
import { formatDate, formatDateLong } from '../format/swedish';
import { hasRole } from '../roles/roleDirectory';

const LABEL = 'Styrelsemötets datum';

/**
 * The kansli marks the listed delegationsbeslut as anmälda at a board meeting. Idempotent: a
 * date once set stays. A date that is missing or before a decision is the user's mistake: the
 * same register comes back with the typed date and the problem beside the field, nothing marked.
 */
export const markReportedAction: CardActionHandler = {
  verb: 'markReported',
  async handle(input, deps) {
    if (!hasRole(input.user, 'kansli')) throw new ForbiddenError('Bara kansliet kan markera delegationsbeslut som anmälda till styrelsen.');
    const meetingDate = typeof input.data.meetingDate === 'string' ? input.data.meetingDate.trim() : '';
    const ids = Array.isArray(input.data.caseIds) ? input.data.caseIds.filter((id): id is string => typeof id === 'string') : [];
    if (ids.length === 0)
      throw new InvalidInputError(
        'Kortet listar inga beslut att markera. Skriv "delegationsbeslut sedan förra styrelsemötet" för en aktuell lista.',
        undefined,
        [{ title: 'Delegationsbeslut sedan förra mötet', question: 'delegationsbeslut sedan förra styrelsemötet' }],
      );
    // Avvikelser and ansökningar decided on delegation share the register.
    const items = await Promise.all(
      ids.map(async (id) => {
        const item = id.startsWith('ansokan-')
          ? await deps.repos.applications.get(input.user.associationId, id).then((a) => (a?.decision?.by === 'delegation' ? applicationItem(a) : undefined))
          : await deps.repos.deviations.get(input.user.associationId, id).then((d) => (d?.decision ? deviationItem(d) : undefined));
        if (!item) throw new InvalidInputError(`Beslutet ${id} finns inte hos ditt förbund.`);
        return item;
      }),
    );
    // Check every listed decision before marking any, so a bad date marks nothing.
    const validDate = isSaneDate(meetingDate);
    const tooEarly = validDate ? items.filter((i) => meetingDate < i.decidedOn) : [];
    const problem = !validDate
      ? `${LABEL}: ${meetingDate === '' ? 'välj datumet för mötet där besluten anmäldes' : `"${meetingDate}" är inget datum; skriv till exempel 2026-12-10`}.`
      : tooEarly.length > 0
        ? `${LABEL}: mötet ${formatDate(meetingDate)} ligger före ${tooEarly.map((i) => `beslut ${i.number ?? ''} (${formatDate(i.decidedOn)})`.replace('  ', ' ')).join(', ')}. Ett beslut kan bara anmälas vid ett möte efter att det fattats.`
        : undefined;
    if (problem) {
      const title = typeof input.data.title === 'string' ? input.data.title : '';
      return { replies: [], updatedCard: registerReply(items, { kind: 'unreported' }, true, undefined, { title, meetingDate, problem }) };
    }
    const updated: RegisterItem[] = [];
    for (const id of ids) {
      if (id.startsWith('ansokan-')) {
        updated.push(
          applicationItem(
            await deps.repos.applications.update(input.user.associationId, id, (a) =>
              !a.decision || a.decision.reportedToBoard ? a : { ...a, decision: { ...a.decision, reportedToBoard: meetingDate } },
            ),
          ),
        );
      } else {
        updated.push(
          deviationItem(
            await deps.repos.deviations.update(input.user.associationId, id, (d) =>
              !d.decision || d.decision.reportedToBoard ? d : { ...d, decision: { ...d.decision, reportedToBoard: meetingDate } },
            ),
          ),
        );
      }
    }
    return {
      replies: [],
      updatedCard: registerReply(updated, { kind: 'range', from: '', to: '', label: `anmälda till styrelsen ${formatDateLong(meetingDate)}` }, false),
    };
  },
};
