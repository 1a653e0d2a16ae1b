import { Reply } from '../cards/viewModels';
import { Initiative, initiativeLabel } from '../domain/initiatives';
import { dueDate, latestEndedQuarter, overlapsQuarter, quarterLabel, quarterOf } from '../domain/quarters';
import { ForbiddenError } from '../errors';
import { formatDateLong, formatPeriod } from '../format/swedish';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity, hasRole } from '../roles/roleDirectory';

/**
 * The insatser running now, in the quarter just ended or starting later (a fresh grant) that no
 * insatsansvarig answers for: their reports would reach no one.
 */
export function initiativesWithoutLead(initiatives: readonly Initiative[], leads: readonly UserIdentity[], today: string): Initiative[] {
  const covered = new Set(leads.flatMap((u) => u.initiatives));
  const current = quarterOf(today);
  const ended = latestEndedQuarter(today);
  return initiatives.filter((i) => !covered.has(i.id) && (overlapsQuarter(i.period, current) || overlapsQuarter(i.period, ended) || i.period.start > today));
}

/** "vilka insatser saknar insatsansvarig?" for the kansli and the deciders. */
export async function initiativesWithoutLeadReply(deps: Pick<HandlerDependencies, 'repos' | 'directory' | 'today'>, user: UserIdentity): Promise<Reply> {
  if (!hasRole(user, 'kansli', 'forbundschef', 'ersattare'))
    throw new ForbiddenError('Vilka insatser som saknar insatsansvarig visas för kansliet och förbundschefen.');
  const registry = await deps.repos.initiatives.getRegistry(user.associationId);
  const today = deps.today();
  const missing = initiativesWithoutLead(registry?.initiatives ?? [], await deps.directory.withRole(user.associationId, ['insatsansvarig']), today);
  const ended = latestEndedQuarter(today);
  const title =
    missing.length === 0
      ? 'Alla insatser har en insatsansvarig'
      : `${missing.length} ${missing.length === 1 ? 'insats saknar' : 'insatser saknar'} insatsansvarig`;
  const intro =
    missing.length === 0
      ? 'Varje insats som pågår har någon som kan lämna dess kvartalsrapporter och avvikelser.'
      : `Ingen kan lämna kvartalsrapporter eller avvikelser för dem, och påminnelserna når ingen. Rapporten för ${quarterLabel(ended)} ska in senast ${formatDateLong(dueDate(ended))}.`;
  const blocks = missing.map((i) => ({
    heading: initiativeLabel(i),
    status: '',
    statusColor: 'Attention' as const,
    facts: [
      { label: 'Insatstid', value: formatPeriod(i.period.start, i.period.end) },
      { label: 'Insatsägare', value: i.owner },
    ],
  }));
  const text = [title, intro, ...blocks.map((b) => `${b.heading}: ${b.facts.map((f) => `${f.label} ${f.value}`).join(', ')}`)].join('\n');
  return {
    text,
    card: {
      template: 'blocks',
      view: { title, intro, summaryHeading: '', summary: [], blocks, emptyText: 'Alla pågående insatser har en insatsansvarig.', notes: [] },
    },
  };
}
