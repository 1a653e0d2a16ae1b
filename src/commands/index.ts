import { budgetQuestionCommand } from './budgetQuestionCommand';
import { delegationDecisionsCommand } from './delegationDecisionsCommand';
import { helpCommand } from './helpCommand';
import { newDeviationCommand } from './newDeviationCommand';
import { pendingDeviationsCommand } from './pendingDeviationsCommand';
import { pingCommand } from './pingCommand';
import { CommandHandler } from './types';

/** Every chat command, in the order they are tried; the budget question is the catch-all and comes last. */
export const COMMANDS: readonly CommandHandler[] = [helpCommand, pingCommand, newDeviationCommand, pendingDeviationsCommand, delegationDecisionsCommand, budgetQuestionCommand];

export function findCommand(text: string): CommandHandler {
  return COMMANDS.find((c) => c.matches(text)) as CommandHandler;
}
