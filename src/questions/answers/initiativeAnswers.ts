import { Initiative, InitiativeYearFigure, InitiativeYearFigures, initiativeLabel } from '../../domain/initiatives';
import { groupUtilisation, linearUtilisation, utilisation, utilisationAgainstAdjusted } from '../../finance/utilisation';
import { sum } from '../../domain/money';
import { formatDateLong, formatPercent, formatTkr, formatDate } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { InvalidInputError } from '../../errors';
import { QuestionContext } from '../context';
import { figuresFromReports } from '../../reports/reportFigures';
import { FORBUND, Reading, Subject } from '../../domain/reading';
import { Note, figuresReply, findLedger, listInSwedish, noDataReply, readingLine, tableReply } from './common';

const KIND_TEXT = { individual: 'Individinsats', structural: 'Strukturinsats' } as const;
const REGISTER_SOURCE = 'Enligt förbundets register över insatser.';

type LineSubject = Extract<Subject, { kind: 'line' }>;

async function registryOrThrow(ctx: QuestionContext) {
  const registry = await ctx.repos.initiatives.getRegistry(ctx.associationId);
  if (!registry || registry.initiatives.length === 0) throw new InvalidInputError('Det finns inga insatser inlästa för förbundet ännu.');
  return registry;
}

/** The year's utfall: the books once the year is closed, the kvartalsrapporter during it. */
async function figuresFor(ctx: QuestionContext, year: number): Promise<InitiativeYearFigures | undefined> {
  const stored = await ctx.repos.initiatives.getYearFigures(ctx.associationId, year);
  if (stored) return stored;
  const [reports, ledger] = await Promise.all([ctx.repos.reports.listForYear(ctx.associationId, year), findLedger(ctx, year)]);
  return figuresFromReports(ctx.associationId, year, reports, ledger.snapshot);
}

/** With no year named and nothing yet this year, the latest year that has utfall, said so in a note. */
async function figuresForReading(ctx: QuestionContext, reading: Reading): Promise<{ figures?: InitiativeYearFigures; notes: Note[] }> {
  const year = reading.years[0] as number;
  const figures = await figuresFor(ctx, year);
  if (figures || !reading.yearImplied) return { ...(figures ? { figures } : {}), notes: [] };
  const years = await ctx.repos.initiatives.yearsWithFigures(ctx.associationId);
  const latest = years.filter((y) => y < year).pop();
  const earlier = latest === undefined ? undefined : await ctx.repos.initiatives.getYearFigures(ctx.associationId, latest);
  return earlier ? { figures: earlier, notes: [{ text: `Det finns inget utfall för ${year} ännu; här är ${earlier.year}.` }] } : { notes: [] };
}

/** The year whose utfall answers the reading: the one named, or the latest with utfall. */
export async function yearAnswered(ctx: QuestionContext, reading: Reading): Promise<number> {
  return (await figuresForReading(ctx, reading)).figures?.year ?? (reading.years[0] as number);
}

function sourceOf(figures: InitiativeYearFigures): string {
  return figures.source === 'kvartalsrapporter'
    ? `Enligt kvartalsrapporternas upparbetade kostnader per ${formatDate(figures.asOf)}.`
    : `Enligt utfall per ${formatDate(figures.asOf)}.`;
}

/** Names the years that do have utfall, for the subject asked about. */
async function noFiguresReply(ctx: QuestionContext, title: string, year: number, what: string, subject: Subject): Promise<Reply> {
  const years = await ctx.repos.initiatives.yearsWithFigures(ctx.associationId);
  const about = subject.kind === 'line' ? ` för ${subject.name}` : '';
  const message =
    years.length > 0
      ? `Det finns inget utfall${about} för ${year}. Utfall finns för ${listInSwedish(years.map(String))}.`
      : `Det finns inget utfall inläst ännu.`;
  return noDataReply(title, year, message, readingLine(`${what} ${year}`, subject, ''));
}

/** Förbrukningsgrad of one insats, or of all of them with the total, for a year. */
export async function answerUtilisation(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const subject = reading.subject;
  const { figures, notes } = await figuresForReading(ctx, reading);
  if (!figures)
    return [
      await noFiguresReply(
        ctx,
        subject.kind === 'line' ? `Förbrukningsgrad ${subject.name} ${year}` : `Förbrukningsgrad ${year}`,
        year,
        'förbrukningsgrad',
        subject,
      ),
    ];
  const title = subject.kind === 'line' ? `Förbrukningsgrad ${subject.name} ${figures.year}` : `Förbrukningsgrad ${figures.year}`;
  const reading2 = readingLine(
    `förbrukningsgrad ${figures.year} (utfall ÷ beviljad budget)`,
    subject,
    sourceOf(figures)
      .replace(/^Enligt /, '')
      .replace(/\.$/, ''),
  );
  if (subject.kind === 'line') {
    const f = figures.figures.find((x) => x.initiativeId === subject.id);
    if (!f) return [await noFiguresReply(ctx, title, figures.year, 'förbrukningsgrad', subject)];
    return [oneUtilisation(title, f, figures, reading2, notes)];
  }
  const registry = await registryOrThrow(ctx);
  return [allUtilisation(registry.initiatives, figures, reading2, notes)];
}

