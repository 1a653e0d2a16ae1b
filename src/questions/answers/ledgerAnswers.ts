import { ColumnKind, KIND_LABEL, LedgerSnapshot } from '../../domain/ledger';
import { AnnualReport } from '../../domain/initiatives';
import { ColumnTotals, computeLedgerTotals, latestEstimateColumn } from '../../finance/ledgerTotals';
import { formatKr, formatTkr, formatTkrChange } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { QuestionContext, currentYearOf } from '../context';
import { ANNUAL_REPORT_TOTALS, FORBUND, Reading } from '../../domain/reading';
import {
  AdjustedLookup,
  Note,
  adjustmentNotes,
  columnChangeReply,
  columnLabel,
  figuresReply,
  findLedger,
  ledgerSourceShort,
  ledgerYearsMessage,
  listInSwedish,
  noDataReply,
  olderSnapshotNote,
  plainText,
  readingLine,
  sourceText,
} from './common';

export type TotalMeasure = 'remaining' | 'remainingAfterApplications' | 'carriedIn' | 'result' | 'income' | 'costs' | 'whatIf';

const TITLES: Readonly<Record<TotalMeasure, string>> = {
  remaining: 'Beslutsutrymme',
  remainingAfterApplications: 'Beslutsutrymme efter föreslagna ansökningar',
  carriedIn: 'Överskott från tidigare år',
  result: 'Resultat',
  income: 'Intäkter',
  costs: 'Kostnader',
  whatIf: 'Beslutsutrymme om styrelsen beviljar',
};

const HEADLINE_LABELS: Readonly<Record<TotalMeasure, string>> = {
  remaining: 'Kvarvarande beslutsutrymme',
  remainingAfterApplications: 'Beslutsutrymme efter föreslagna ansökningar',
  carriedIn: 'Över-/underskott från tidigare år',
  result: 'Årets beräknade resultat',
  income: 'Summa intäkter',
  costs: 'Summa kostnader',
  whatIf: 'Beslutsutrymme efter beslutet',
};

/** What the reading line calls each measure. */
export const MEASURE_NAMES: Readonly<Record<TotalMeasure, string>> = {
  remaining: 'kvarvarande beslutsutrymme',
  remainingAfterApplications: 'beslutsutrymme efter föreslagna ansökningar',
  carriedIn: 'överskott från tidigare år',
  result: 'årets resultat',
  income: 'summa intäkter',
  costs: 'summa kostnader',
  whatIf: 'beslutsutrymme',
};

export function totalOf(measure: TotalMeasure, t: ColumnTotals, amount = 0): number {
  switch (measure) {
    case 'remaining':
      return t.remaining;
    case 'remainingAfterApplications':
      return t.remainingAfterApplications;
    case 'carriedIn':
      return t.carriedIn;
    case 'result':
      return t.result;
    case 'income':
      return t.income;
    case 'costs':
      return t.cost;
    case 'whatIf':
      return t.remaining - amount;
  }
}

/** The column a reading asks for in a year: the named kind if the year has it, else the latest estimate. */
export function pickColumn(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], year: number, kind?: ColumnKind): ColumnTotals | undefined {
  const asked = kind ? totals.find((t) => t.column.year === year && t.column.kind === kind) : undefined;
  const estimate = latestEstimateColumn(snapshot.columns, year);
  return asked ?? totals.find((t) => t.column.key === estimate?.key);
}

/** Beslutsutrymme, resultat, intäkter, kostnader and what-if for the years asked, one reply per table used. */
export async function answerTotals(ctx: QuestionContext, reading: Reading & { measure: TotalMeasure }): Promise<Reply[]> {
  if (reading.difference && reading.years.length > 1) return answerDifference(ctx, reading);
  const replies: Reply[] = [];
  const remaining = [...reading.years];
  while (remaining.length > 0) {
    const year = remaining.shift() as number;
    // A closed year's resultat, intäkter and kostnader are its utfall, not the budget it started with.
    const outcome =
      year < currentYearOf(ctx) && !reading.column && OUTCOME_MEASURES.has(reading.measure) ? await closedYearFigure(ctx, reading, year) : undefined;
    if (outcome) {
      replies.push(outcome);
      continue;
    }
    const lookup = await findLedger(ctx, year);
    if (!lookup.snapshot) {
      replies.push(await closedYearReply(ctx, reading, year, lookup));
      continue;
    }
    const snapshot = lookup.snapshot;
    const alsoCovered = remaining.filter((y) => snapshot.columns.some((c) => c.year === y));
    alsoCovered.forEach((y) => remaining.splice(remaining.indexOf(y), 1));
    const totals = computeLedgerTotals(snapshot);
    const main = pickColumn(snapshot, totals, year, reading.column) as ColumnTotals;
    const notes = [...olderSnapshotNote(snapshot, year, lookup.isLatest), ...adjustmentNotes(snapshot.asOf, lookup.applied, lookup.grants)];
    replies.push(
      reading.measure === 'remaining' && !reading.compareWith
        ? decisionRoomReply(snapshot, totals, main, notes)
        : totalReply(snapshot, totals, main, reading, alsoCovered, notes),
    );
  }
  return replies;
}

