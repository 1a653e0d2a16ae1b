import { initiativesWithoutLeadReply } from '../reports/initiativesWithoutLead';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "vilka insatser saknar insatsansvarig?", "insatser utan insatsansvarig". */
export const initiativesWithoutLeadCommand: CommandHandler = {
  name: 'insatser utan insatsansvarig',
  matches: (text) => {
    const t = normalize(text);
    return /\binsatsansvarig(a)?\b/.test(t) && /\b(saknar|saknas|utan|ingen|inte har)\b/.test(t);
  },
  handle: async (input, deps) => [await initiativesWithoutLeadReply(deps, input.user)],
};
