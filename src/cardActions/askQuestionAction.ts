import { InvalidInputError } from '../errors';
import { answerQuestion } from '../questions/answerQuestion';
import { CardActionHandler } from '../commands/types';

/** A help-card button: asks the example question and posts the answer, leaving the help card as it is. */
export const askQuestionAction: CardActionHandler = {
  verb: 'askQuestion',
  async handle(input, deps) {
    const question = input.data.question;
    if (typeof question !== 'string' || question.trim() === '') throw new InvalidInputError('Knappen saknar en fråga.');
    return { replies: await answerQuestion({ associationId: input.user.associationId, today: deps.today(), repos: deps.repos }, question) };
  },
};
