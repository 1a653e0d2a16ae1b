import { UnknownActionError } from '../errors';
import { CardActionHandler } from '../commands/types';
import { applicationDiscardAction, applicationGotoAction, applicationStepAction, applicationSubmitAction, decideApplicationAction, openApplicationDecisionAction } from './applicationActions';
import { askQuestionAction } from './askQuestionAction';
import { decideDeviationAction } from './decideDeviationAction';
import { markReportedAction } from './markReportedAction';
import { openDeviationFormAction, openReportFormAction, saveReportDraftAction, submitReportAction } from './reportActions';
import { showDeviationAction } from './showDeviationAction';
import { submitDeviationAction } from './submitDeviationAction';
import { withdrawDeviationAction } from './withdrawDeviationAction';

/** Every Action.Execute verb and its handler, in one place. */
const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map(
  [askQuestionAction, submitDeviationAction, decideDeviationAction, showDeviationAction, withdrawDeviationAction, markReportedAction, openReportFormAction, saveReportDraftAction, submitReportAction, openDeviationFormAction,
    applicationStepAction, applicationGotoAction, applicationDiscardAction, applicationSubmitAction, openApplicationDecisionAction, decideApplicationAction].map((h) => [h.verb, h]),
);

export function findCardAction(verb: string): CardActionHandler {
  const handler = CARD_ACTIONS.get(verb);
  if (!handler) throw new UnknownActionError(`Knappen "${verb}" känns inte igen. Kortet kan vara gammalt; fråga igen för att få ett nytt.`, `unknown verb ${verb}`);
  return handler;
}
