import { Application, ApplicationDecision } from '../domain/applications';
import { Initiative } from '../domain/initiatives';
import { containsPersonnummer } from '../domain/personalData';
import { FREE_TEXT_MAX, MAX_PERIOD_YEARS, isSaneDate, withinMaxPeriod } from '../domain/limits';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { Reply } from '../cards/viewModels';
import { formatDateLong, formatInteger, formatKr, formatKronor } from '../format/swedish';
import { sum } from '../domain/money';
import { readAmountField } from '../format/parseAmount';
import { RoleDirectory, UserIdentity, hasRole, titleOf } from '../roles/roleDirectory';
import { assertDecider } from '../roles/deciders';
import { normalize } from '../questions/parser/text';
import { formReply } from './applicationViews';
import { receiptOf, updatePostedApplicationCards, withinDelegation } from './submitApplication';
import { Fields, partnersOf } from './sections';

export type DecidedBy = ApplicationDecision['by'];
const STANDING_CONDITIONS =
  'under förutsättning att medlemmarna fortsätter att finansiera förbundet och att insatsen genomförs enligt ansökan, lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och förbundets riktlinjer';

async function loadSubmitted(deps: HandlerDependencies, user: UserIdentity, id: unknown): Promise<Application> {
  const a = typeof id === 'string' ? await deps.repos.applications.get(user.associationId, id) : undefined;
  if (!a || a.status === 'utkast') throw new NotFoundError('Ansökan finns inte bland förbundets inlämnade ansökningar.');
  return a;
}

/** Who may record what, checked on the server whatever a card shows. */
async function mayDecide(directory: RoleDirectory, user: UserIdentity, a: Application, by: DecidedBy, limit: number): Promise<void> {
  if (by === 'styrelsen' && !hasRole(user, 'kansli')) throw new ForbiddenError('Styrelsens beslut registreras av kansliet.');
  if (by === 'delegation') {
    await assertDecider(directory, user, 'Bara förbundschefen eller ersättaren beslutar på delegation.');
    if (!withinDelegation(a, limit)) throw new ForbiddenError(`Ansökan överstiger delegationen (${formatKr(limit)}) och beslutas av styrelsen.`);
  }
}

/** The decision form: outcome, the board meeting's date or a motivation, the granted amounts per year and the period. */
export async function decisionForm(
  deps: HandlerDependencies,
  user: UserIdentity,
  id: unknown,
  by: DecidedBy,
  problems: readonly string[] = [],
  typed: Fields = {},
): Promise<Reply> {
  const a = await loadSubmitted(deps, user, id);
  await mayDecide(deps.directory, user, a, by, deps.delegationLimitKr);
  if (a.status !== 'inlämnad') return receiptOf(a, `Ansökan ${a.dnr} är redan ${a.status}`);
  const years = Object.entries(a.requestedByYear ?? {});
  const v = (key: string, fallback: string) => typed[key] ?? fallback;
  return formReply({
    title: `${by === 'styrelsen' ? 'Styrelsens beslut' : 'Beslut på delegation'}: ${a.name} (${a.dnr})`,
    intro:
      by === 'styrelsen'
        ? 'Registrera vad styrelsen beslutade. Beviljat belopp kan vara lägre än det sökta.'
        : 'Du beslutar på delegation; beslutet blir ett numrerat delegationsbeslut som anmäls till styrelsen.',
    errors: problems.map((text) => ({ text })),
    facts: years.map(([y, amount]) => ({ label: `Sökt ${y}`, value: formatKr(amount) })),
    fields: [
      {
        id: 'outcome',
        label: 'Beslut *',
        type: 'choice',
        value: v('outcome', ''),
        choices: [
          { title: 'Bevilja', value: 'beviljad' },
          { title: 'Avslå', value: 'avslagen' },
        ],
      },
      ...(by === 'styrelsen'
        ? [
            { id: 'meeting_date', label: 'Styrelsemötets datum *', type: 'date' as const, value: v('meeting_date', ''), choices: [] },
            { id: 'meeting_paragraph', label: 'Paragraf i protokollet * (t.ex. § 47)', type: 'text' as const, value: v('meeting_paragraph', ''), choices: [] },
          ]
        : []),
      ...years.map(([y, amount]) => ({
        id: `granted_${y}`,
        label: `Beviljas ${y} (maximalt, kr)`,
        type: 'text' as const,
        value: v(`granted_${y}`, formatInteger(amount)),
        choices: [],
      })),
      { id: 'period_start', label: 'Perioden från', type: 'date', value: v('period_start', a.period?.start ?? ''), choices: [] },
      { id: 'period_end', label: 'Perioden till', type: 'date', value: v('period_end', a.period?.end ?? ''), choices: [] },
      { id: 'reason', label: by === 'delegation' ? 'Motivering *' : 'Motivering (valfritt)', type: 'multiline', value: v('reason', ''), choices: [] },
    ],
    actions: [{ title: 'Registrera beslutet', verb: 'decideApplication', data: { applicationId: a.id, by }, style: 'positive' }],
  });
}

