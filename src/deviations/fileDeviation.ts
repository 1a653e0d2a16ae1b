import { Deviation } from '../domain/deviations';
import { FieldProblem } from '../cards/fieldProblems';
import { Initiative, initiativeLabel } from '../domain/initiatives';
import { ForbiddenError, InvalidInputError, StoreUnavailableError, isStoreRefusal } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity, hasRole } from '../roles/roleDirectory';
import { CardContext, loadCardContext } from './caseCards';
import { ensureDiarienummer, notifyDeciders } from './completeDeviation';
import { budgetFactsFor, currentLedger } from './ledgerFacts';
import { DEVIATION_KINDS, isBudgetKind } from '../domain/deviations';
import { DeviationFormInput, validateDeviation } from './validateDeviation';

export type FilingResult =
  | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] }
  | {
      readonly kind: 'filed';
      readonly deviation: Deviation;
      readonly decidersReached: number;
      readonly alreadyFiled: boolean;
      readonly cardContext: CardContext;
    };

/** The insatser a user may file for (avvikelser, kvartalsrapporter): their own, per the roles file. */
export async function ownInitiatives(deps: HandlerDependencies, user: UserIdentity, what = 'Avvikelser'): Promise<readonly Initiative[]> {
  if (!hasRole(user, 'insatsansvarig') || user.initiatives.length === 0) {
    const overview =
      what === 'Avvikelser'
        ? { title: 'Vilka avvikelser väntar?', question: 'vilka avvikelser väntar?' }
        : { title: 'Vilka kvartalsrapporter saknas?', question: 'vilka kvartalsrapporter saknas?' };
    const canOverview = hasRole(user, 'kansli', 'forbundschef', 'ersattare', 'styrelse');
    throw new ForbiddenError(
      `${what} lämnas av insatsansvariga, för sina egna insatser.${canOverview ? ' Du kan se läget för förbundets insatser i stället.' : ''} Ska du ha rollen insatsansvarig, kontakta kansliet.`,
      undefined,
      canOverview ? [overview, { title: 'Vad kan jag göra?', question: 'hjälp' }] : [{ title: 'Vad kan jag göra?', question: 'hjälp' }],
    );
  }
  const registry = await deps.repos.initiatives.getRegistry(user.associationId);
  const own = (registry?.initiatives ?? []).filter((i) => user.initiatives.includes(i.id));
  if (own.length === 0) throw new InvalidInputError('Dina insatser finns inte i förbundets register. Kontakta kansliet.');
  return own;
}

/** Years money can move from: this year and later years the latest ledger covers. */
export async function selectableYears(deps: HandlerDependencies, associationId: string): Promise<number[]> {
  const ledger = await currentLedger(deps.repos, associationId);
  const thisYear = Number(deps.today().slice(0, 4));
  return [...new Set((ledger?.snapshot.columns ?? []).map((c) => c.year))].filter((y) => y >= thisYear).sort((a, b) => a - b);
}

/** A form's id as the bot generated it (a UUID); it names the filing so a second click files nothing new. */
export const isFormId = (formId: string) => /^[A-Za-z0-9-]{8,64}$/.test(formId);

/**
 * Files an avvikelse. The form's id names the filing, so a double click or a retried
 * request finds the first filing instead of creating a second one.
 */
