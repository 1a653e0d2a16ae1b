import { Application } from '../domain/applications';
import { ForbiddenError, NotFoundError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { AmountTable, Reply } from '../cards/viewModels';
import { DECIDER_ROLES, UserIdentity, hasRole } from '../roles/roleDirectory';
import { formatDate, formatKr } from '../format/swedish';
import { applicationFacts, budgetTables } from './applicationViews';
import { assess } from './fileApplication';
import { sectionsFor } from './sections';

/** Who may read a submitted ansökan in full: the kansli, the deciders and the applicant. */
const READERS = ['kansli', ...DECIDER_ROLES] as const;

/** "Visa hela ansökan": every answer section by section and the budget per insatsägare. */
export async function showApplication(deps: HandlerDependencies, user: UserIdentity, id: unknown): Promise<Reply> {
  const a = typeof id === 'string' ? await deps.repos.applications.get(user.associationId, id) : undefined;
  if (!a) throw new NotFoundError('Ansökan finns inte (längre).');
  const own = a.applicant.aadObjectId === user.aadObjectId;
  if (!own && (a.status === 'utkast' || !hasRole(user, ...READERS)))
    throw new ForbiddenError('Hela ansökan visas för kansliet, förbundschefen och den som sökte.');
  return fullApplicationReply(a);
}

export function fullApplicationReply(a: Application): Reply {
  const sections = sectionsFor(a.fields).map((s) => ({
    title: s.title,
    items: s.fields.flatMap((f) => {
      const raw = (a.fields[f.id] ?? '').trim();
      if (f.type === 'heading' || f.type === 'addLine' || raw === '') return [];
      return [{ label: f.label.replace(/\s*\(valfritt\)$/, ''), value: f.type === 'date' ? formatDate(raw) : raw }];
    }),
  }));
  const { summary } = assess(a);
  const budget: AmountTable[] = summary ? budgetTables(summary) : [];
  const title = `Ansökan ${a.dnr ?? ''}: ${a.name ?? a.fields.name ?? ''}`.replace(/\s+:/, ':');
  const facts = applicationFacts(a).filter((f) => f.value !== '');
  const view = {
    title,
    status: a.status,
    sections: [{ title: 'Översikt', items: facts.map((f) => ({ label: f.label, value: f.value })) }, ...sections.filter((s) => s.items.length > 0)],
    budget,
    notes: [
      ...(a.decision ? [{ text: `Beslut: ${a.decision.text}` }] : []),
      ...(summary ? [{ text: `Egenfinansieringen (${formatKr(summary.selfFunding)}) kommer utöver det som söks från förbundet.` }] : []),
    ],
    actions: [],
  };
  const text = [
    title,
    a.status,
    ...view.sections.flatMap((s) => [s.title, ...s.items.map((i) => `${i.label}: ${i.value}`)]),
    ...budget.flatMap((t) => [t.title, ...t.rows.map((r) => `${r.label}: ${r.value}`)]),
    ...view.notes.map((n) => n.text),
  ].join('\n');
  return { card: { template: 'applicationFull', view }, text };
}