/**
 * The decision in the förbund's wording. A board decision names its meeting and paragraph;
 * a grant lower than applied for says so instead of "enligt ansökan".
 */
function decisionText(
  a: Application,
  outcome: ApplicationDecision['outcome'],
  granted: Record<number, number>,
  period: { start: string; end: string },
  meeting?: { date: string; paragraph: string },
): string {
  const preamble = meeting ? `Förbundsstyrelsen beslutade vid sitt sammanträde ${formatDateLong(meeting.date)}, ${meeting.paragraph}, ` : '';
  if (outcome === 'avslagen') return `${preamble}att avslå ansökan om finansiellt stöd för insatsen ${a.name} (${a.dnr})`;
  const total = sum(Object.values(granted));
  const requested = sum(Object.values(a.requestedByYear ?? {}));
  const perYear = Object.entries(granted)
    .map(([y, k]) => `${y}: ${formatKronor(k)}`)
    .join(', ');
  const periodText = `för perioden ${formatDateLong(period.start)} till ${formatDateLong(period.end)}`;
  return total < requested
    ? `${preamble}att bevilja finansiellt stöd för insatsen ${a.name} ${periodText} med högst ${formatKronor(total)} (${perYear}), i stället för sökta ${formatKronor(requested)}, ${STANDING_CONDITIONS}`
    : `${preamble}att bevilja finansiellt stöd enligt ansökan för insatsen ${a.name} ${periodText}, maximalt ${formatKronor(total)} (${perYear}), ${STANDING_CONDITIONS}`;
}

/** "47", "§47", "§ 47" -> "§ 47" (a no-break space keeps the sign with its number). */
function paragraphOf(text: string): string | undefined {
  const m = /^§?\s*(\d{1,4}(?:\s*[a-z])?)$/i.exec(text.trim());
  return m ? `§\u00a0${(m[1] as string).replace(/\s+/g, '')}` : undefined;
}