function readingFor(reading: Reading, main: ColumnTotals, snapshot: LedgerSnapshot): string {
  const measure = reading.measure as TotalMeasure;
  const what =
    measure === 'whatIf'
      ? `beslutsutrymme ${columnLabel(main.column).toLowerCase()} om styrelsen beviljar ${formatKr(reading.amount ?? 0)}`
      : `${MEASURE_NAMES[measure]} ${columnLabel(main.column).toLowerCase()}`;
  return readingLine(what, FORBUND, ledgerSourceShort(snapshot));
}

function decisionRoomReply(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], main: ColumnTotals, notes: Note[]): Reply {
  const year = main.column.year;
  const siblings = totals.filter((t) => t.column.year === year && t !== main);
  const facts: Fact[] = [
    ...siblings.map((t) => ({ label: columnLabel(t.column), value: formatTkr(t.remaining) })),
    { label: 'Från tidigare år', value: formatTkr(main.carriedIn) },
    { label: 'Årets beräknade resultat', value: formatTkr(main.result) },
  ];
  if (main.remaining !== main.remainingAfterApplications)
    facts.push({ label: 'Efter föreslagna ansökningar', value: formatTkr(main.remainingAfterApplications) });
  const later = [...new Set(snapshot.columns.filter((c) => c.year > year).map((c) => c.year))].sort((a, b) => a - b);
  const yearRows = later.map((y) => {
    const t = totals.find((x) => x.column.key === latestEstimateColumn(snapshot.columns, y)?.key) as ColumnTotals;
    const after = t.remaining !== t.remainingAfterApplications ? ` (${formatTkr(t.remainingAfterApplications)} efter ansökningar)` : '';
    return { year: columnLabel(t.column), carriedIn: formatTkr(t.carriedIn), result: formatTkr(t.result), remaining: `${formatTkr(t.remaining)}${after}` };
  });
  const allNotes = [...notes, ...forecastChangeNotes(snapshot, main), ...pendingNotes(snapshot)];
  if (snapshot.reserveFund > 0) allNotes.push({ text: `Den bundna reservfonden (${formatTkr(snapshot.reserveFund)}) ingår inte i beslutsutrymmet.` });
  const title = `Beslutsutrymme ${year}`;
  const headlineLabel = `Kvarvarande beslutsutrymme, ${columnLabel(main.column).toLowerCase()}`;
  const source = sourceText(snapshot, main.column);
  const reading = readingLine(`kvarvarande beslutsutrymme ${columnLabel(main.column).toLowerCase()}`, FORBUND, ledgerSourceShort(snapshot));
  const text = plainText(
    title,
    `${formatTkr(main.remaining)} (${columnLabel(main.column).toLowerCase()})`,
    [...facts, ...yearRows.map((r) => ({ label: r.year, value: r.remaining }))],
    allNotes,
    source,
    reading,
  );
  return {
    card: {
      template: 'decisionRoom',
      view: {
        title,
        reading,
        headlineLabel,
        headlineValue: formatTkr(main.remaining),
        facts,
        years: yearRows,
        hasYears: yearRows.length > 0,
        notes: allNotes,
        source,
      },
    },
    text,
  };
}

/** Why prognos and budget differ: the lines whose prognos moved, with their notes. */
function forecastChangeNotes(snapshot: LedgerSnapshot, main: ColumnTotals): Note[] {
  if (main.column.kind !== 'forecast') return [];
  const budget = snapshot.columns.find((c) => c.year === main.column.year && c.kind === 'budget');
  if (!budget) return [];
  const changed = snapshot.lines
    .map((l) => ({ line: l, delta: (l.amounts[main.column.key] ?? 0) - (l.amounts[budget.key] ?? 0) }))
    .filter((x) => x.delta !== 0);
  if (changed.length === 0) return [];
  const parts = changed.map(
    ({ line, delta }) => `${line.initiative ? `${line.initiative.name} (${line.initiative.owner})` : line.label} ${formatTkrChange(delta)}`,
  );
  return [{ text: `Prognosen skiljer sig från budgeten: ${listInSwedish(parts)}.` }];
}

