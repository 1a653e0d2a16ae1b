import { CardActionHandler } from '../commands/types';
import { caseCardFor, loadCardContext, sharedCaseCard } from '../deviations/caseCards';
import { announceDecision, decideDeviation } from '../deviations/decideDeviation';
import { formatDateLong } from '../format/swedish';

/** Godkänn / Avslå on the decider's card. Checked on the server whatever the card showed. */
export const decideDeviationAction: CardActionHandler = {
  verb: 'decideDeviation',
  async handle(input, deps) {
    const { deviation, decidedNow } = await decideDeviation(deps, input.user, input.data.caseId, input.data.outcome, input.data.comment);
    const decision = deviation.decision;
    const context = await loadCardContext(deps, deviation.associationId);
    if (decidedNow) {
      const filerNote = `Din avvikelse ${deviation.dnr} är ${deviation.status} av ${decision?.decider.name}.`;
      deps.afterTurn('announce decision', () =>
        announceDecision(deps, deviation, sharedCaseCard(context, deviation), sharedCaseCard(context, deviation, [filerNote])),
      );
    }
    const note = decidedNow
      ? `Beslutet är registrerat som ${decision?.number}.`
      : decision
        ? `Avvikelsen var redan ${deviation.status} av ${decision.decider.name} ${formatDateLong(decision.decidedOn)}; det beslutet står fast.`
        : `Avvikelsen är ${deviation.status}.`;
    return { replies: [], updatedCard: caseCardFor(context, deviation, input.user, [note]) };
  },
};
