import { CardActionHandler } from '../commands/types';
import { caseCardFor, loadCardContext } from '../deviations/caseCards';
import { loadDeviation } from '../deviations/decideDeviation';

/** Refresh and "Visa beslutsalternativ": the viewer's own view of the avvikelse as it stands now. */
export const showDeviationAction: CardActionHandler = {
  verb: 'showDeviation',
  async handle(input, deps) {
    const deviation = await loadDeviation(deps, input.user, input.data.caseId);
    return { replies: [], updatedCard: caseCardFor(await loadCardContext(deps, deviation.associationId), deviation, input.user) };
  },
};
