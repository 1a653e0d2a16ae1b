import { CardActionHandler } from '../commands/types';
import { caseCardFor, sharedCaseCard } from '../deviations/caseCards';
import { updatePostedCards, withdrawDeviation } from '../deviations/decideDeviation';

/** "Återkalla avvikelsen" on the filer's receipt; the cards the deciders got show it too. */
export const withdrawDeviationAction: CardActionHandler = {
  verb: 'withdrawDeviation',
  async handle(input, deps) {
    const { deviation, decidedNow } = await withdrawDeviation(deps, input.user, input.data.caseId);
    if (decidedNow) await updatePostedCards(deps, deviation, await sharedCaseCard(deps, deviation));
    const note = decidedNow ? 'Avvikelsen är återkallad. Den finns kvar i diariet.' : `Avvikelsen kunde inte återkallas: den är redan ${deviation.status}.`;
    return { replies: [], updatedCard: await caseCardFor(deps, deviation, input.user, [note]) };
  },
};
