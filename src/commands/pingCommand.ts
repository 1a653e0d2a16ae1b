import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "ping" answers at once without touching the store: a liveness check for users, and the benchmark's echo turn. */
export const pingCommand: CommandHandler = {
  name: 'ping',
  matches: (text) => normalize(text) === 'ping',
  handle: async () => [
    {
      card: { template: 'figures', view: { title: 'Pong', headlineLabel: 'Boten svarar', headlineValue: 'OK', facts: [], notes: [], source: '' } },
      text: 'Pong: boten svarar.',
    },
  ],
};