/** Checks the decision form; returns the decision or every problem in Swedish. */
function readDecision(
  a: Application,
  by: DecidedBy,
  typed: Fields,
  user: UserIdentity,
  now: Date,
  today: string,
): { decision?: ApplicationDecision; problems: string[] } {
  const problems: string[] = [];
  const outcome = typed.outcome === 'beviljad' || typed.outcome === 'avslagen' ? typed.outcome : undefined;
  if (!outcome) problems.push('Beslut: välj Bevilja eller Avslå.');
  const meetingDate = (typed.meeting_date ?? '').trim();
  if (by === 'styrelsen' && !isSaneDate(meetingDate))
    problems.push(
      meetingDate === ''
        ? 'Styrelsemötets datum: välj datumet för mötet där styrelsen beslutade.'
        : `Styrelsemötets datum: "${meetingDate.slice(0, 40)}" är inget giltigt datum (skriv som 2026-12-10).`,
    );
  const paragraph = paragraphOf(typed.meeting_paragraph ?? '');
  if (by === 'styrelsen' && !paragraph)
    problems.push(
      `Paragraf i protokollet: ${(typed.meeting_paragraph ?? '').trim() === '' ? 'ange paragrafen, till exempel § 47' : `"${(typed.meeting_paragraph ?? '').trim().slice(0, 40)}" är ingen paragraf; skriv till exempel § 47`}.`,
    );
  const reason = (typed.reason ?? '').trim();
  if (by === 'delegation' && reason === '') problems.push('Motivering: skriv en motivering; den förs in i delegationsbeslutet.');
  if (reason.length > FREE_TEXT_MAX) problems.push(`Motivering: texten är för lång (högst ${FREE_TEXT_MAX} tecken).`);
  else if (containsPersonnummer(reason)) problems.push('Motivering: texten innehåller något som liknar ett personnummer.');
  const granted: Record<number, number> = {};
  for (const [year, requested] of Object.entries(a.requestedByYear ?? {})) {
    const parsed = readAmountField(`Beviljas ${year}`, typed[`granted_${year}`] ?? String(requested), {
      allowZero: true,
      max: requested,
      maxLabel: 'det sökta',
    });
    if (!parsed.ok) problems.push(parsed.problem);
    else granted[Number(year)] = parsed.kronor;
  }
  const period = { start: (typed.period_start ?? a.period?.start ?? '').trim(), end: (typed.period_end ?? a.period?.end ?? '').trim() };
  if (!isSaneDate(period.start) || !isSaneDate(period.end))
    problems.push('Perioden: ange från- och till-datum mellan år 2000 och 2100 (skriv som 2027-01-31).');
  else if (!(period.start < period.end)) problems.push('Perioden till: perioden måste sluta efter att den börjar.');
  else if (!withinMaxPeriod(period.start, period.end)) problems.push(`Perioden kan vara högst ${MAX_PERIOD_YEARS} år.`);
  if (outcome === 'beviljad' && sum(Object.values(granted)) === 0) problems.push('Ett beviljande behöver ett belopp; avslå annars.');
  if (problems.length > 0 || !outcome) return { problems };
  return {
    problems,
    decision: {
      outcome,
      by,
      decidedAt: now.toISOString(),
      decidedOn: by === 'styrelsen' ? meetingDate : today,
      ...(by === 'styrelsen' ? { meetingDate, paragraph } : {}),
      decider:
        by === 'styrelsen'
          ? { name: 'Förbundsstyrelsen', title: `registrerat av ${user.name}` }
          : { aadObjectId: user.aadObjectId, name: user.name, title: titleOf(user) },
      reason,
      grantedByYear: outcome === 'beviljad' ? granted : {},
      period,
      text: decisionText(a, outcome, granted, period, by === 'styrelsen' ? { date: meetingDate, paragraph: paragraph as string } : undefined),
    },
  };
}

/**
 * Records the decision once: one conditional write (ETag) wins whatever double clicks
 * or parallel invokes arrive; the rest see the decision that stands. Then the
 * delegationsbeslut number, the ledger, the insats register and the applicant.
 */
export async function decideApplication(
  deps: HandlerDependencies,
  user: UserIdentity,
  id: unknown,
  by: DecidedBy,
  typed: Fields,
  clickedCardId?: string,
): Promise<Reply> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const a = await loadSubmitted(deps, user, id);
    await mayDecide(deps.directory, user, a, by, deps.delegationLimitKr);
    if (a.status !== 'inlämnad')
      return receiptOf(await finishApplicationDecision(deps, a), `Ansökan ${a.dnr} är redan ${a.status}`, ['Beslutet är redan fattat och står fast.']);
    const { decision, problems } = readDecision(a, by, typed, user, deps.now(), deps.today());
    if (!decision) return decisionForm(deps, user, id, by, problems, typed);
    const written = await deps.repos.applications.replaceIfUnchanged(a, { ...a, status: decision.outcome, decision, decisionFinished: false });
    if (!written) continue;
    const finished = await finishApplicationDecision(deps, written);
    deps.afterTurn('announce decision', async () => {
      await updatePostedApplicationCards(deps, finished, clickedCardId);
      if (written.applicant.aadObjectId)
        await deps.notifier.sendToUser(
          written.associationId,
          written.applicant.aadObjectId,
          receiptOf(finished, `Beslut om din ansökan ${finished.dnr}: ${finished.status}`),
        );
    });
    return receiptOf(
      finished,
      `Beslutet är registrerat: ${finished.name} ${finished.status}`,
      finished.decision?.number ? [`Delegationsbeslut ${finished.decision.number}.`] : [],
      await appointLeadAction(deps, user, finished),
    );
  }
  throw new InvalidInputError('Ansökan ändrades samtidigt av någon annan; försök igen.');
}

