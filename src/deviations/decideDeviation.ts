import { DelegationDecision, Deviation, isBudgetKind } from '../domain/deviations';
import { containsPersonnummer } from '../domain/personalData';
import { ConcurrencyError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { Reply } from '../cards/viewModels';
import { UserIdentity, titleOf } from '../roles/roleDirectory';
import { assertDecider } from '../roles/deciders';
import { finishDecision } from './completeDeviation';
import { budgetFactsFor } from './ledgerFacts';
import { validateDeviation } from './validateDeviation';

export type Outcome = DelegationDecision['outcome'];

export interface DecisionResult {
  readonly deviation: Deviation;
  /** False when another click or device decided first; the decision that stands is returned. */
  readonly decidedNow: boolean;
}

export async function loadDeviation(deps: HandlerDependencies, user: UserIdentity, caseId: unknown): Promise<Deviation> {
  if (typeof caseId !== 'string' || caseId === '') throw new InvalidInputError('Kortet saknar vilken avvikelse det gäller.');
  // Read within the user's own förbund: another förbund's avvikelse is simply not found.
  const d = await deps.repos.deviations.get(user.associationId, caseId);
  if (!d) throw new NotFoundError('Avvikelsen finns inte (längre) hos ditt förbund.');
  return d;
}

/**
 * Decides an avvikelse on delegation. The decision is one conditional write (ETag):
 * of any number of simultaneous clicks exactly one succeeds; the others get the
 * decision that stands. Numbering and effects follow, idempotently.
 */
export async function decideDeviation(
  deps: HandlerDependencies,
  user: UserIdentity,
  caseId: unknown,
  outcome: unknown,
  comment: unknown,
): Promise<DecisionResult> {
  await assertDecider(deps.directory, user, 'Bara förbundschefen eller ersättaren får besluta om avvikelser på delegation.');
  if (outcome !== 'godkänd' && outcome !== 'avslagen') throw new InvalidInputError('Kortet anger inget giltigt beslut.');
  const reason = typeof comment === 'string' ? comment.trim() : '';
  let d = await loadDeviation(deps, user, caseId);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (d.status !== 'inlämnad') return { deviation: await finishDecision(deps, d), decidedNow: false };
    if (reason === '') throw new InvalidInputError('Skriv en motivering till beslutet; den förs in i delegationsbeslutet.');
    if (containsPersonnummer(reason)) throw new InvalidInputError('Motiveringen innehåller något som liknar ett personnummer. Ta bort det och försök igen.');
    if (outcome === 'godkänd' && isBudgetKind(d.kind)) await recheckBudget(deps, d);
    const now = deps.now();
    const decision: DelegationDecision = {
      outcome,
      decidedAt: now.toISOString(),
      decidedOn: deps.today(),
      decider: { aadObjectId: user.aadObjectId, name: user.name, title: titleOf(user) },
      reason,
    };
    const written = await deps.repos.deviations.replaceIfUnchanged(d, { ...d, status: outcome, decision, decisionFinished: false });
    if (written) return { deviation: await finishDecision(deps, written), decidedNow: true };
    // Someone changed it first: a decision, or only a posted card being recorded. Look again.
    d = await loadDeviation(deps, user, caseId);
  }
  throw new ConcurrencyError('Avvikelsen ändrades samtidigt av någon annan. Försök igen.');
}

/** The budget may have changed since filing; approval must still fit what is left. */
async function recheckBudget(deps: HandlerDependencies, d: Deviation): Promise<void> {
  // Judged as of the filing date: a December filing may be decided in January.
  const facts = await budgetFactsFor(deps.repos, d.associationId, d.initiativeId, d.filedOn, d.id);
  const registry = await deps.repos.initiatives.getRegistry(d.associationId);
  const current = registry?.initiatives.find((i) => i.id === d.initiativeId);
  if (!current) throw new InvalidInputError(`${d.initiativeName} finns inte längre i förbundets register; avvikelsen kan inte godkännas.`);
  const check = validateDeviation(
    {
      initiativeId: d.initiativeId,
      kind: d.kind,
      amount: String(d.amount ?? ''),
      fromYear: String(d.fromYear ?? ''),
      reason: d.reason,
      position: d.steeringGroupPosition,
    },
    [current],
    facts,
  );
  if (!check.ok) throw new InvalidInputError(`Avvikelsen kan inte godkännas som den är: ${check.problems.join(' ')} Avslå den eller be insatsen lämna en ny.`);
}

/** After the decision: every posted card shows it, and the filer is told. */
export async function announceDecision(deps: HandlerDependencies, d: Deviation, sharedCard: Reply, filerCard: Reply): Promise<void> {
  await updatePostedCards(deps, d, sharedCard);
  if (d.filedBy.aadObjectId) await deps.notifier.sendToUser(d.associationId, d.filedBy.aadObjectId, filerCard);
}

/** Replaces every card the bot posted about the avvikelse, so everyone who sees one sees how it stands. */
export async function updatePostedCards(deps: HandlerDependencies, d: Deviation, card: Reply): Promise<void> {
  await Promise.all(d.postedCards.map((posted) => deps.notifier.updateCard(d.associationId, posted, card)));
}

/** The avvikelse its filer may withdraw; anyone else is refused. Changes nothing. */
export async function loadDeviationForWithdrawal(deps: HandlerDependencies, user: UserIdentity, caseId: unknown): Promise<Deviation> {
  const d = await loadDeviation(deps, user, caseId);
  if (!user.aadObjectId || d.filedBy.aadObjectId !== user.aadObjectId) throw new ForbiddenError('Bara den som lämnade avvikelsen kan återkalla den.');
  return d;
}

/** The filer withdraws an undecided avvikelse. It keeps its Dnr and stays in the history. */
export async function withdrawDeviation(deps: HandlerDependencies, user: UserIdentity, caseId: unknown): Promise<DecisionResult> {
  let d = await loadDeviationForWithdrawal(deps, user, caseId);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (d.status !== 'inlämnad') return { deviation: d, decidedNow: false };
    const withdrawal = { at: deps.now().toISOString(), on: deps.today(), by: { aadObjectId: user.aadObjectId, name: user.name } };
    const written = await deps.repos.deviations.replaceIfUnchanged(d, { ...d, status: 'återkallad', withdrawal });
    if (written) return { deviation: written, decidedNow: true };
    d = await loadDeviation(deps, user, caseId);
  }
  throw new ConcurrencyError('Avvikelsen ändrades samtidigt av någon annan. Försök igen.');
}
