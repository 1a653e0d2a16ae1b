import { newOpaqueId } from '../domain/opaqueId';
import { Application } from '../domain/applications';
import { containsPersonnummer } from '../domain/personalData';
import { isSaneDate, withinMaxPeriod } from '../domain/limits';
import { BudgetSummary, checkYearOverride, summariseBudget } from '../finance/applicationBudget';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { Reply } from '../cards/viewModels';
import { readAmountField } from '../format/parseAmount';
import { UserIdentity } from '../roles/roleDirectory';
import { sectionReply, summaryReply } from './applicationViews';
import { Fields, LineKind, MAX_LINES, SECTIONS, SUMMARY_STEP, parseBudget, sectionsFor, validateSection, withOneMoreLine } from './sections';

const NEW_APPLICATION = { title: 'Ny ansökan', question: 'ny ansökan' };
const APPLICATION_STATUS = { title: 'Status på min ansökan', question: 'status på min ansökan' };

async function ownDraft(deps: HandlerDependencies, user: UserIdentity): Promise<Application | undefined> {
  if (!user.aadObjectId) return undefined;
  return (await deps.repos.applications.listByApplicant(user.associationId, user.aadObjectId)).find((a) => a.status === 'utkast');
}

export async function loadOwnApplication(deps: HandlerDependencies, user: UserIdentity, id: unknown): Promise<Application> {
  const a = typeof id === 'string' ? await deps.repos.applications.get(user.associationId, id) : undefined;
  if (!a) throw new NotFoundError('Ansökan finns inte (längre). Skriv "ny ansökan" för att börja om.', undefined, [NEW_APPLICATION]);
  if (a.applicant.aadObjectId !== user.aadObjectId) throw new ForbiddenError('Det här är någon annans ansökan.');
  return a;
}

/** The card for where the applicant is: a section, or the summary. */
export function cardFor(a: Application, problems: readonly string[] = [], note?: string): Reply {
  return a.step >= SUMMARY_STEP ? summaryCard(a, problems) : sectionReply(a, a.step, a.fields, problems, note);
}

/** "ny ansökan": a new draft, or the one already started. */
export async function startApplication(deps: HandlerDependencies, user: UserIdentity): Promise<Reply> {
  if (!user.aadObjectId) throw new InvalidInputError('Jag vet inte vem du är; öppna boten i Teams och försök igen.');
  const existing = await ownDraft(deps, user);
  if (existing) return cardFor(existing, [], 'Du har redan ett påbörjat utkast; här fortsätter du det. Vill du börja om, släng utkastet.');
  const now = deps.now().toISOString();
  const a = await deps.repos.applications.create({
    id: `ansokan-${newOpaqueId()}`,
    associationId: user.associationId,
    status: 'utkast',
    applicant: { aadObjectId: user.aadObjectId, name: user.name },
    fields: {},
    step: 0,
    createdAt: now,
    updatedAt: now,
  });
  return cardFor(a);
}

/** "fortsätt min ansökan". */
export async function continueApplication(deps: HandlerDependencies, user: UserIdentity): Promise<Reply> {
  const draft = await ownDraft(deps, user);
  if (!draft)
    throw new InvalidInputError(
      'Du har inget påbörjat utkast. En inlämnad ansökan ser du under "status på min ansökan"; en ny börjar du med "ny ansökan".',
      undefined,
      [NEW_APPLICATION, APPLICATION_STATUS],
    );
  return cardFor(draft, [], 'Välkommen tillbaka; här är du där du slutade.');
}

/**
 * Saves a section's fields (never a personnummer) and moves next (if the section is complete),
 * back, stays, or stays with one more line in a group ("Lägg till en lön").
 */
