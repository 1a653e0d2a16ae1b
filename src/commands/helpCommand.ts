import { helpReply } from '../questions/answers/help';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

const HELP_WORDS = new Set(['hjalp', 'help', '?', 'meny', 'vad kan du', 'vad kan du svara pa', 'start']);

export const helpCommand: CommandHandler = {
  name: 'hjälp',
  matches: (text) => HELP_WORDS.has(normalize(text)) || text.trim() === '?',
  handle: async (input) => [helpReply(undefined, input.user.roles)],
};