export async function fileDeviation(
  deps: HandlerDependencies,
  user: UserIdentity,
  formId: string,
  input: DeviationFormInput,
  formCardId?: string,
): Promise<FilingResult> {
  if (!isFormId(formId)) throw new InvalidInputError('Formuläret saknar sitt id. Skriv "ny avvikelse" för att få ett nytt.');
  const own = await ownInitiatives(deps, user);
  const id = `avvikelse-${formId}`;
  const existing = await deps.repos.deviations.get(user.associationId, id);
  if (existing) return finish(deps, existing, true);

  const budgetKind = DEVIATION_KINDS.some((k) => k === input.kind && isBudgetKind(k));
  // Only money moves need the ledger, the utfall and the other open avvikelser.
  const facts = budgetKind
    ? await budgetFactsFor(deps.repos, user.associationId, input.initiativeId ?? '', deps.today())
    : { today: deps.today(), actualByYear: {}, openDeviations: [] };
  const validation = validateDeviation(input, own, facts);
  if (!validation.ok) return { kind: 'invalid', problems: validation.problems };
  const v = validation.value;
  if (v.amount !== undefined && v.fromYear !== undefined) {
    // Checked again and reserved in one conditional write, so simultaneous filings cannot together take more than is left.
    const amount = v.amount;
    const fromYear = v.fromYear;
    let problems: readonly FieldProblem[] = [];
    const reserved = await deps.repos.deviations.reserveBudget(user.associationId, v.initiative.id, fromYear, id, amount, async (inFlight) => {
      const fresh = await budgetFactsFor(deps.repos, user.associationId, v.initiative.id, deps.today());
      const pending = inFlight
        .filter((r) => !fresh.openDeviations.some((d) => d.id === r.caseId))
        .map((r) => ({ id: r.caseId, initiativeId: v.initiative.id, kind: 'budget-return', fromYear, amount: r.amount }) as unknown as Deviation);
      const check = validateDeviation(input, own, { ...fresh, openDeviations: [...fresh.openDeviations, ...pending] });
      problems = check.ok ? [] : check.problems;
      return check.ok;
    });
    if (!reserved) return { kind: 'invalid', problems };
  }
  const now = deps.now();
  const deviation: Deviation = {
    id,
    associationId: user.associationId,
    status: 'registreras',
    initiativeId: v.initiative.id,
    initiativeName: initiativeLabel(v.initiative),
    kind: v.kind,
    ...(v.amount !== undefined ? { amount: v.amount, fromYear: v.fromYear } : {}),
    ...(v.newEndDate ? { newEndDate: v.newEndDate, previousEndDate: v.initiative.period.end } : {}),
    reason: v.reason,
    steeringGroupPosition: v.steeringGroupPosition,
    filedBy: { aadObjectId: user.aadObjectId, name: user.name },
    filedAt: now.toISOString(),
    filedOn: deps.today(),
    // The form becomes the filer's receipt; remembering it lets the decision replace it too.
    postedCards: formCardId && user.aadObjectId ? [{ aadObjectId: user.aadObjectId, activityId: formCardId }] : [],
    decidersNotified: false,
  };
  const { created, deviation: stored } = await deps.repos.deviations.createIfAbsent(deviation);
  try {
    return await finish(deps, stored, !created);
  } catch (err) {
    // The filing stands; only its Dnr or the message to the förbundschef is missing, and the background repair adds them.
    if (isStoreRefusal(err))
      throw new StoreUnavailableError(
        'Avvikelsen är mottagen men kunde inte diarieföras just nu. Den diarieförs och skickas till förbundschefen automatiskt; skicka formuläret igen för att se diarienumret (den lämnas inte in två gånger).',
        (err as Error)?.message,
      );
    throw err;
  }
}

/** Only the request that created the filing notifies, so a double click sends one card; the repair at start covers a crash. */
async function finish(deps: HandlerDependencies, d: Deviation, alreadyFiled: boolean): Promise<FilingResult> {
  const [numbered, cardContext] = await Promise.all([ensureDiarienummer(deps, d), loadCardContext(deps, d.associationId)]);
  // The filer is answered once the filing has its Dnr; the deciders' cards follow.
  if (!alreadyFiled && numbered.status === 'inlämnad') deps.afterTurn('notify deciders', async () => void (await notifyDeciders(deps, numbered, cardContext)));
  return { kind: 'filed', deviation: numbered, decidersReached: cardContext.deciderTeamsIds.length, alreadyFiled, cardContext };
}
