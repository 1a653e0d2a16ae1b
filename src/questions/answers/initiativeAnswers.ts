import { Initiative, InitiativeYearFigures, initiativeLabel, shortOwner } from '../../domain/initiatives';
import { LedgerLine } from '../../domain/ledger';
import { computeLedgerTotals, latestEstimateColumn } from '../../finance/ledgerTotals';
import { sum } from '../../finance/money';
import { groupUtilisation, linearUtilisation, utilisation, utilisationAgainstAdjusted } from '../../finance/utilisation';
import { formatDateLong, formatPercent, formatTkr } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { InvalidInputError } from '../../errors';
import { QuestionContext, currentYearOf } from '../context';
import { figuresFromReports } from '../../reports/reportFigures';
import { NamedEntity, resolveEntity } from '../parser/resolveEntity';
import { adjustmentNotes, columnLabel, findLedger, ledgerYearsMessage, listInSwedish, noDataReply, olderSnapshotNote, plainText, sourceText } from './common';

const KIND_TEXT = { individual: 'Individinsats', structural: 'Strukturinsats' } as const;

function figuresReply(title: string, headlineLabel: string, headlineValue: string, facts: Fact[], notes: { text: string }[], source: string): Reply {
  return { card: { template: 'figures', view: { title, headlineLabel, headlineValue, facts, notes, source } }, text: plainText(title, headlineValue, facts, notes, source) };
}

function tableReply(title: string, headers: [string, string, string], rows: { name: string; a: string; b: string }[], notes: { text: string }[], source: string): Reply {
  const text = [title, ...rows.map((r) => `${r.name}: ${r.a}${r.b ? `, ${r.b}` : ''}`), ...notes.map((n) => n.text), source].filter(Boolean).join('\n');
  return { card: { template: 'table', view: { title, headers, rows, notes, source } }, text };
}

function pickOne<T extends NamedEntity>(words: readonly string[], entities: readonly T[], what: string): T | undefined {
  const resolution = resolveEntity(words, entities);
  if (resolution.kind === 'one') return resolution.entity;
  if (resolution.kind === 'ambiguous') {
    throw new InvalidInputError(`Jag hittar flera ${what} som passar: ${listInSwedish(resolution.candidates.map((c) => `${c.name} (${c.qualifiers.join(', ')})`))}. Skriv till exempel insatsägaren också.`);
  }
  return undefined;
}

function initiativeEntities(initiatives: readonly Initiative[]) {
  return initiatives.map((i) => ({ ...i, qualifiers: [shortOwner(i.owner)] }));
}

async function registryOrThrow(ctx: QuestionContext) {
  const registry = await ctx.repos.initiatives.getRegistry(ctx.associationId);
  if (!registry || registry.initiatives.length === 0) throw new InvalidInputError('Det finns inga insatser inlästa för förbundet ännu.');
  return registry;
}

function notFound(words: readonly string[]): never {
  throw new InvalidInputError(`Jag hittar ingen insats som heter "${words.join(' ')}". Fråga "vilka insatser finansieras i år?" för att se namnen.`);
}

/** Förbrukningsgrad of one insats, or all of them with the total, for a year. */
export async function answerUtilisation(ctx: QuestionContext, words: readonly string[], years: readonly number[]): Promise<Reply[]> {
  const registry = await registryOrThrow(ctx);
  const initiative = words.length > 0 ? pickOne(words, initiativeEntities(registry.initiatives), 'insatser') : undefined;
  if (words.length > 0 && !initiative) notFound(words);
  const year = years[0] ?? currentYearOf(ctx);
  const figures = (await ctx.repos.initiatives.getYearFigures(ctx.associationId, year)) ?? (await reportedFigures(ctx, year));
  if (!figures) {
    const fallback = years.length === 0 ? await ctx.repos.initiatives.getYearFigures(ctx.associationId, year - 1) : undefined;
    if (!fallback) return [noDataReply(`Förbrukningsgrad ${year}`, year, `Det finns inget utfall för ${year}.`)];
    return answerUtilisationFor(registry.initiatives, initiative, fallback, [{ text: `Det finns inget utfall för ${year} ännu; här är ${year - 1}.` }]);
  }
  return answerUtilisationFor(registry.initiatives, initiative, figures, []);
}

