import { answerQuestion } from '../questions/answerQuestion';
import { CommandHandler } from './types';

/** The catch-all: any other text is a budget question. Open to every user: the figures are public records. */
export const budgetQuestionCommand: CommandHandler = {
  name: 'budgetfråga',
  matches: () => true,
  handle: (input, deps) => answerQuestion({ associationId: input.user.associationId, today: deps.today(), repos: deps.repos }, input.text),
};
