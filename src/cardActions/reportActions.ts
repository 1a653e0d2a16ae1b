import { CardActionHandler, CardActionInput } from '../commands/types';
import { deviationFormReply } from '../deviations/deviationViews';
import { ownInitiatives, selectableYears } from '../deviations/fileDeviation';
import { InvalidInputError } from '../errors';
import { openReportForm, reportQuarter, saveReportDraft, submitReport } from '../reports/fileReport';
import { ReportFields } from '../reports/validateReport';

const META = new Set(['formId', 'initiativeId', 'quarterKey', 'basedOn']);

/** The form's inputs as strings (clients send numbers and toggles in different shapes). */
function fieldsOf(input: CardActionInput): ReportFields {
  return Object.fromEntries(
    Object.entries(input.data)
      .filter(([k, v]) => !META.has(k) && v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
}
const formIdOf = (input: CardActionInput) => (typeof input.data.formId === 'string' ? input.data.formId : '');
/** The version the form was opened against; undefined for cards made before forms carried it. */
const basedOnOf = (input: CardActionInput) =>
  typeof input.data.basedOn === 'string' && /^\d+$/.test(input.data.basedOn)
    ? Number(input.data.basedOn)
    : typeof input.data.basedOn === 'number'
      ? input.data.basedOn
      : undefined;

/** The chooser's button: the form for that insats and quarter. */
export const openReportFormAction: CardActionHandler = {
  verb: 'openReportForm',
  async handle(input, deps) {
    return { replies: [], updatedCard: await openReportForm(deps, input.user, input.data.initiativeId, reportQuarter(deps, input.data.quarterKey)) };
  },
};

/** "Spara utkast": keeps the half-filled form across restarts. */
export const saveReportDraftAction: CardActionHandler = {
  verb: 'saveReportDraft',
  async handle(input, deps) {
    return {
      replies: [],
      updatedCard: await saveReportDraft(
        deps,
        input.user,
        input.data.initiativeId,
        reportQuarter(deps, input.data.quarterKey),
        fieldsOf(input),
        formIdOf(input),
        basedOnOf(input),
        input.personalCardId,
        input.problems,
      ),
    };
  },
};

/** "Skicka in rapporten": the receipt, or the form again with every problem. */
export const submitReportAction: CardActionHandler = {
  verb: 'submitReport',
  async handle(input, deps) {
    return {
      replies: [],
      updatedCard: await submitReport(
        deps,
        input.user,
        input.data.initiativeId,
        reportQuarter(deps, input.data.quarterKey),
        fieldsOf(input),
        formIdOf(input),
        basedOnOf(input),
        input.personalCardId,
        input.problems,
      ),
    };
  },
};

/** "Lämna avvikelse nu" on a receipt: the avvikelse form with the insats chosen. */
export const openDeviationFormAction: CardActionHandler = {
  verb: 'openDeviationForm',
  async handle(input, deps) {
    const own = await ownInitiatives(deps, input.user);
    const initiativeId = own.find((i) => i.id === input.data.initiativeId)?.id;
    if (!initiativeId) throw new InvalidInputError('Insatsen är inte din; välj en av dina insatser i formuläret.');
    return { replies: [deviationFormReply(own, await selectableYears(deps, input.user.associationId), { initiativeId })] };
  },
};