function pendingNotes(snapshot: LedgerSnapshot): Note[] {
  if (snapshot.pendingApplications.length === 0) return [];
  const names = snapshot.pendingApplications.map((a) => {
    const amounts = snapshot.columns.filter((c) => (a.amounts[c.key] ?? 0) !== 0).map((c) => `${formatTkr(a.amounts[c.key] ?? 0)} ${c.year}`);
    return `${a.name} (${a.owner}) ${listInSwedish(amounts)}`;
  });
  return [{ text: `Nya ansökningar, ej beviljade: ${listInSwedish(names)}.` }];
}

function totalReply(
  snapshot: LedgerSnapshot,
  totals: readonly ColumnTotals[],
  main: ColumnTotals,
  reading: Reading,
  extraYears: readonly number[],
  notes: Note[],
): Reply {
  const measure = reading.measure as TotalMeasure;
  const value = (t: ColumnTotals) => totalOf(measure, t, reading.amount);
  const year = main.column.year;
  const facts: Fact[] = [];
  const compared = reading.compareWith ? pickColumn(snapshot, totals, year, reading.compareWith) : undefined;
  if (reading.difference && compared && compared !== main)
    return columnChangeReply(`${TITLES[measure]} ${year}`, main, compared, value(main), value(compared), snapshot, readingFor(reading, main, snapshot));
  if (compared && compared !== main) {
    facts.push(
      { label: columnLabel(compared.column), value: formatTkr(value(compared)) },
      { label: `Skillnad mot ${columnLabel(compared.column).toLowerCase()}`, value: formatTkrChange(value(main) - value(compared)) },
    );
  } else {
    facts.push(...totals.filter((t) => t.column.year === year && t !== main).map((t) => ({ label: columnLabel(t.column), value: formatTkr(value(t)) })));
  }
  if (measure === 'result') facts.push({ label: 'Intäkter', value: formatTkr(main.income) }, { label: 'Kostnader', value: formatTkr(main.cost) });
  if (measure === 'income') {
    for (const line of snapshot.lines.filter((l) => l.section === 'income' && (l.amounts[main.column.key] ?? 0) !== 0))
      facts.push({ label: line.label, value: formatTkr(line.amounts[main.column.key] ?? 0) });
  }
  if (measure === 'costs') {
    const groups: [string, number][] = [
      ['Förtroendevalda', main.governance],
      ['Förvaltning', main.administration],
      ['ESF-projekt', main.externalProject],
      ['S:a samverkansinsatser', main.initiatives],
      ['Övriga samverkansinsatser', main.otherInitiatives],
    ];
    for (const [label, amount] of groups) if (amount !== 0) facts.push({ label, value: formatTkr(amount) });
  }
  if (measure === 'carriedIn')
    facts.push({ label: 'Årets beräknade resultat', value: formatTkr(main.result) }, { label: 'Kvarvarande beslutsutrymme', value: formatTkr(main.remaining) });
  if (measure === 'whatIf') {
    facts.push({ label: `Beslutsutrymme ${year} före beslutet`, value: formatTkr(main.remaining) });
    for (const t of totals.filter((x) => x.column.year > year && x.column.key === latestEstimateColumn(snapshot.columns, x.column.year)?.key)) {
      facts.push({ label: `${columnLabel(t.column)} efter beslutet`, value: formatTkr(t.remaining - (reading.amount ?? 0)) });
    }
    notes.push({ text: `Ett beviljat belopp ${year} minskar beslutsutrymmet det året och, genom överskottet som förs vidare, alla följande år.` });
  }
  for (const y of extraYears) {
    const t = pickColumn(snapshot, totals, y, reading.column);
    if (t) facts.push({ label: columnLabel(t.column), value: formatTkr(value(t)) });
  }
  const title =
    measure === 'whatIf'
      ? `${TITLES.whatIf} ${formatKr(reading.amount ?? 0)} ${year}`
      : `${TITLES[measure]} ${year}${extraYears.length > 0 ? `–${extraYears[extraYears.length - 1]}` : ''}`;
  const headlineLabel = `${HEADLINE_LABELS[measure]}, ${columnLabel(main.column).toLowerCase()}`;
  const source = sourceText(snapshot, main.column);
  return figuresReply(title, headlineLabel, formatTkr(value(main)), facts, notes, source, readingFor(reading, main, snapshot));
}

