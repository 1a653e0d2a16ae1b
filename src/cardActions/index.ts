import { UnknownActionError } from '../errors';
import { CardActionHandler } from '../commands/types';
import { CARD_SCHEMAS, ParsedCardData, parseCardData } from './schemas';
import {
  applicationDiscardAction,
  applicationGotoAction,
  applicationStepAction,
  applicationSubmitAction,
  decideApplicationAction,
  openApplicationDecisionAction,
} from './applicationActions';
import { askQuestionAction } from './askQuestionAction';
import { decideDeviationAction } from './decideDeviationAction';
import { markReportedAction } from './markReportedAction';
import { listPeopleAction, listPermissionChangesAction, openPersonFormAction, removePersonAction, savePersonAction } from './peopleActions';
import { openDeviationFormAction, openReportFormAction, saveReportDraftAction, submitReportAction } from './reportActions';
import { sendExportFileAction } from './sendExportFileAction';
import { resolveLedgerImportAction, saveLedgerImportAction } from './saveLedgerImportAction';
import { showApplicationAction } from './showApplicationAction';
import { showDeviationAction } from './showDeviationAction';
import { submitDeviationAction } from './submitDeviationAction';
import { withdrawDeviationAction } from './withdrawDeviationAction';

/** Every Action.Execute verb and its handler, in one place. */
const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map(
  [
    askQuestionAction,
    submitDeviationAction,
    decideDeviationAction,
    showDeviationAction,
    withdrawDeviationAction,
    markReportedAction,
    openReportFormAction,
    saveReportDraftAction,
    submitReportAction,
    openDeviationFormAction,
    applicationStepAction,
    applicationGotoAction,
    applicationDiscardAction,
    applicationSubmitAction,
    openApplicationDecisionAction,
    decideApplicationAction,
    showApplicationAction,
    sendExportFileAction,
    saveLedgerImportAction,
    resolveLedgerImportAction,
    listPeopleAction,
    listPermissionChangesAction,
    openPersonFormAction,
    savePersonAction,
    removePersonAction,
  ].map((h) => [h.verb, h]),
);

// A verb without a schema would reach its handler unchecked; refuse to start instead.
for (const verb of CARD_ACTIONS.keys()) if (!CARD_SCHEMAS[verb]) throw new Error(`card verb ${verb} has no schema in src/cardActions/schemas.ts`);

export const cardVerbs = (): string[] => [...CARD_ACTIONS.keys()];

export function findCardAction(verb: string): CardActionHandler {
  const handler = CARD_ACTIONS.get(verb);
  if (!handler)
    throw new UnknownActionError(
      `Knappen "${verb.slice(0, 40)}" känns inte igen. Kortet kan vara gammalt; fråga igen för att få ett nytt.`,
      `unknown verb ${verb.slice(0, 100)}`,
    );
  return handler;
}

/** The handler of a verb and its data parsed against the verb's schema: the one way into a card action. */
export function resolveCardAction(verb: string, data: unknown): { handler: CardActionHandler } & ParsedCardData {
  const handler = findCardAction(verb);
  return { handler, ...parseCardData(verb, data) };
}
