import { CardActionHandler, CardActionInput } from '../commands/types';
import { DecidedBy, decideApplication, decisionForm } from '../applications/decideApplication';
import { discardDraft, saveStep } from '../applications/fileApplication';
import { submitApplication } from '../applications/submitApplication';
import { Fields, LINE_KINDS, LineKind, SUMMARY_STEP } from '../applications/sections';
import { InvalidInputError } from '../errors';

const META = new Set(['applicationId', 'step', 'direction', 'by', 'line']);
const fieldsOf = (input: CardActionInput): Fields =>
  Object.fromEntries(
    Object.entries(input.data)
      .filter(([k, v]) => !META.has(k) && v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );

function stepOf(input: CardActionInput): number {
  const step = Number(input.data.step);
  if (!Number.isInteger(step) || step < 0 || step > SUMMARY_STEP) throw new InvalidInputError('Kortet anger inget avsnitt. Skriv "fortsätt min ansökan".');
  return step;
}

function byOf(input: CardActionInput): DecidedBy {
  if (input.data.by !== 'styrelsen' && input.data.by !== 'delegation') throw new InvalidInputError('Kortet anger inte vem som beslutar.');
  return input.data.by;
}

/** Spara och fortsätt / Tillbaka / Spara utkast on a section. */
export const applicationStepAction: CardActionHandler = {
  verb: 'applicationStep',
  async handle(input, deps) {
    const direction = input.data.direction === 'back' || input.data.direction === 'stay' ? input.data.direction : 'next';
    if (input.data.direction === 'add') {
      const line = LINE_KINDS.find((k) => k === input.data.line) as LineKind | undefined;
      if (!line) throw new InvalidInputError('Kortet anger inte vilken rad som ska läggas till. Skriv "fortsätt min ansökan".');
      return {
        replies: [],
        updatedCard: await saveStep(deps, input.user, input.data.applicationId, stepOf(input), fieldsOf(input), { addLine: line }, input.problems),
      };
    }
    return { replies: [], updatedCard: await saveStep(deps, input.user, input.data.applicationId, stepOf(input), fieldsOf(input), direction, input.problems) };
  },
};

/** "Ändra: …" on the summary: back to an earlier section. */
export const applicationGotoAction: CardActionHandler = {
  verb: 'applicationGoto',
  async handle(input, deps) {
    return { replies: [], updatedCard: await saveStep(deps, input.user, input.data.applicationId, stepOf(input), {}, 'goto') };
  },
};

export const applicationDiscardAction: CardActionHandler = {
  verb: 'applicationDiscard',
  async handle(input, deps) {
    return { replies: [], updatedCard: await discardDraft(deps, input.user, input.data.applicationId) };
  },
};

export const applicationSubmitAction: CardActionHandler = {
  verb: 'applicationSubmit',
  async handle(input, deps) {
    return { replies: [], updatedCard: await submitApplication(deps, input.user, input.data.applicationId, fieldsOf(input)) };
  },
};

/** "Registrera styrelsens beslut" (kansli) or "Besluta på delegation" (förbundschef): the decision form. */
export const openApplicationDecisionAction: CardActionHandler = {
  verb: 'openApplicationDecision',
  async handle(input, deps) {
    return { replies: [], updatedCard: await decisionForm(deps, input.user, input.data.applicationId, byOf(input)) };
  },
};

export const decideApplicationAction: CardActionHandler = {
  verb: 'decideApplication',
  async handle(input, deps) {
    if (input.problems?.length)
      return {
        replies: [],
        updatedCard: await decisionForm(deps, input.user, input.data.applicationId, byOf(input), input.problems, fieldsOf(input)),
      };
    return {
      replies: [],
      updatedCard: await decideApplication(deps, input.user, input.data.applicationId, byOf(input), fieldsOf(input), input.personalCardId),
    };
  },
};