export async function saveStep(
  deps: HandlerDependencies,
  user: UserIdentity,
  id: unknown,
  step: number,
  typed: Fields,
  direction: 'next' | 'back' | 'stay' | 'goto' | { readonly addLine: LineKind },
  edgeProblems: readonly string[] = [],
): Promise<Reply> {
  const a = await loadOwnApplication(deps, user, id);
  if (a.status !== 'utkast')
    throw new InvalidInputError(`Ansökan är redan inlämnad (${a.dnr}); kortet du använde är ett gammalt utkast och inget ändrades.`, undefined, [
      APPLICATION_STATUS,
    ]);
  // The fields of the section as the card showed it: with the lines the draft had.
  const sectionIds = new Set((sectionsFor(a.fields)[step]?.fields ?? []).filter((f) => f.type !== 'addLine').map((f) => f.id));
  const incoming = Object.fromEntries(Object.entries(typed).filter((e): e is [string, string] => sectionIds.has(e[0]) && typeof e[1] === 'string'));
  if (edgeProblems.length > 0) return sectionReply(a, step, { ...a.fields, ...incoming }, [...edgeProblems, 'Inget sparades.']);
  if (Object.values(incoming).some(containsPersonnummer)) {
    return sectionReply(a, step, { ...a.fields, ...incoming }, [
      'Något fält innehåller något som liknar ett personnummer. Uppgifter om enskilda får inte lämnas; ta bort det. Inget sparades.',
    ]);
  }
  if (typeof direction === 'object') {
    if (!sectionsFor(a.fields)[step]?.fields.some((f) => f.line === direction.addLine))
      throw new InvalidInputError('Den raden finns inte i det här avsnittet; inget ändrades. Skriv "fortsätt min ansökan" för att få formuläret igen.');
    const typedNow: Record<string, string> = { ...a.fields, ...incoming };
    const more = withOneMoreLine(typedNow, direction.addLine);
    const grown = more !== undefined;
    const fields = more ?? typedNow;
    const saved = await deps.repos.applications.update(a.associationId, a.id, (current) => ({ ...current, fields, step, updatedAt: deps.now().toISOString() }));
    return sectionReply(
      saved,
      step,
      fields,
      [],
      grown
        ? 'Utkastet är sparat och en ny rad finns sist i gruppen.'
        : `Utkastet är sparat. Gruppen har redan det största antalet rader (${MAX_LINES[direction.addLine]}); slå ihop poster om fler behövs.`,
    );
  }
  const fields = { ...a.fields, ...incoming };
  const problems = direction === 'next' ? validateSection(step, fields) : [];
  const nextStep =
    direction === 'goto'
      ? step
      : direction === 'back'
        ? Math.max(0, step - 1)
        : direction === 'next' && problems.length === 0
          ? step + 1
          : Math.min(step, SUMMARY_STEP);
  const saved = await deps.repos.applications.update(a.associationId, a.id, (current) => ({
    ...current,
    fields,
    step: nextStep,
    updatedAt: deps.now().toISOString(),
  }));
  if (problems.length > 0) return sectionReply(saved, step, fields, problems);
  return cardFor(saved, [], direction === 'stay' ? 'Utkastet är sparat.' : undefined);
}

export async function discardDraft(deps: HandlerDependencies, user: UserIdentity, id: unknown): Promise<Reply> {
  const a = await loadOwnApplication(deps, user, id);
  if (a.status !== 'utkast') throw new InvalidInputError('En inlämnad ansökan kan inte slängas; den är en allmän handling.', undefined, [APPLICATION_STATUS]);
  await deps.repos.applications.remove(a.associationId, a.id);
  return {
    card: {
      template: 'receipt',
      view: { title: 'Utkastet är slängt', status: 'Inget skickades in.', facts: [], notes: [{ text: 'Skriv "ny ansökan" för att börja om.' }], actions: [] },
    },
    text: 'Utkastet är slängt.',
  };
}

/** Every section's problems and the budget, for the summary and for submitting. */
export function assess(a: Application): { problems: string[]; summary?: BudgetSummary } {
  const problems = SECTIONS.flatMap((s, i) => validateSection(i, a.fields).map((p) => `${s.title}: ${p}`));
  const budget = parseBudget(a.fields);
  const f = a.fields;
  // The budget is spread over the insatstid month by month, so only a sane period is summarised.
  if (budget.problems.length > 0 || !f.start || !f.end || f.end <= f.start || !isSaneDate(f.start) || !isSaneDate(f.end) || !withinMaxPeriod(f.start, f.end))
    return { problems };
  return { problems, summary: summariseBudget(budget.owners, { start: f.start, end: f.end }) };
}

/** The applicant's yearly split: what they typed in the summary (year_YYYY), else the month rule's proposal. */
export function yearSplit(fields: Fields, summary: BudgetSummary): { byYear: Record<number, number>; problems: string[] } {
  const byYear: Record<number, number> = {};
  const problems: string[] = [];
  for (const year of Object.keys(summary.byYear).map(Number)) {
    const typed = (fields[`year_${year}`] ?? '').trim();
    const parsed = readAmountField(`Att rekvirera ${year}`, typed, { allowZero: true });
    if (typed === '') byYear[year] = summary.byYear[year] as number;
    else if (parsed.ok) byYear[year] = parsed.kronor;
    else problems.push(parsed.problem);
  }
  return { byYear, problems: problems.length > 0 ? problems : checkYearOverride(byYear, summary) };
}

function summaryCard(a: Application, extra: readonly string[]): Reply {
  const { problems, summary } = assess(a);
  const split = summary ? yearSplit(a.fields, summary) : undefined;
  return summaryReply(a, summary, split?.byYear ?? {}, [...problems, ...extra]);
}
