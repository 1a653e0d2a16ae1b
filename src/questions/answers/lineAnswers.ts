import { LedgerColumn, LedgerLine, LedgerSnapshot } from '../../domain/ledger';
import { ColumnTotals, computeLedgerTotals, latestEstimateColumn } from '../../finance/ledgerTotals';
import { Kronor, sum, wholePercent } from '../../domain/money';
import { formatDateLong, formatPercent, formatTkr, formatTkrChange, formatDate } from '../../format/swedish';
import { dueDate, latestEndedQuarter, quarterLabel } from '../../domain/quarters';
import { utilisation } from '../../finance/utilisation';
import { Fact, Reply } from '../../cards/viewModels';
import { QuestionContext } from '../context';
import { AGGREGATE_LINES } from '../parser/lexicon';
import { FORBUND, Reading, Subject } from '../../domain/reading';
import {
  AdjustedLookup,
  adjustmentNotes,
  columnChangeReply,
  columnLabel,
  figuresReply,
  findLedger,
  ledgerSourceShort,
  ledgerYearsMessage,
  noDataReply,
  olderSnapshotNote,
  readingLine,
  sourceText,
  tableReply,
} from './common';
import { pickColumn } from './ledgerAnswers';

type LineSubject = Extract<Subject, { kind: 'line' }>;

/** A line's amount in a column; the sums the table prints are computed from their lines. */
export function lineAmount(snapshot: LedgerSnapshot, id: string, column: LedgerColumn): Kronor | undefined {
  const aggregate = AGGREGATE_LINES.find((a) => a.id === id);
  if (aggregate) return sum(snapshot.lines.filter((l) => l.group === aggregate.group).map((l) => l.amounts[column.key] ?? 0));
  const line = snapshot.lines.find((l) => l.id === id);
  return line ? (line.amounts[column.key] ?? 0) : undefined;
}

/** The table and column a reading asks for, or the reply that says which years exist. */
async function columnFor(
  ctx: QuestionContext,
  reading: Reading,
  title: string,
): Promise<{ lookup: AdjustedLookup; snapshot: LedgerSnapshot; totals: readonly ColumnTotals[]; main: ColumnTotals } | Reply> {
  const year = reading.years[0] as number;
  const lookup = await findLedger(ctx, year);
  if (!lookup.snapshot) return noDataReply(title, year, ledgerYearsMessage(lookup.availableYears), readingLine(`${title.toLowerCase()}`, reading.subject, ''));
  const snapshot = lookup.snapshot;
  const totals = computeLedgerTotals(snapshot);
  return { lookup, snapshot, totals, main: pickColumn(snapshot, totals, year, reading.column) as ColumnTotals };
}

const isReply = (x: object): x is Reply => 'card' in x;