/** A grant creates an insats nobody answers for yet: the decider may appoint its insatsansvarig at once (the applicant is proposed). */
async function appointLeadAction(deps: HandlerDependencies, user: UserIdentity, a: Application) {
  if (a.status !== 'beviljad' || !hasRole(user, 'kansli', 'forbundschef')) return [];
  const registry = await deps.repos.initiatives.getRegistry(a.associationId);
  const initiative = registry?.initiatives.find((i) => i.note?.includes(a.dnr as string));
  if (!initiative) return [];
  return [
    {
      title: `Utse insatsansvarig för ${initiative.name}`,
      verb: 'openPersonForm',
      data: {
        initiativeId: initiative.id,
        ...(a.applicant.aadObjectId ? { proposeId: a.applicant.aadObjectId } : {}),
        ...(a.applicant.name ? { proposeName: a.applicant.name.slice(0, 100) } : {}),
      },
    },
  ];
}

function initiativeId(name: string, taken: readonly Initiative[]): string {
  const base = normalize(name).replace(/ /g, '-').slice(0, 40) || 'insats';
  let id = base;
  for (let n = 2; taken.some((i) => i.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Idempotent steps after the deciding write: D-number, ledger entry, the new insats. */
export async function finishApplicationDecision(deps: HandlerDependencies, a: Application): Promise<Application> {
  const d = a.decision;
  if (!d || a.decisionFinished === true) return a;
  const year = Number(d.decidedOn.slice(0, 4));
  const number =
    d.by === 'delegation' ? (d.number ?? `D ${year}:${await deps.repos.sequences.assign(a.associationId, 'delegationsbeslut', year, a.id)}`) : undefined;
  await deps.repos.ledger.saveApplicationEntry(a.associationId, {
    caseId: a.id,
    dnr: a.dnr as string,
    name: a.name as string,
    owner: a.owner as string,
    submittedOn: a.submittedOn as string,
    requestedByYear: a.requestedByYear ?? {},
    status: d.outcome,
    decidedOn: d.decidedOn,
    grantedByYear: d.grantedByYear,
  });
  if (d.outcome === 'beviljad') {
    await deps.repos.initiatives.updateRegistry(a.associationId, (registry) => {
      if (registry.initiatives.some((i) => i.note?.includes(a.dnr as string))) return registry;
      const kind = a.fields.type === 'Individinsats' ? 'individual' : 'structural';
      const parties = [a.owner as string, ...partnersOf(a.fields)];
      const initiative: Initiative = {
        id: initiativeId(a.name as string, registry.initiatives),
        name: a.name as string,
        fullName: `${a.owner}, ${a.name}`,
        owner: a.owner as string,
        kind,
        period: d.period,
        parties,
        note: `Beviljad ${d.decidedOn} (${a.dnr}).`,
      };
      return { ...registry, initiatives: [...registry.initiatives, initiative] };
    });
  }
  return deps.repos.applications.update(a.associationId, a.id, (current) =>
    current.decision && current.decisionFinished !== true
      ? { ...current, decision: { ...current.decision, ...(number ? { number } : {}) }, decisionFinished: true }
      : current,
  );
}
