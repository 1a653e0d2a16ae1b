import { Deviation, PostedCard } from '../domain/deviations';
import { HandlerDependencies } from '../commands/types';
import { formatDateLong } from '../format/swedish';
import { DECIDER_ROLES } from '../roles/roleDirectory';
import { CardContext, loadCardContext, sharedCaseCard } from './caseCards';
import { adjustmentOf } from './ledgerFacts';

/**
 * Steps after the one write that decides an outcome. Each is idempotent and keyed by
 * the avvikelse, so whoever finds one undone (a later click, the repair at start)
 * can finish it without doubling anything.
 */
export async function ensureDiarienummer(deps: HandlerDependencies, d: Deviation): Promise<Deviation> {
  if (d.dnr) return d;
  const year = Number(d.filedOn.slice(0, 4));
  const n = await deps.repos.sequences.assign(d.associationId, 'dnr', year, d.id);
  return deps.repos.deviations.update(d.associationId, d.id, (current) => (current.dnr ? current : { ...current, dnr: `Dnr ${year}:${n}`, status: current.status === 'registreras' ? 'inlämnad' : current.status }));
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
  const applyEffects = d.status === 'godkänd' && !d.effectsApplied;
  if (applyEffects) await applyApprovedEffect(deps, d, number);
  if (number === decision.number && !applyEffects) return d;
  return deps.repos.deviations.update(d.associationId, d.id, (current) =>
    current.decision && (!current.decision.number || (applyEffects && !current.effectsApplied))
      ? { ...current, decision: { ...current.decision, number: current.decision.number ?? number }, ...(applyEffects ? { effectsApplied: true } : {}) }
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
      initiatives: registry.initiatives.map((i) => (i.id === d.initiativeId ? { ...i, period: { ...i.period, end }, note: `Slutdatum ändrat till ${formatDateLong(end)} genom delegationsbeslut ${number} (${d.dnr}).` } : i)),
    }));
  }
}

/** Sends the avvikelse to every decider the bot can reach and remembers the cards for later updates. */
export async function notifyDeciders(deps: HandlerDependencies, d: Deviation, context?: CardContext): Promise<{ deviation: Deviation; reached: number }> {
  const card = sharedCaseCard(context ?? (await loadCardContext(deps, d.associationId)), d);
  const posted: PostedCard[] = [];
  for (const decider of deps.directory.withRole(d.associationId, DECIDER_ROLES)) {
    if (!decider.aadObjectId || d.postedCards.some((p) => p.aadObjectId === decider.aadObjectId)) continue;
    const sent = await deps.notifier.sendToUser(d.associationId, decider.aadObjectId, card);
    if (sent) posted.push(sent);
  }
  if (posted.length === 0) return { deviation: d, reached: d.postedCards.length };
  const deviation = await deps.repos.deviations.update(d.associationId, d.id, (current) => ({ ...current, postedCards: [...current.postedCards, ...posted] }));
  return { deviation, reached: deviation.postedCards.length };
}

/** Finishes whatever a crash left undone, for every förbund. Run at start. */
export async function repairUnfinishedDeviations(deps: HandlerDependencies, onError: (d: Deviation, err: unknown) => void): Promise<number> {
  const unfinished = await deps.repos.deviations.listUnfinished();
  let repaired = 0;
  for (const found of unfinished) {
    try {
      let d = await ensureDiarienummer(deps, found);
      d = await finishDecision(deps, d);
      if (d.status === 'inlämnad' && d.postedCards.length === 0) await notifyDeciders(deps, d);
      repaired += 1;
    } catch (err) {
      // One stuck avvikelse must not keep the others (or the bot) from starting.
      onError(found, err);
    }
  }
  return repaired;
}
