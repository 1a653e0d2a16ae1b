import { formProblems } from '../cards/fieldProblems';
import { deviationFormReply } from '../deviations/deviationViews';
import { fileDeviation, ownInitiatives, selectableYears } from '../deviations/fileDeviation';
import { caseCardFor } from '../deviations/caseCards';
import { DeviationFormInput } from '../deviations/validateDeviation';
import { CardActionHandler } from '../commands/types';

const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));

/** The avvikelse form's "Skicka in": the form again with every problem, or the receipt in its place. */
export const submitDeviationAction: CardActionHandler = {
  verb: 'submitDeviation',
  async handle(input, deps) {
    const d = input.data;
    const form: DeviationFormInput = {
      initiativeId: text(d.initiativeId),
      kind: text(d.kind),
      amount: text(d.amount),
      fromYear: text(d.fromYear),
      newEndDate: text(d.newEndDate),
      reason: text(d.reason),
      position: text(d.position),
    };
    const formId = text(d.formId) ?? '';
    const result = input.problems?.length
      ? { kind: 'invalid' as const, problems: formProblems(input.problems) }
      : await fileDeviation(deps, input.user, formId, form, input.personalCardId);
    if (result.kind === 'invalid') {
      const [own, years] = await Promise.all([ownInitiatives(deps, input.user), selectableYears(deps, input.user.associationId)]);
      return { replies: [], updatedCard: deviationFormReply(own, years, { ...form, formId }, result.problems) };
    }
    const notes = [
      result.alreadyFiled ? 'Avvikelsen var redan inlämnad; här är den.' : 'Tack! Avvikelsen är inlämnad och diarieförd.',
      result.decidersReached > 0
        ? 'Förbundschefen har fått den för beslut. Du får besked här när den är beslutad.'
        : 'Förbundschefen har ännu inte öppnat boten i Teams och kunde inte meddelas direkt; kansliet ser avvikelsen i kön.',
    ];
    return { replies: [], updatedCard: caseCardFor(result.cardContext, result.deviation, input.user, notes) };
  },
};
