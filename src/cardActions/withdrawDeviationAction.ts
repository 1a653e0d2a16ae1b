import { CardActionHandler } from '../commands/types';
import { caseCardFor, loadCardContext, sharedCaseCard } from '../deviations/caseCards';
import { updatePostedCards, withdrawDeviation } from '../deviations/decideDeviation';

/** "Återkalla avvikelsen" on the filer's receipt; the cards the deciders got show it too. */
export const withdrawDeviationAction: CardActionHandler = {
  verb: 'withdrawDeviation',
  async handle(input, deps) {
    const { deviation, decidedNow } = await withdrawDeviation(deps, input.user, input.data.caseId);
    const context = await loadCardContext(deps, deviation.associationId);
    if (decidedNow) await updatePostedCards(deps, deviation, sharedCaseCard(context, deviation));
    const note = decidedNow ? 'Avvikelsen är återkallad. Den finns kvar i diariet.' : `Avvikelsen kunde inte återkallas: den är redan ${deviation.status}.`;
    return { replies: [], updatedCard: caseCardFor(context, deviation, input.user, [note]) };
  },
};