/** During the year the utfall comes from the kvartalsrapporternas upparbetade kostnader. */
async function reportedFigures(ctx: QuestionContext, year: number) {
  const [reports, ledger] = await Promise.all([ctx.repos.reports.listForYear(ctx.associationId, year), findLedger(ctx, year)]);
  return figuresFromReports(ctx.associationId, year, reports, ledger.snapshot);
}

function answerUtilisationFor(
  initiatives: readonly Initiative[],
  initiative: Initiative | undefined,
  figures: InitiativeYearFigures,
  notes: { text: string }[],
): Reply[] {
  const duringYear = figures.asOf < `${figures.year}-12-31`;
  const source = figures.source === 'kvartalsrapporter' ? `Enligt kvartalsrapporternas upparbetade kostnader per ${figures.asOf}.` : `Enligt utfall per ${figures.asOf}.`;
  if (initiative) {
    const f = figures.figures.find((x) => x.initiativeId === initiative.id);
    if (!f) return [noDataReply(`Förbrukningsgrad ${initiative.name}`, figures.year, `Det finns inget utfall för ${initiative.name} ${figures.year}.`)];
    const plain = utilisation(f.actual, f.budget);
    const facts: Fact[] = [
      { label: 'Utfall', value: formatTkr(f.actual) },
      { label: 'Beviljad budget', value: formatTkr(f.budget) },
    ];
    if (f.budgetAdjustments.length > 0) {
      const adjusted = utilisationAgainstAdjusted(f.actual, f.budget, f.budgetAdjustments);
      facts.push({ label: 'Justerad budget', value: formatTkr(adjusted.budget) }, { label: 'Mot justerad budget', value: formatPercent(adjusted.percent) });
    }
    if (duringYear) {
      const linear = linearUtilisation(f.actual, f.budget, figures.asOf);
      facts.push({ label: `Förväntat linjärt per ${figures.asOf}`, value: formatTkr(linear.expected) }, { label: 'Mot linjär förväntan', value: formatPercent(linear.percent) });
    }
    return [figuresReply(`Förbrukningsgrad ${initiative.name} ${figures.year}`, 'Mot beviljad budget', formatPercent(plain.percent), facts, notes, source)];
  }
  const nameOf = (id: string) => {
    const i = initiatives.find((x) => x.id === id);
    return i ? initiativeLabel(i) : id;
  };
  const rows = figures.figures.map((f) => ({ name: nameOf(f.initiativeId), a: `${formatTkr(f.actual)} av ${formatTkr(f.budget)}`, b: formatPercent(utilisation(f.actual, f.budget).percent) }));
  const total = groupUtilisation(figures.figures);
  rows.push({ name: 'Totalt', a: `${formatTkr(total.actual)} av ${formatTkr(total.budget)}`, b: formatPercent(total.percent) });
  if (!duringYear) notes.push({ text: `${formatTkr(total.budget - total.actual)} av budgeten användes inte och återgår till förbundet.` });
  return [tableReply(`Förbrukningsgrad ${figures.year}: ${formatPercent(total.percent)}`, ['Insats', 'Utfall av budget', 'Förbrukningsgrad'], rows, notes, source)];
}

/** Period and end date of one insats. */
export async function answerPeriod(ctx: QuestionContext, words: readonly string[]): Promise<Reply[]> {
  const registry = await registryOrThrow(ctx);
  if (words.length === 0) throw new InvalidInputError('Vilken insats menar du? Skriv till exempel "när slutar Växtkraft?".');
  const initiative = pickOne(words, initiativeEntities(registry.initiatives), 'insatser') ?? notFound(words);
  const facts: Fact[] = [
    { label: 'Start', value: formatDateLong(initiative.period.start) },
    { label: 'Slut', value: formatDateLong(initiative.period.end) },
    { label: 'Insatsägare', value: initiative.owner },
    { label: 'Typ', value: KIND_TEXT[initiative.kind] },
    { label: 'Samverkansparter', value: initiative.parties.join(', ') },
  ];
  const notes = initiative.note ? [{ text: initiative.note }] : [];
  return [figuresReply(`${initiative.name}: insatstid`, 'Slutdatum', formatDateLong(initiative.period.end), facts, notes, 'Enligt förbundets register över insatser.')];
}

