import { Deviation, PostedCard } from '../domain/deviations';
import { HandlerDependencies } from '../commands/types';
import { formatDateLong } from '../format/swedish';
import { DECIDER_ROLES } from '../roles/roleDirectory';
import { sharedCaseCard } from './caseCards';
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

export async function ensureDecisionNumber(deps: HandlerDependencies, d: Deviation): Promise<Deviation> {
  if (!d.decision || d.decision.number) return d;
  const year = Number(d.decision.decidedOn.slice(0, 4));
  const n = await deps.repos.sequences.assign(d.associationId, 'delegationsbeslut', year, d.id);
  return deps.repos.deviations.update(d.associationId, d.id, (current) =>
    !current.decision || current.decision.number ? current : { ...current, decision: { ...current.decision, number: `D ${year}:${n}` } },
  );
}

/** An approved avvikelse changes the prognos (through the ledger adjustments) or the insats's period. */
export async function ensureEffects(deps: HandlerDependencies, d: Deviation): Promise<Deviation> {
  if (d.status !== 'godkänd' || d.effectsApplied || !d.decision) return d;
  const decision = d.decision;
  if (d.kind === 'budget-move' || d.kind === 'budget-return') {
    await deps.repos.ledger.saveAdjustment(d.associationId, adjustmentOf(d, decision.decidedOn));
  }
  if (d.kind === 'period' && d.newEndDate) {
    const end = d.newEndDate;
    await deps.repos.initiatives.updateRegistry(d.associationId, (registry) => ({
      ...registry,
      initiatives: registry.initiatives.map((i) =>
        i.id === d.initiativeId ? { ...i, period: { ...i.period, end }, note: `Slutdatum ändrat till ${formatDateLong(end)} genom delegationsbeslut ${decision.number ?? ''} (${d.dnr}).` } : i,
      ),
    }));
  }
  return deps.repos.deviations.update(d.associationId, d.id, (current) => (current.effectsApplied ? current : { ...current, effectsApplied: true }));
}

/** Sends the avvikelse to every decider the bot can reach and remembers the cards for later updates. */
export async function notifyDeciders(deps: HandlerDependencies, d: Deviation): Promise<{ deviation: Deviation; reached: number }> {
  const card = await sharedCaseCard(deps, d);
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
      d = await ensureDecisionNumber(deps, d);
      d = await ensureEffects(deps, d);
      if (d.status === 'inlämnad' && d.postedCards.length === 0) await notifyDeciders(deps, d);
      repaired += 1;
    } catch (err) {
      // One stuck avvikelse must not keep the others (or the bot) from starting.
      onError(found, err);
    }
  }
  return repaired;
}