function oneUtilisation(title: string, f: InitiativeYearFigure, figures: InitiativeYearFigures, reading: string, notes: Note[]): Reply {
  const duringYear = figures.asOf < `${figures.year}-12-31`;
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
    facts.push(
      { label: `Förväntat linjärt per ${formatDate(figures.asOf)}`, value: formatTkr(linear.expected) },
      { label: 'Mot linjär förväntan', value: formatPercent(linear.percent) },
    );
  }
  return figuresReply(title, 'Mot beviljad budget', formatPercent(utilisation(f.actual, f.budget).percent), facts, notes, sourceOf(figures), reading);
}

function allUtilisation(initiatives: readonly Initiative[], figures: InitiativeYearFigures, reading: string, earlier: Note[]): Reply {
  const duringYear = figures.asOf < `${figures.year}-12-31`;
  const rows = figures.figures.map((f) => ({
    name: nameOf(initiatives, f.initiativeId),
    a: `${formatTkr(f.actual)} av ${formatTkr(f.budget)}`,
    b: formatPercent(utilisation(f.actual, f.budget).percent),
  }));
  const total = groupUtilisation(figures.figures);
  rows.push({ name: 'Totalt', a: `${formatTkr(total.actual)} av ${formatTkr(total.budget)}`, b: formatPercent(total.percent) });
  const notes: Note[] = [
    ...earlier,
    ...(duringYear ? [] : [{ text: `${formatTkr(total.budget - total.actual)} av budgeten användes inte och återgår till förbundet.` }]),
  ];
  return tableReply(
    `Förbrukningsgrad ${figures.year}: ${formatPercent(total.percent)}`,
    ['Insats', 'Utfall av budget', 'Förbrukningsgrad'],
    rows,
    notes,
    sourceOf(figures),
    {
      reading,
      headlineLabel: 'Alla insatser, mot beviljad budget',
      headlineValue: formatPercent(total.percent),
    },
  );
}

function nameOf(initiatives: readonly Initiative[], id: string): string {
  const i = initiatives.find((x) => x.id === id);
  return i ? initiativeLabel(i) : id;
}

/** Utfall (rekvirerat) of one insats or of all, for a year. */
export async function answerActual(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const subject = reading.subject;
  const { figures, notes } = await figuresForReading(ctx, reading);
  const title = subject.kind === 'line' ? `Utfall ${subject.name} ${figures?.year ?? year}` : `Utfall ${figures?.year ?? year}`;
  if (!figures) return [(await previousYearActual(ctx, year, title, subject)) ?? (await noFiguresReply(ctx, title, year, 'utfall', subject))];
  const source = sourceOf(figures);
  const line = readingLine(`utfall (rekvirerat) ${figures.year}`, subject, source.replace(/^Enligt /, '').replace(/\.$/, ''));
  if (subject.kind === 'line') {
    const f = figures.figures.find((x) => x.initiativeId === subject.id);
    if (!f) return [await noFiguresReply(ctx, title, year, 'utfall', subject)];
    const facts = [
      { label: 'Beviljad budget', value: formatTkr(f.budget) },
      { label: 'Förbrukningsgrad', value: formatPercent(utilisation(f.actual, f.budget).percent) },
    ];
    return [figuresReply(title, 'Utfall', formatTkr(f.actual), facts, notes, source, line)];
  }
  const actual = sum(figures.figures.map((f) => f.actual));
  const budget = sum(figures.figures.map((f) => f.budget));
  const facts = [
    { label: 'Budget för insatserna', value: formatTkr(budget) },
    { label: 'Förbrukningsgrad', value: formatPercent(groupUtilisation(figures.figures).percent) },
  ];
  return [figuresReply(title, 'Utfall för insatserna', formatTkr(actual), facts, notes, source, line)];
}

