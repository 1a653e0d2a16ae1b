import { Reply } from '../cards/viewModels';
import { answerKeyRatio, answerMembershipFee } from './answers/feeAndRatioAnswers';
import { helpReply } from './answers/help';
import { answerEndingInitiatives, answerFundedInitiatives, answerInitiativeCost, answerPeriod, answerUtilisation } from './answers/initiativeAnswers';
import { answerLedgerQuestion } from './answers/ledgerAnswers';
import { QuestionContext, currentYearOf } from './context';
import { parseQuestion } from './parser/parseQuestion';

/** Answers a budget question with figures from the calculators over stored data; unknown questions get the help card. */
export async function answerQuestion(ctx: QuestionContext, text: string): Promise<Reply[]> {
  const question = parseQuestion(text, currentYearOf(ctx));
  if (!question) return [helpReply(`Jag förstod inte frågan "${text.trim()}". Jag kan svara på till exempel:`)];
  const years = question.years.length > 0 ? question.years : [currentYearOf(ctx)];
  const words = question.entityWords;
  switch (question.intent) {
    case 'help':
      return [helpReply()];
    case 'decisionRoom':
    case 'result':
    case 'income':
      return answerLedgerQuestion(ctx, question.intent, years, question.kind);
    case 'costs':
      return words.length > 0 ? answerInitiativeCost(ctx, words, years) : answerLedgerQuestion(ctx, 'costs', years, question.kind);
    case 'utilisation':
      return answerUtilisation(ctx, words, question.years);
    case 'period':
      return answerPeriod(ctx, words);
    case 'endingInitiatives':
      return answerEndingInitiatives(ctx, years);
    case 'fundedInitiatives':
      return answerFundedInitiatives(ctx, years);
    case 'membershipFee':
      return answerMembershipFee(ctx, words, question.years);
    case 'soliditet':
    case 'kassalikviditet':
      return answerKeyRatio(ctx, question.intent, question.years);
  }
}
