import { applicationStatusCommand, continueApplicationCommand, newApplicationCommand } from './applicationCommands';
import { budgetQuestionCommand } from './budgetQuestionCommand';
import { delegationDecisionsCommand } from './delegationDecisionsCommand';
import { exportLedgerCommand } from './exportLedgerCommand';
import { followUpCommand } from './followUpCommand';
import { importLedgerCommand } from './importLedgerCommand';
import { initiativesWithoutLeadCommand } from './initiativesWithoutLeadCommand';
import { helpCommand } from './helpCommand';
import { newDeviationCommand } from './newDeviationCommand';
import { pendingDeviationsCommand } from './pendingDeviationsCommand';
import { myCasesCommand } from './myCasesCommand';
import { pingCommand } from './pingCommand';
import { addPersonCommand, boardTeamCommand, changePersonCommand, listPeopleCommand, permissionChangesCommand, removePersonCommand } from './peopleCommands';
import { reportCommand } from './reportCommand';
import { reportStatusCommand } from './reportStatusCommand';
import { CommandHandler } from './types';

/** Every chat command, in the order they are tried; the budget question is the catch-all and comes last. */
export const COMMANDS: readonly CommandHandler[] = [
  helpCommand,
  pingCommand,
  listPeopleCommand,
  addPersonCommand,
  changePersonCommand,
  removePersonCommand,
  permissionChangesCommand,
  boardTeamCommand,
  myCasesCommand,
  newDeviationCommand,
  pendingDeviationsCommand,
  delegationDecisionsCommand,
  reportStatusCommand,
  reportCommand,
  followUpCommand,
  exportLedgerCommand,
  importLedgerCommand,
  initiativesWithoutLeadCommand,
  newApplicationCommand,
  continueApplicationCommand,
  applicationStatusCommand,
  budgetQuestionCommand,
];

/** A message with a file is an import, whatever its text; otherwise the first command whose words match. */
export function findCommand(text: string, withFiles = false): CommandHandler {
  if (withFiles) return importLedgerCommand;
  return COMMANDS.find((c) => c.matches(text)) as CommandHandler;
}
