import { CardActionHandler } from '../commands/types';
import { caseCardFor, loadCardContext, sharedCaseCard } from '../deviations/caseCards';
import { loadDeviationForWithdrawal, updatePostedCards, withdrawDeviation } from '../deviations/decideDeviation';

/**
 * "Återkalla avvikelsen" on the filer's receipt: first a question (withdrawing cannot be
 * undone), then, on "Ja, återkalla", the withdrawal; the cards the deciders got show it too.
 */
export const withdrawDeviationAction: CardActionHandler = {
  verb: 'withdrawDeviation',
  async handle(input, deps) {
    if (input.data.confirmed !== true) {
      const deviation = await loadDeviationForWithdrawal(deps, input.user, input.data.caseId);
      const context = await loadCardContext(deps, deviation.associationId);
      const question =
        deviation.status === 'inlämnad'
          ? [
              `Vill du återkalla avvikelsen ${deviation.dnr ?? ''}? Den kan då inte beslutas, men finns kvar i diariet. Det går inte att ångra.`.replace(
                '  ',
                ' ',
              ),
            ]
          : [];
      return { replies: [], updatedCard: caseCardFor(context, deviation, input.user, question, true) };
    }
    const { deviation, decidedNow } = await withdrawDeviation(deps, input.user, input.data.caseId);
    const context = await loadCardContext(deps, deviation.associationId);
    if (decidedNow) await updatePostedCards(deps, deviation, sharedCaseCard(context, deviation));
    const note = decidedNow ? 'Avvikelsen är återkallad. Den finns kvar i diariet.' : `Avvikelsen kunde inte återkallas: den är redan ${deviation.status}.`;
    return { replies: [], updatedCard: caseCardFor(context, deviation, input.user, [note]) };
  },
};