/** "skillnaden mellan 2026 och 2027": the change from the first year to the last. */
async function answerDifference(ctx: QuestionContext, reading: Reading & { measure: TotalMeasure }): Promise<Reply[]> {
  const first = reading.years[0] as number;
  const last = reading.years[reading.years.length - 1] as number;
  const lookup = await findLedger(ctx, last);
  const snapshot = lookup.snapshot;
  if (!snapshot || !snapshot.columns.some((c) => c.year === first)) {
    const closed = await closedYearChange(ctx, reading, first, last, snapshot);
    return [closed ?? noDataReply(`${TITLES[reading.measure]} ${first}–${last}`, snapshot ? first : last, ledgerYearsMessage(lookup.availableYears))];
  }
  const totals = computeLedgerTotals(snapshot);
  const a = pickColumn(snapshot, totals, first, reading.column) as ColumnTotals;
  const b = pickColumn(snapshot, totals, last, reading.column) as ColumnTotals;
  const value = (t: ColumnTotals) => totalOf(reading.measure, t, reading.amount);
  const facts: Fact[] = [
    { label: columnLabel(a.column), value: formatTkr(value(a)) },
    { label: columnLabel(b.column), value: formatTkr(value(b)) },
  ];
  const what = `skillnaden i ${MEASURE_NAMES[reading.measure]} mellan ${columnLabel(a.column).toLowerCase()} och ${columnLabel(b.column).toLowerCase()}`;
  return [
    figuresReply(
      `${TITLES[reading.measure]}: ${first} jämfört med ${last}`,
      `Förändring ${first}–${last}`,
      formatTkrChange(value(b) - value(a)),
      facts,
      [],
      sourceText(snapshot, b.column),
      readingLine(what, FORBUND, ledgerSourceShort(snapshot)),
    ),
  ];
}

/**
 * "skillnaden i verksamhetens resultat mellan 2024 och 2025", "ökar kostnaderna i år?": a closed year's figure is its
 * outcome in the annual report; a year the table covers is read from its column.
 */
async function closedYearChange(
  ctx: QuestionContext,
  reading: Reading & { measure: TotalMeasure },
  first: number,
  last: number,
  snapshot: LedgerSnapshot | undefined,
): Promise<Reply | undefined> {
  // A column named is the table year's ("har kostnaderna ökat i prognosen för 2026?"); no closed year has one.
  if (!ANNUAL_REPORT_TOTALS.has(reading.measure) || first >= currentYearOf(ctx) || (reading.column && last < currentYearOf(ctx))) return undefined;
  const outcome = async (year: number) => {
    const report = await ctx.repos.financeFacts.getAnnualReport(ctx.associationId, year);
    // A closed year's beslutsutrymme is what it ended with: eget kapital less the bound reserve fund.
    const left = report?.equity !== undefined && report.reserveFund !== undefined ? report.equity - report.reserveFund : undefined;
    const value =
      reading.measure === 'result'
        ? report?.operatingResult
        : reading.measure === 'income'
          ? report?.income
          : reading.measure === 'costs'
            ? report?.costs
            : left;
    return report && value !== undefined ? { label: `Utfall ${year}`, value, source: report.source } : undefined;
  };
  const fromTable = (year: number) => {
    if (!snapshot?.columns.some((c) => c.year === year)) return undefined;
    const column = pickColumn(snapshot, computeLedgerTotals(snapshot), year, reading.column) as ColumnTotals;
    return { label: columnLabel(column.column), value: totalOf(reading.measure, column), source: sourceText(snapshot, column.column) };
  };
  const a = await outcome(first);
  const b = last < currentYearOf(ctx) ? await outcome(last) : fromTable(last);
  if (!a || !b) return undefined;
  return figuresReply(
    `${TITLES[reading.measure]}: ${first} jämfört med ${last}`,
    `Förändring ${first}–${last}`,
    formatTkrChange(b.value - a.value),
    [
      { label: a.label, value: formatTkr(a.value) },
      { label: b.label, value: formatTkr(b.value) },
    ],
    [
      {
        text:
          last < currentYearOf(ctx)
            ? `Båda åren är avslutade: siffrorna är utfallet enligt årsredovisningen.`
            : `${first} är ett avslutat år: dess siffra är utfallet enligt årsredovisningen.`,
      },
    ],
    b.source.startsWith('Enligt') ? `Enligt ${a.source}. ${b.source}` : `Enligt ${[...new Set([a.source, b.source])].join(' och ')}.`,
    readingLine(`skillnaden i ${MEASURE_NAMES[reading.measure]} mellan ${a.label.toLowerCase()} och ${b.label.toLowerCase()}`, FORBUND, ''),
  );
}

