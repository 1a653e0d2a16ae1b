import { deviationFormReply } from '../deviations/deviationViews';
import { ownInitiatives, selectableYears } from '../deviations/fileDeviation';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

const PHRASES = new Set([
  'ny avvikelse',
  'avvikelse',
  'lamna avvikelse',
  'lamna en avvikelse',
  'anmal avvikelse',
  'rapportera avvikelse',
  'avvikelserapport',
  'ny avvikelserapport',
]);

/** "ny avvikelse": the form, for an insatsansvarig's own insatser. */
export const newDeviationCommand: CommandHandler = {
  name: 'ny avvikelse',
  matches: (text) => PHRASES.has(normalize(text)),
  async handle(input, deps) {
    const own = await ownInitiatives(deps, input.user);
    return [deviationFormReply(own, await selectableYears(deps, input.user.associationId))];
  },
};