/** Budget, prognos or cost of one insats or line: the column asked for, the year's other columns and the following years. */
export async function answerLine(ctx: QuestionContext, reading: Reading, subject: LineSubject): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const title = `${subject.name} ${year}`;
  const found = await columnFor(ctx, reading, title);
  if (isReply(found)) return [found];
  const { lookup, snapshot, totals, main } = found;
  const amount = lineAmount(snapshot, subject.id, main.column);
  if (amount === undefined) {
    const registry = subject.isInitiative ? await ctx.repos.initiatives.getRegistry(ctx.associationId) : undefined;
    const period = registry?.initiatives.find((i) => i.id === subject.id)?.period;
    const ended = period
      ? ` Enligt registret över insatser pågick den ${formatDateLong(period.start)}–${formatDateLong(period.end)}; fråga till exempel "utfall ${subject.name} ${period.end.slice(0, 4)}".`
      : '';
    return [
      noDataReply(
        title,
        year,
        `${subject.name} finns inte i ekonomisk information per ${formatDate(snapshot.asOf)}.${ended}`,
        readingLine(`belopp ${columnLabel(main.column).toLowerCase()}`, subject, ledgerSourceShort(snapshot)),
      ),
    ];
  }
  if (reading.difference && reading.years.length > 1) return [lineDifference(snapshot, totals, reading, subject)];
  const wanted = reading.years.length > 1 ? new Set(reading.years) : undefined;
  const compared = reading.compareWith ? pickColumn(snapshot, totals, year, reading.compareWith) : undefined;
  const facts: Fact[] = [];
  if (compared && compared !== main) {
    const other = lineAmount(snapshot, subject.id, compared.column) ?? 0;
    facts.push(
      { label: columnLabel(compared.column), value: formatTkr(other) },
      { label: `Skillnad mot ${columnLabel(compared.column).toLowerCase()}`, value: formatTkrChange(amount - other) },
    );
  }
  // "skillnaden mellan budget och prognos 2026": the change from the first column named to the second is the answer.
  if (reading.difference && compared && compared !== main) {
    const other = lineAmount(snapshot, subject.id, compared.column) ?? 0;
    return [
      columnChangeReply(
        title,
        main,
        compared,
        amount,
        other,
        snapshot,
        readingLine(`skillnad ${columnLabel(main.column).toLowerCase()}–${columnLabel(compared.column).toLowerCase()}`, subject, ledgerSourceShort(snapshot)),
      ),
    ];
  }
  for (const c of snapshot.columns.filter(
    (c) => c.key !== main.column.key && c.key !== compared?.column.key && (wanted ? wanted.has(c.year) : c.year >= year),
  )) {
    facts.push({ label: columnLabel(c), value: formatTkr(lineAmount(snapshot, subject.id, c) ?? 0) });
  }
  const line = snapshot.lines.find((l) => l.id === subject.id);
  const own = lookup.applied.filter((a) => a.initiativeId === subject.id);
  const notes = [
    ...olderSnapshotNote(snapshot, year, lookup.isLatest),
    ...(line?.note ? [{ text: line.note }] : []),
    ...adjustmentNotes(
      snapshot.asOf,
      own,
      lookup.grants.filter((g) => g.caseId === subject.id),
    ),
  ];
  if (subject.isInitiative) notes.push({ text: `Av S:a samverkansinsatser ${formatTkr(main.initiatives)} (${columnLabel(main.column).toLowerCase()}).` });
  if (amount === 0) notes.push({ text: `${subject.name} har inget belopp i ${columnLabel(main.column).toLowerCase()}.` });
  if (reading.own) facts.push(...(await ownInitiativeFacts(ctx, subject.id)));
  const what = `${columnLabel(main.column).toLowerCase()}`;
  return [
    figuresReply(
      title,
      columnLabel(main.column),
      formatTkr(amount),
      facts,
      notes,
      sourceText(snapshot, main.column),
      readingLine(what, subject, ledgerSourceShort(snapshot)),
    ),
  ];
}

function lineDifference(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], reading: Reading, subject: LineSubject): Reply {
  const first = reading.years[0] as number;
  const last = reading.years[reading.years.length - 1] as number;
  const a = pickColumn(snapshot, totals, first, reading.column);
  const b = pickColumn(snapshot, totals, last, reading.column);
  if (!a || !b) return noDataReply(`${subject.name} ${first}–${last}`, a ? last : first, ledgerYearsMessage([...new Set(snapshot.columns.map((c) => c.year))]));
  const va = lineAmount(snapshot, subject.id, a.column) ?? 0;
  const vb = lineAmount(snapshot, subject.id, b.column) ?? 0;
  const facts = [
    { label: columnLabel(a.column), value: formatTkr(va) },
    { label: columnLabel(b.column), value: formatTkr(vb) },
  ];
  return figuresReply(
    `${subject.name}: ${first} jämfört med ${last}`,
    `Förändring ${first}–${last}`,
    formatTkrChange(vb - va),
    facts,
    [],
    sourceText(snapshot, b.column),
    readingLine(`förändring ${first}–${last}`, subject, ledgerSourceShort(snapshot)),
  );
}