/** Insatser whose period ends in the year. */
export async function answerEndingInitiatives(ctx: QuestionContext, years: readonly number[]): Promise<Reply[]> {
  const registry = await registryOrThrow(ctx);
  const year = years[0] ?? currentYearOf(ctx);
  const ending = registry.initiatives.filter((i) => Number(i.period.end.slice(0, 4)) === year).sort((a, b) => a.period.end.localeCompare(b.period.end));
  const rows = ending.map((i) => ({ name: initiativeLabel(i), a: formatDateLong(i.period.end), b: '' }));
  const notes = ending.length === 0 ? [{ text: `Ingen insats slutar ${year}.` }] : [];
  return [tableReply(`Insatser som slutar ${year}`, ['Insats', 'Slutdatum', ''], rows, notes, 'Enligt förbundets register över insatser.')];
}

function lineEntities(lines: readonly LedgerLine[]) {
  return lines.filter((l) => l.initiative).map((l) => ({ ...l, name: l.initiative?.name ?? l.label, qualifiers: [l.initiative?.owner ?? ''] }));
}

/** The insatser with money in a year's latest estimate, and their sum. */
export async function answerFundedInitiatives(ctx: QuestionContext, years: readonly number[]): Promise<Reply[]> {
  const year = years[0] ?? currentYearOf(ctx);
  const lookup = await findLedger(ctx, year);
  if (!lookup.snapshot) return [noDataReply(`Insatser ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const snapshot = lookup.snapshot;
  const column = latestEstimateColumn(snapshot.columns, year);
  if (!column) return [noDataReply(`Insatser ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const funded = snapshot.lines.filter((l) => l.group === 'initiative' && (l.amounts[column.key] ?? 0) !== 0);
  const rows = funded.map((l) => ({ name: `${l.initiative?.name ?? l.label} (${l.initiative?.owner ?? ''})`, a: formatTkr(l.amounts[column.key] ?? 0), b: '' }));
  rows.push({ name: 'S:a samverkansinsatser', a: formatTkr(sum(funded.map((l) => l.amounts[column.key] ?? 0))), b: '' });
  const notes = [...olderSnapshotNote(snapshot, year, lookup.isLatest), ...adjustmentNotes(snapshot.asOf, lookup.applied)];
  return [tableReply(`Insatser som finansieras ${year} (${funded.length} st)`, ['Insats', columnLabel(column), ''], rows, notes, sourceText(snapshot, column))];
}

/** The cost of one insats per column of the year and the following years. */
export async function answerInitiativeCost(ctx: QuestionContext, words: readonly string[], years: readonly number[]): Promise<Reply[]> {
  const year = years[0] ?? currentYearOf(ctx);
  const lookup = await findLedger(ctx, year);
  if (!lookup.snapshot) return [noDataReply(`Kostnad ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const snapshot = lookup.snapshot;
  const line = pickOne(words, lineEntities(snapshot.lines), 'insatser') ?? notFound(words);
  const main = latestEstimateColumn(snapshot.columns, year);
  if (!main) return [noDataReply(`Kostnad ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const wanted = years.length > 1 ? new Set(years) : undefined;
  const facts: Fact[] = snapshot.columns
    .filter((c) => c.key !== main.key && (wanted ? wanted.has(c.year) : c.year >= year))
    .map((c) => ({ label: columnLabel(c), value: formatTkr(line.amounts[c.key] ?? 0) }));
  const share = computeLedgerTotals(snapshot).find((t) => t.column.key === main.key)?.initiatives ?? 0;
  const own = lookup.applied.filter((a) => a.initiativeId === line.id);
  const notes = [...olderSnapshotNote(snapshot, year, lookup.isLatest), ...(line.note ? [{ text: line.note }] : []), ...adjustmentNotes(snapshot.asOf, own)];
  if (share > 0) notes.push({ text: `Av S:a samverkansinsatser ${formatTkr(share)}.` });
  return [figuresReply(`Kostnad ${line.name} (${line.initiative?.owner ?? ''})`, columnLabel(main), formatTkr(line.amounts[main.key] ?? 0), facts, notes, sourceText(snapshot, main))];
}
