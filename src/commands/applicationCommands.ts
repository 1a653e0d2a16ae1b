import { continueApplication, startApplication } from '../applications/fileApplication';
import { applicationStatus } from '../applications/submitApplication';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "ny ansökan": anyone in the förbund's tenant may apply. */
export const newApplicationCommand: CommandHandler = {
  name: 'ny ansökan',
  matches: (text) => /^(ny|lamna en?|skriv en?|gora en?) ansokan$|^ansok om medel$/.test(normalize(text)),
  handle: async (input, deps) => [await startApplication(deps, input.user)],
};

/** "fortsätt min ansökan": back to where the draft was left. */
export const continueApplicationCommand: CommandHandler = {
  name: 'fortsätt min ansökan',
  matches: (text) => /^fortsatt (min |med )?ansokan$/.test(normalize(text)),
  handle: async (input, deps) => [await continueApplication(deps, input.user)],
};

/** "status på min ansökan". */
export const applicationStatusCommand: CommandHandler = {
  name: 'status på min ansökan',
  matches: (text) => /\b(status pa )?(mina?|min) ansokan(ar)?\b/.test(normalize(text)) && !/^fortsatt/.test(normalize(text)),
  handle: (input, deps) => applicationStatus(deps, input.user),
};
