import { Application } from '../domain/applications';
import { PostedCard } from '../domain/deviations';
import { InvalidInputError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { Reply } from '../cards/viewModels';
import { DECIDER_ROLES, UserIdentity } from '../roles/roleDirectory';
import { sum } from '../domain/money';
import { formatKr } from '../format/swedish';
import { applicationFacts } from './applicationViews';
import { assess, cardFor, loadOwnApplication, yearSplit } from './fileApplication';
import { Fields, SUMMARY_STEP } from './sections';

/** An ansökan's card; the decision's text stands in full width below the facts, where a long sentence reads well on a phone. */
export const receiptOf = (
  a: Application,
  title: string,
  extraNotes: string[] = [],
  actions: { title: string; verb: string; data: Record<string, unknown> }[] = [],
): Reply => {
  const notes = [...(a.decision ? [`Beslut: ${a.decision.text}`] : []), ...extraNotes];
  return {
    card: {
      template: 'receipt',
      view: { title, status: a.dnr ? `${a.dnr} – ${a.status}` : a.status, facts: applicationFacts(a), notes: notes.map((text) => ({ text })), actions },
    },
    text: [title, ...applicationFacts(a).map((f) => `${f.label}: ${f.value}`), ...notes].join('\n'),
  };
};

export const showInFull = (a: Application) => ({ title: 'Visa hela ansökan', verb: 'showApplication', data: { applicationId: a.id } });

/** Every card the kansli and the deciders got about the ansökan, replaced by its final state: no stale "Besluta" button stays. */
export async function updatePostedApplicationCards(deps: HandlerDependencies, a: Application, clickedCardId?: string): Promise<void> {
  const final = receiptOf(a, `Ansökan ${a.dnr}: ${a.name}`, [], [showInFull(a)]);
  // The card the decision was made on gets its answer from the invoke itself.
  await Promise.all(
    (a.postedCards ?? [])
      .filter((posted) => posted.activityId !== clickedCardId)
      .map((posted) => deps.notifier.updateCard(a.associationId, posted, final).catch(() => undefined)),
  );
}

/** Whether the förbundschef may decide it on delegation: the whole amount applied for is within the limit. */
export const withinDelegation = (a: Application, limit: number) => sum(Object.values(a.requestedByYear ?? {})) <= limit;

/**
 * Submits the draft: a Dnr from the förbund's shared sequence (keyed by the ansökan, so a
 * retry gets the same number), status inlämnad in one conditional write, the pending
 * amounts in the ledger, and a card to the kansli (and the deciders when within delegation).
 */
export async function submitApplication(deps: HandlerDependencies, user: UserIdentity, id: unknown, typed: Fields): Promise<Reply> {
  let a = await loadOwnApplication(deps, user, id);
  if (a.status !== 'utkast') return receiptOf(a, 'Ansökan är redan inlämnad');
  const { problems, summary } = assess(a);
  if (problems.length > 0 || !summary) return cardFor({ ...a, step: SUMMARY_STEP }, problems);
  const split = yearSplit(typed, summary);
  if (split.problems.length > 0) return cardFor({ ...a, fields: { ...a.fields, ...typed } as Record<string, string> }, split.problems);
  const today = deps.today();
  const year = Number(today.slice(0, 4));
  const n = await deps.repos.sequences.assign(a.associationId, 'dnr', year, a.id);
  const submitted: Application = {
    ...a,
    status: 'inlämnad',
    dnr: `Dnr ${year}:${n}`,
    submittedAt: deps.now().toISOString(),
    submittedOn: today,
    name: a.fields.name,
    owner: a.fields.owner_org,
    period: { start: a.fields.start as string, end: a.fields.end as string },
    requestedByYear: split.byYear,
    kansliNotified: false,
  };
  const written = await deps.repos.applications.replaceIfUnchanged(a, submitted);
  if (!written) {
    a = await loadOwnApplication(deps, user, id);
    if (a.status !== 'utkast') return receiptOf(a, 'Ansökan är redan inlämnad');
    throw new InvalidInputError('Ansökan ändrades samtidigt; försök igen.');
  }
  await deps.repos.ledger.saveApplicationEntry(a.associationId, {
    caseId: a.id,
    dnr: written.dnr as string,
    name: written.name as string,
    owner: written.owner as string,
    submittedOn: today,
    requestedByYear: split.byYear,
    status: 'inlämnad',
  });
  deps.afterTurn('notify kansli', () => notifyKansli(deps, written));
  return receiptOf(written, `Ansökan inlämnad: ${written.name}`, [
    `Tack! Ansökan har diarieförts som ${written.dnr}. Kansliet har fått den; du får besked här när den är beslutad. Skriv "status på min ansökan" för att se läget.`,
  ]);
}

/** The kansli records the board's decision; within the delegation limit the deciders may decide at once. */
export async function notifyKansli(deps: HandlerDependencies, a: Application): Promise<void> {
  const delegationLimit = deps.delegationLimitKr;
  const total = formatKr(sum(Object.values(a.requestedByYear ?? {})));
  const kansli = await deps.directory.withRole(a.associationId, ['kansli']);
  const deciders = withinDelegation(a, delegationLimit) ? await deps.directory.withRole(a.associationId, DECIDER_ROLES) : [];
  const posted: PostedCard[] = [];
  const send = async (aadObjectId: string | undefined, card: Reply) => {
    const sent = aadObjectId ? await deps.notifier.sendToUser(a.associationId, aadObjectId, card) : undefined;
    if (sent) posted.push(sent);
  };
  for (const u of kansli) {
    await send(
      u.aadObjectId,
      receiptOf(
        a,
        `Ny ansökan ${a.dnr}: ${a.name}`,
        [`Sökt totalt ${total}.`],
        [{ title: 'Registrera styrelsens beslut', verb: 'openApplicationDecision', data: { applicationId: a.id, by: 'styrelsen' } }, showInFull(a)],
      ),
    );
  }
  for (const u of deciders) {
    await send(
      u.aadObjectId,
      receiptOf(
        a,
        `Ny ansökan ${a.dnr}: ${a.name}`,
        [`Sökt totalt ${total}, inom delegationen (${formatKr(delegationLimit)}).`],
        [{ title: 'Besluta på delegation', verb: 'openApplicationDecision', data: { applicationId: a.id, by: 'delegation' } }, showInFull(a)],
      ),
    );
  }
  await deps.repos.applications.update(a.associationId, a.id, (current) => ({
    ...current,
    kansliNotified: true,
    postedCards: [...(current.postedCards ?? []), ...posted],
  }));
}

/** "status på min ansökan": the applicant's ansökningar, newest first. */
export async function applicationStatus(deps: HandlerDependencies, user: UserIdentity): Promise<Reply[]> {
  const mine = user.aadObjectId ? await deps.repos.applications.listByApplicant(user.associationId, user.aadObjectId) : [];
  if (mine.length === 0)
    return [
      {
        card: {
          template: 'notice',
          view: {
            title: 'Du har inga ansökningar just nu',
            message: 'En ansökan om medel från förbundet börjar du med "ny ansökan".',
            actions: [{ title: 'Ny ansökan', verb: 'askQuestion', data: { question: 'ny ansökan' } }],
          },
        },
        text: 'Du har inga ansökningar just nu.',
      },
    ];
  return mine.map((a) =>
    a.status === 'utkast'
      ? receiptOf(a, `Utkast: ${a.fields.name || 'namnlös ansökan'}`, ['Skriv "fortsätt min ansökan" för att fortsätta.'])
      : receiptOf(a, `Ansökan ${a.dnr}: ${a.name}`, [], [showInFull(a)]),
  );
}
