import { Asker, answerQuestion } from '../questions/answerQuestion';
import { CommandHandler, CommandInput } from './types';

/** The catch-all: any other text is a budget question. Open to every user: the figures are public records. */
export const budgetQuestionCommand: CommandHandler = {
  name: 'budgetfråga',
  matches: () => true,
  handle: (input, deps) => answerQuestion({ associationId: input.user.associationId, today: deps.today(), repos: deps.repos }, input.text, askerOf(input)),
};

/** Follow-ups continue per conversation and user: in a channel each member has their own thread of questions. */
export function askerOf(input: Pick<CommandInput, 'user' | 'conversationId' | 'finishing'>): Asker {
  const { user, conversationId, finishing } = input;
  return {
    roles: user.roles,
    initiatives: user.initiatives,
    ...(conversationId ? { conversationKey: `${conversationId}|${user.aadObjectId ?? user.name}` } : {}),
    ...(finishing ? { finishing } : {}),
  };
}