const OUTCOME_MEASURES: ReadonlySet<string> = new Set(['result', 'income', 'costs']);
const COLUMN_WORDS: Readonly<Record<ColumnKind, string>> = { budget: 'någon budget', forecast: 'någon prognos', preliminary: 'någon preliminär budget' };

/** A year no table covers: a closed year is answered from its annual report, else the years that have the measure. */
async function closedYearReply(ctx: QuestionContext, reading: Reading, year: number, lookup: AdjustedLookup): Promise<Reply> {
  // "det budgeterade resultatet för 2025": the annual report holds the outcome, not the budget asked for.
  const reply = reading.column ? undefined : await closedYearFigure(ctx, reading, year);
  if (reply) return reply;
  const measure = reading.measure as TotalMeasure;
  const closedYears = await closedYearsWith(ctx, measure);
  const years = [...new Set([...lookup.availableYears, ...closedYears])].sort((a, b) => a - b);
  const noColumn = reading.column ? `Ingen av förbundets tabeller har ${COLUMN_WORDS[reading.column]} för ${year}. ` : '';
  return noDataReply(
    `${TITLES[measure]} ${year}`,
    year,
    noColumn + (years.length > 0 ? `Det finns ${MEASURE_NAMES[measure]} för ${listInSwedish(years.map(String))}.` : ledgerYearsMessage(lookup.availableYears)),
    readingLine(`${MEASURE_NAMES[measure]} ${year}`, FORBUND, ''),
  );
}

async function closedYearFigure(ctx: QuestionContext, reading: Reading, year: number): Promise<Reply | undefined> {
  const measure = reading.measure as TotalMeasure;
  const report =
    measure === 'whatIf' || measure === 'remainingAfterApplications' ? undefined : await ctx.repos.financeFacts.getAnnualReport(ctx.associationId, year);
  const source = report ? `Enligt ${report.source}.` : '';
  const closed = (label: string, value: number | undefined, facts: Fact[] = []) =>
    value === undefined
      ? undefined
      : figuresReply(
          `${TITLES[measure]} ${year}`,
          label,
          formatTkr(value),
          facts,
          [{ text: `${year} är ett avslutat år; siffran är årets utfall enligt årsredovisningen.` }],
          source,
          readingLine(`${MEASURE_NAMES[measure]} ${year} (utfall)`, FORBUND, report?.source.toLowerCase() ?? ''),
        );
  let reply: Reply | undefined;
  if (report) {
    if (measure === 'result') {
      const facts: Fact[] = [];
      if (report.result !== undefined) facts.push({ label: 'Årets resultat efter finansiella poster', value: formatTkr(report.result) });
      if (report.income !== undefined) facts.push({ label: 'Intäkter', value: formatTkr(report.income) });
      if (report.costs !== undefined) facts.push({ label: 'Kostnader', value: formatTkr(report.costs) });
      reply = closed('Verksamhetens resultat', report.operatingResult, facts);
    } else if (measure === 'income') reply = closed('Intäkter', report.income);
    else if (measure === 'costs') reply = closed('Kostnader', report.costs);
    else if (measure === 'remaining' && report.equity !== undefined && report.reserveFund !== undefined) {
      const facts: Fact[] = [
        { label: 'Eget kapital', value: formatTkr(report.equity) },
        { label: 'Bunden reservfond', value: formatTkr(report.reserveFund) },
      ];
      const value = report.equity - report.reserveFund;
      reply = figuresReply(
        `Beslutsutrymme ${year}`,
        `Beslutsutrymme vid utgången av ${year}`,
        formatTkr(value),
        facts,
        [
          {
            text: `${year} är avslutat: beslutsutrymmet året slutade med är eget kapital minus den bundna reservfonden, och det förs in i ${year + 1} som överskott från tidigare år.`,
          },
        ],
        source,
        readingLine(`beslutsutrymme vid utgången av ${year}`, FORBUND, report.source.toLowerCase()),
      );
    }
  }
  return reply;
}

/** The closed years whose annual report has the measure: for "which years exist?" answers. */
async function closedYearsWith(ctx: QuestionContext, measure: TotalMeasure): Promise<number[]> {
  const has: Partial<Record<TotalMeasure, (r: AnnualReport) => boolean>> = {
    result: (r) => r.operatingResult !== undefined,
    income: (r) => r.income !== undefined,
    costs: (r) => r.costs !== undefined,
    remaining: (r) => r.equity !== undefined && r.reserveFund !== undefined,
  };
  const test = has[measure];
  if (!test) return [];
  return (await ctx.repos.financeFacts.listAnnualReports(ctx.associationId)).filter(test).map((r) => r.year);
}

export const kindLabel = (kind: ColumnKind) => KIND_LABEL[kind];