/** One line's share of the year's total costs. */
export async function answerShare(ctx: QuestionContext, reading: Reading, subject: LineSubject): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const found = await columnFor(ctx, reading, `Andel ${year}`);
  if (isReply(found)) return [found];
  const { snapshot, main } = found;
  const amount = lineAmount(snapshot, subject.id, main.column) ?? 0;
  const facts: Fact[] = [
    { label: subject.name, value: formatTkr(amount) },
    { label: 'Summa kostnader', value: formatTkr(main.cost) },
  ];
  if (subject.isInitiative) facts.push({ label: 'Andel av S:a samverkansinsatser', value: formatPercent(wholePercent(amount, main.initiatives)) });
  const what = `andel av summa kostnader ${columnLabel(main.column).toLowerCase()}`;
  return [
    figuresReply(
      `${subject.name}: andel av kostnaderna ${year}`,
      `Andel av summa kostnader, ${columnLabel(main.column).toLowerCase()}`,
      formatPercent(wholePercent(amount, main.cost)),
      facts,
      [],
      sourceText(snapshot, main.column),
      readingLine(what, subject, ledgerSourceShort(snapshot)),
    ),
  ];
}

function initiativeLines(snapshot: LedgerSnapshot, column: LedgerColumn): LedgerLine[] {
  return snapshot.lines.filter((l) => l.group === 'initiative' && (l.amounts[column.key] ?? 0) !== 0);
}

const lineName = (l: LedgerLine) => `${l.initiative?.name ?? l.label} (${l.initiative?.owner ?? ''})`;

/** "Vilken insats är dyrast 2027?", "de tre största": insatser ranked by their amount in the column. */
export async function answerRanking(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const found = await columnFor(ctx, reading, `Insatser ${year}`);
  if (isReply(found)) return [found];
  const { snapshot, main } = found;
  const sign = reading.order === 'min' ? 1 : -1;
  const ranked = initiativeLines(snapshot, main.column).sort(
    (a, b) => sign * ((a.amounts[main.column.key] ?? 0) - (b.amounts[main.column.key] ?? 0)) || lineName(a).localeCompare(lineName(b), 'sv'),
  );
  const count = Math.min(reading.count ?? 5, ranked.length);
  const rows = ranked.slice(0, Math.max(count, 3)).map((l, i) => ({ name: `${i + 1}. ${lineName(l)}`, a: formatTkr(l.amounts[main.column.key] ?? 0), b: '' }));
  const top = ranked[0];
  const word = reading.order === 'min' ? 'minst' : 'mest';
  const notes = top && ranked[1] && ranked[1].amounts[main.column.key] === top.amounts[main.column.key] ? [{ text: 'Flera insatser har samma belopp.' }] : [];
  return [
    tableReply(`Insatser med ${word} pengar ${year}`, ['Insats', columnLabel(main.column), ''], rows, notes, sourceText(snapshot, main.column), {
      reading: readingLine(`insatserna rangordnade efter ${columnLabel(main.column).toLowerCase()}, ${word} först`, undefined, ledgerSourceShort(snapshot)),
      headlineLabel: `Insatsen med ${word} pengar, ${columnLabel(main.column).toLowerCase()}`,
      headlineValue: top ? lineName(top) : '–',
    }),
  ];
}

