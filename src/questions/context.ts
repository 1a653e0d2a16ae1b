import { Repositories } from '../ports/repositories';

/** What a question is answered against: whose data, and what "now" is. */
export interface QuestionContext {
  readonly associationId: string;
  /** Today in Europe/Stockholm, ISO date. */
  readonly today: string;
  readonly repos: Repositories;
}

export const currentYearOf = (ctx: QuestionContext) => Number(ctx.today.slice(0, 4));
