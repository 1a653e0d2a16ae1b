import { Deviation, PostedCard } from '../domain/deviations';
import { HandlerDependencies } from '../ports/dependencies';
import { formatDateLong } from '../format/swedish';
import { DECIDER_ROLES } from '../roles/roleDirectory';
import { CardContext, loadCardContext, sharedCaseCard } from './caseCards';
import { adjustmentOf } from './ledgerFacts';
import { mapBounded } from '../jobs/background';

/**
 * Steps after the one write that decides an outcome. Each is idempotent and keyed by
 * the avvikelse, so whoever finds one undone (a later click, the repair at start)
 * can finish it without doubling anything.
 */
export async function ensureDiarienummer(deps: HandlerDependencies, d: Deviation): Promise<Deviation> {
  if (d.dnr) return d;
  const year = Number(d.filedOn.slice(0, 4));
  const n = await deps.repos.sequences.assign(d.associationId, 'dnr', year, d.id);
  return deps.repos.deviations.update(d.associationId, d.id, (current) =>
    current.dnr ? current : { ...current, dnr: `Dnr ${year}:${n}`, status: current.status === 'registreras' ? 'inlämnad' : current.status },
  );
}

/**
 * Numbers the delegationsbeslut and, for an approval, applies its effect: the prognos
 * through the ledger adjustments, or the insats's period. One write to the avvikelse records both.
 */
export async function finishDecision(deps: HandlerDependencies, d: Deviation): Promise<Deviation> {
  const decision = d.decision;
  if (!decision) return d;
  const year = Number(decision.decidedOn.slice(0, 4));
  const number = decision.number ?? `D ${year}:${await deps.repos.sequences.assign(d.associationId, 'delegationsbeslut', year, d.id)}`;
  if (d.decisionFinished === true) return d;
  // Idempotent: the adjustment is keyed by the avvikelse and the period is set, not added.
  if (d.status === 'godkänd') await applyApprovedEffect(deps, d, number);
  return deps.repos.deviations.update(d.associationId, d.id, (current) =>
    current.decision && current.decisionFinished !== true
      ? { ...current, decision: { ...current.decision, number: current.decision.number ?? number }, decisionFinished: true }
      : current,
  );
}

async function applyApprovedEffect(deps: HandlerDependencies, d: Deviation, number: string): Promise<void> {
  const decidedOn = (d.decision as NonNullable<Deviation['decision']>).decidedOn;
  if (d.kind === 'budget-move' || d.kind === 'budget-return') {
    await deps.repos.ledger.saveAdjustment(d.associationId, { ...adjustmentOf(d, decidedOn), decisionNumber: number });
  }
  if (d.kind === 'period' && d.newEndDate) {
    const end = d.newEndDate;
    await deps.repos.initiatives.updateRegistry(d.associationId, (registry) => ({
      ...registry,
      initiatives: registry.initiatives.map((i) =>
        i.id === d.initiativeId
          ? { ...i, period: { ...i.period, end }, note: `Slutdatum ändrat till ${formatDateLong(end)} genom delegationsbeslut ${number} (${d.dnr}).` }
          : i,
      ),
    }));
  }
}

/** Sends the avvikelse to every decider the bot can reach and remembers the cards for later updates. */
export async function notifyDeciders(deps: HandlerDependencies, d: Deviation, context?: CardContext): Promise<{ deviation: Deviation; reached: number }> {
  const card = sharedCaseCard(context ?? (await loadCardContext(deps, d.associationId)), d);
  const deciderIds = (await deps.directory.withRole(d.associationId, DECIDER_ROLES)).flatMap((u) => (u.aadObjectId ? [u.aadObjectId] : []));
  const posted: PostedCard[] = [];
  for (const aadObjectId of deciderIds) {
    if (d.postedCards.some((p) => p.aadObjectId === aadObjectId)) continue;
    const sent = await deps.notifier.sendToUser(d.associationId, aadObjectId, card);
    if (sent) posted.push(sent);
  }
  const reachedOf = (x: Deviation) => x.postedCards.filter((p) => deciderIds.includes(p.aadObjectId)).length;
  if (posted.length === 0) return { deviation: d, reached: reachedOf(d) };
  const deviation = await deps.repos.deviations.update(d.associationId, d.id, (current) => ({
    ...current,
    postedCards: [...current.postedCards, ...posted],
    decidersNotified: true,
  }));
  return { deviation, reached: reachedOf(deviation) };
}

/** Finishes whatever a crash left undone, for every förbund. Run at start. */
export async function repairUnfinishedDeviations(
  deps: HandlerDependencies,
  onError: (d: Deviation, err: unknown) => void,
  options: { busy?: (changedAt: string) => boolean; parallel?: number } = {},
): Promise<{ finished: number; failed: number }> {
  // A case changed a moment ago may be in the hands of the request that is filing or deciding it.
  const unfinished = (await deps.repos.deviations.listUnfinished()).filter((d) => !options.busy?.(d.decision?.decidedAt ?? d.filedAt));
  let finished = 0;
  let failed = 0;
  await mapBounded(unfinished, options.parallel ?? 4, async (found) => {
    try {
      let d = await ensureDiarienummer(deps, found);
      d = await finishDecision(deps, d);
      if (d.status === 'inlämnad' && !d.decidersNotified) await notifyDeciders(deps, d);
      finished += 1;
    } catch (err) {
      // One stuck avvikelse must not keep the others from being finished.
      failed += 1;
      onError(found, err);
    }
  });
  return { finished, failed };
}