/** The insatser with money in a year's latest estimate, and their sum. */
export async function answerFundedInitiatives(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const lookup = await findLedger(ctx, year);
  if (!lookup.snapshot) return [noDataReply(`Insatser ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const snapshot = lookup.snapshot;
  const column =
    (reading.column ? snapshot.columns.find((c) => c.year === year && c.kind === reading.column) : undefined) ??
    (latestEstimateColumn(snapshot.columns, year) as LedgerColumn);
  const funded = initiativeLines(snapshot, column);
  const rows = funded.map((l) => ({ name: lineName(l), a: formatTkr(l.amounts[column.key] ?? 0), b: '' }));
  rows.push({ name: 'S:a samverkansinsatser', a: formatTkr(sum(funded.map((l) => l.amounts[column.key] ?? 0))), b: '' });
  const notes = [...olderSnapshotNote(snapshot, year, lookup.isLatest), ...adjustmentNotes(snapshot.asOf, lookup.applied, lookup.grants)];
  return [
    tableReply(`Insatser som finansieras ${year} (${funded.length} st)`, ['Insats', columnLabel(column), ''], rows, notes, sourceText(snapshot, column), {
      reading: readingLine(`insatser med pengar i ${columnLabel(column).toLowerCase()}`, FORBUND, ledgerSourceShort(snapshot)),
      headlineLabel: 'Antal insatser',
      headlineValue: countText(funded.length),
    }),
  ];
}

export const countText = (n: number) => `${n} ${n === 1 ? 'insats' : 'insatser'}`;

/** "Vilka insatser har Region Uppsala som insatsägare?" */
export async function answerInitiativesOfOwner(ctx: QuestionContext, reading: Reading, owner: string): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const lookup = await findLedger(ctx, year);
  if (!lookup.snapshot) return [noDataReply(`Insatser ${year}`, year, ledgerYearsMessage(lookup.availableYears))];
  const snapshot = lookup.snapshot;
  const column = latestEstimateColumn(snapshot.columns, year) as LedgerColumn;
  // The insatser the owner has money for that year: an insats that has ended is not one of them.
  const lines = initiativeLines(snapshot, column).filter((l) => l.initiative?.owner === owner);
  const rows = lines.map((l) => ({ name: lineName(l), a: formatTkr(l.amounts[column.key] ?? 0), b: '' }));
  const notes = lines.length === 0 ? [{ text: `${owner} är inte insatsägare för någon insats i ekonomisk information per ${formatDate(snapshot.asOf)}.` }] : [];
  return [
    tableReply(`Insatser med ${owner} som insatsägare`, ['Insats', columnLabel(column), ''], rows, notes, sourceText(snapshot, column), {
      reading: readingLine(`insatser med ${owner} som insatsägare, ${columnLabel(column).toLowerCase()}`, undefined, ledgerSourceShort(snapshot)),
      headlineLabel: 'Antal insatser',
      headlineValue: countText(lines.length),
    }),
  ];
}

/** For an insatsansvarig asking about their own insats: the latest förbrukningsgrad and the next report due. */
async function ownInitiativeFacts(ctx: QuestionContext, initiativeId: string): Promise<Fact[]> {
  const facts: Fact[] = [];
  const years = await ctx.repos.initiatives.yearsWithFigures(ctx.associationId);
  const latest = years[years.length - 1];
  const figures = latest === undefined ? undefined : await ctx.repos.initiatives.getYearFigures(ctx.associationId, latest);
  const f = figures?.figures.find((x) => x.initiativeId === initiativeId);
  if (f && figures) facts.push({ label: `Förbrukningsgrad ${figures.year}`, value: formatPercent(utilisation(f.actual, f.budget).percent) });
  const quarter = latestEndedQuarter(ctx.today);
  const due = dueDate(quarter);
  const next =
    due >= ctx.today ? quarter : { year: quarter.quarter === 4 ? quarter.year + 1 : quarter.year, quarter: ((quarter.quarter % 4) + 1) as 1 | 2 | 3 | 4 };
  facts.push({ label: 'Nästa kvartalsrapport', value: `${quarterLabel(next)}, senast ${formatDateLong(dueDate(next))}` });
  return facts;
}

/** The insats a ranking puts first, so "och hur mycket får den?" can follow it. */
export async function rankingTop(ctx: QuestionContext, reading: Reading): Promise<Subject | undefined> {
  const found = await columnFor(ctx, reading, '');
  if (isReply(found)) return undefined;
  const { snapshot, main } = found;
  const sign = reading.order === 'min' ? 1 : -1;
  const top = initiativeLines(snapshot, main.column).sort(
    (a, b) => sign * ((a.amounts[main.column.key] ?? 0) - (b.amounts[main.column.key] ?? 0)) || lineName(a).localeCompare(lineName(b), 'sv'),
  )[0];
  return top ? { kind: 'line', id: top.id, name: lineName(top), isInitiative: true } : undefined;
}