/** A year whose utfall only the next year's follow-up gives, beside its own: no budget, so no förbrukningsgrad. */
async function previousYearActual(ctx: QuestionContext, year: number, title: string, subject: Subject): Promise<Reply | undefined> {
  const next = await ctx.repos.initiatives.getYearFigures(ctx.associationId, year + 1);
  const chosen = next?.figures.filter((f) => f.actualPreviousYear !== undefined && (subject.kind !== 'line' || f.initiativeId === subject.id)) ?? [];
  if (!next || chosen.length === 0) return undefined;
  const actual = sum(chosen.map((f) => f.actualPreviousYear ?? 0));
  const source = `Enligt uppföljningen av ${year + 1}, kolumnen utfall ${year}.`;
  const notes = [{ text: `Uppföljningen av ${year + 1} anger utfallet ${year} men inte budgeten ${year}.` }];
  return figuresReply(
    title,
    subject.kind === 'line' ? 'Utfall' : 'Utfall för insatserna',
    formatTkr(actual),
    [],
    notes,
    source,
    readingLine(`utfall (rekvirerat) ${year}`, subject, `uppföljningen av ${year + 1}`),
  );
}

/** Outnyttjade medel: what the insatser did not use of their budget and returned to the förbund. */
export async function answerUnused(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const subject = reading.subject;
  const title = subject.kind === 'line' ? `Outnyttjade medel ${subject.name} ${year}` : `Outnyttjade medel ${year}`;
  const figures = await figuresFor(ctx, year);
  if (!figures) return [await noFiguresReply(ctx, title, year, 'outnyttjade medel', subject)];
  const source = sourceOf(figures);
  const line = readingLine(`outnyttjade medel ${year} (budget − utfall)`, subject, source.replace(/^Enligt /, '').replace(/\.$/, ''));
  const chosen = subject.kind === 'line' ? figures.figures.filter((f) => f.initiativeId === subject.id) : figures.figures;
  if (chosen.length === 0) return [await noFiguresReply(ctx, title, year, 'outnyttjade medel', subject)];
  const actual = sum(chosen.map((f) => f.actual));
  const budget = sum(chosen.map((f) => f.budget));
  const facts = [
    { label: 'Budget', value: formatTkr(budget) },
    { label: 'Utfall', value: formatTkr(actual) },
  ];
  const duringYear = figures.asOf < `${figures.year}-12-31`;
  const notes = duringYear
    ? [{ text: `Året pågår: det som inte rekvirerats per ${formatDate(figures.asOf)} kan ännu användas.` }]
    : [{ text: 'Outnyttjade insatsmedel återgår till förbundet vid årets slut om ingen godkänd avvikelse flyttar dem.' }];
  return [figuresReply(title, 'Budget − utfall', formatTkr(budget - actual), facts, notes, source, line)];
}

/** Period of one insats: its end (or start) date with the rest of the register entry. */
export async function answerPeriod(ctx: QuestionContext, reading: Reading, subject: LineSubject, which: 'endDate' | 'startDate'): Promise<Reply[]> {
  const registry = await registryOrThrow(ctx);
  const initiative = registry.initiatives.find((i) => i.id === subject.id);
  if (!initiative) throw new InvalidInputError(`${subject.name} finns inte i förbundets register över insatser.`);
  const facts: Fact[] = [
    { label: which === 'endDate' ? 'Start' : 'Slut', value: formatDateLong(which === 'endDate' ? initiative.period.start : initiative.period.end) },
    { label: 'Insatsägare', value: initiative.owner },
    { label: 'Typ', value: KIND_TEXT[initiative.kind] },
    { label: 'Samverkansparter', value: initiative.parties.join(', ') },
  ];
  const notes = initiative.note ? [{ text: initiative.note }] : [];
  const label = which === 'endDate' ? 'Slutdatum' : 'Startdatum';
  const date = which === 'endDate' ? initiative.period.end : initiative.period.start;
  void reading;
  return [
    figuresReply(
      `${initiativeLabel(initiative)}: insatstid`,
      label,
      formatDateLong(date),
      facts,
      notes,
      REGISTER_SOURCE,
      readingLine(`${label.toLowerCase()} (insatstid)`, subject, 'registret över insatser'),
    ),
  ];
}

/** Insatser whose period ends in the year. */
export async function answerEndingInitiatives(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const registry = await registryOrThrow(ctx);
  const year = reading.years[0] as number;
  const ending = registry.initiatives.filter((i) => Number(i.period.end.slice(0, 4)) === year).sort((a, b) => a.period.end.localeCompare(b.period.end));
  const rows = ending.map((i) => ({ name: initiativeLabel(i), a: formatDateLong(i.period.end), b: '' }));
  const notes = ending.length === 0 ? [{ text: `Ingen insats slutar ${year}.` }] : [];
  return [
    tableReply(`Insatser som slutar ${year}`, ['Insats', 'Slutdatum', ''], rows, notes, REGISTER_SOURCE, {
      reading: readingLine(`insatser vars insatstid slutar ${year}`, FORBUND, 'registret över insatser'),
      headlineLabel: 'Antal insatser',
      headlineValue: `${ending.length} ${ending.length === 1 ? 'insats' : 'insatser'}`,
    }),
  ];
}
