import { InvalidInputError } from '../errors';
import { findCommand } from '../commands';
import { CardActionHandler } from '../commands/types';

/** A help-card button: runs the example as if typed, leaving the help card as it is. */
export const askQuestionAction: CardActionHandler = {
  verb: 'askQuestion',
  async handle(input, deps) {
    const question = input.data.question;
    if (typeof question !== 'string' || question.trim() === '') throw new InvalidInputError('Knappen saknar en fråga.');
    return {
      replies: await findCommand(question).handle(
        { text: question, user: input.user, personal: input.personal, ...(input.conversationId ? { conversationId: input.conversationId } : {}) },
        deps,
      ),
    };
  },
};
