/**
 * The evaluation oracle: the expected headline of a Figure, computed from data/*.json alone.
 * Deliberately imports nothing from src/: the corpus must not agree with the bot by sharing
 * its calculators. Follows test/questions/evaluation/README.md (the corpus spec).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

export type Measure =
  | 'remaining'
  | 'carriedIn'
  | 'result'
  | 'income'
  | 'costs'
  | 'line'
  | 'utilisation'
  | 'actual'
  | 'unused'
  | 'endDate'
  | 'startDate'
  | 'membershipFee'
  | 'soliditet'
  | 'kassalikviditet'
  | 'equity'
  | 'reserveFund'
  | 'share'
  | 'ranking'
  | 'whatIf'
  | 'initiativeCount'
  | 'difference';

export const MEASURES: readonly Measure[] = [
  'remaining',
  'carriedIn',
  'result',
  'income',
  'costs',
  'line',
  'utilisation',
  'actual',
  'unused',
  'endDate',
  'startDate',
  'membershipFee',
  'soliditet',
  'kassalikviditet',
  'equity',
  'reserveFund',
  'share',
  'ranking',
  'whatIf',
  'initiativeCount',
  'difference',
];

export type ColumnName = 'budget' | 'forecast' | 'preliminary';

export interface Figure {
  readonly measure: Measure;
  readonly year?: number;
  readonly column?: ColumnName;
  readonly subject?: string;
  readonly member?: string;
  readonly amount?: number;
  readonly order?: 'max' | 'min';
  readonly owner?: string;
  /** difference: the measure that changes, and the earlier year (`year` is the later), or within one year the column named first. */
  readonly of?: Measure;
  readonly from?: number;
  readonly fromColumn?: ColumnName;
}

/** "i år" of the evaluation (CLOCK_DATE=2026-11-23). */
export const CURRENT_YEAR = 2026;

// ---------------------------------------------------------------- data files

interface LedgerLine {
  readonly id?: string;
  readonly section: 'income' | 'cost';
  readonly group: string;
  readonly label?: string;
  readonly initiative?: { readonly name: string; readonly owner: string };
  readonly amounts: Record<string, number>;
}
interface Ledger {
  readonly asOf: string;
  readonly reserveFund: number;
  readonly openingSurplus: { readonly year: number; readonly amount: number };
  readonly columns: { readonly key: string; readonly year: number; readonly kind: ColumnName }[];
  readonly lines: LedgerLine[];
}
interface FollowUp {
  readonly initiatives: { id: string; name: string; owner: string; period: { start: string; end: string } }[];
  readonly spending2025: { initiative: string; budget2025: number; actual2025: number; actual2024: number }[];
  readonly membershipFees: Record<string, unknown>;
  readonly annualReport2025: {
    fiveYearOverview: { years: number[]; income: number[]; costs: number[]; result: number[]; soliditetPercent: number[] };
    balance2025: { bundenReservfond: number; summaEgetKapital: number; summaTillgangar: number; omsattningstillgangar: number; kortfristigaSkulder: number };
  };
}

function findDataDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'data');
    if (existsSync(path.join(candidate, 'uppsala-2025-uppfoljning.json')) && existsSync(path.join(dir, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("data/ with the förbund's figures not found above " + __dirname);
    dir = parent;
  }
}

const DATA_DIR = findDataDir();
const readJson = (file: string) => JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8'));
/** Newest table first: a year two tables cover is read from the newer one. */
const LEDGERS: Ledger[] = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.ledger.json'))
  .map((f) => readJson(f) as Ledger)
  .sort((a, b) => b.asOf.localeCompare(a.asOf));
const FOLLOW_UP = readJson('uppsala-2025-uppfoljning.json') as FollowUp;
const NEWEST = LEDGERS[0] as Ledger;
const OVERVIEW = FOLLOW_UP.annualReport2025.fiveYearOverview;
const BALANCE = FOLLOW_UP.annualReport2025.balance2025;
const BALANCE_YEAR = 2025;

// ---------------------------------------------------------------- formatting

const MINUS = '\u2212';
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** 1234567 → "1 234 567", negative with U+2212. */
export function groupDigits(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return n < 0 ? MINUS + digits : digits;
}
export const tkr = (n: number) => `${groupDigits(n)} tkr`;
export const kr = (n: number) => `${groupDigits(n)} kr`;
export const percent = (n: number) => `${groupDigits(n)} %`;
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Whole percent of part/whole, rounded half up, in integers (no float surprises at .5). */
export function percentHalfUp(part: number, whole: number): number {
  if (whole <= 0) throw new Error('percent of a non-positive whole');
  const sign = part < 0 ? -1 : 1;
  return sign * Math.floor((2 * 100 * Math.abs(part) + whole) / (2 * whole));
}
/** Kronor to tkr, rounded half up. */
const krToTkr = (n: number) => Math.floor((n + 500) / 1000);

// ---------------------------------------------------------------- the table

class NoFigure extends Error {}

interface Column {
  readonly ledger: Ledger;
  readonly key: string;
  readonly year: number;
  readonly kind: ColumnName;
}

/** The column a question means: its latest estimate when none is named; "budget"/"prognos" fall back to the preliminary column. */
export function columnFor(year: number, column?: ColumnName): Column | undefined {
  const ledger = LEDGERS.find((l) => l.columns.some((c) => c.year === year));
  if (!ledger) return undefined;
  const kinds = new Map(ledger.columns.filter((c) => c.year === year).map((c) => [c.kind, c]));
  const order: ColumnName[] =
    column === 'budget'
      ? ['budget', 'preliminary']
      : column === 'forecast'
        ? ['forecast', 'preliminary']
        : column === 'preliminary'
          ? ['preliminary']
          : ['forecast', 'budget', 'preliminary'];
  for (const kind of order) {
    const c = kinds.get(kind);
    if (c) return { ledger, key: c.key, year, kind };
  }
  return undefined;
}

function requireColumn(year: number, column?: ColumnName): Column {
  const c = columnFor(year, column);
  if (!c) throw new NoFigure(`no table column for ${year}${column ? ` (${column})` : ''}`);
  return c;
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
const amountIn = (line: LedgerLine, c: Column) => line.amounts[c.key] ?? 0;
const incomeOf = (c: Column) => sum(c.ledger.lines.filter((l) => l.section === 'income').map((l) => amountIn(l, c)));
const costsOf = (c: Column) => sum(c.ledger.lines.filter((l) => l.section === 'cost').map((l) => amountIn(l, c)));

const FIXED_LINE_LABELS: Record<string, string> = {
  medlemsavgifter: 'Medlemsavgifter',
  fortroendevalda: 'Förtroendevalda',
  forvaltning: 'Förvaltning',
  'forvaltning-isa': 'Förvaltning ISA',
  'ekonom-projektstod': 'Ekonom projektstöd',
  verksamhetsutvecklare: 'Verksamhetsutvecklare',
  kompetenshojande: 'Kompetenshöjande insatser',
};

/** A subject's amount in a column: one ledger line, or the sum of a group for the S:a lines. */
function lineAmount(subject: string, c: Column): number {
  if (subject === 'samverkansinsatser') return sum(c.ledger.lines.filter((l) => l.group === 'initiative').map((l) => amountIn(l, c)));
  if (subject === 'ovriga-samverkansinsatser') return sum(c.ledger.lines.filter((l) => l.group === 'other_initiative').map((l) => amountIn(l, c)));
  const label = FIXED_LINE_LABELS[subject];
  const line = c.ledger.lines.find((l) => (label ? l.label === label : l.id === subject));
  if (!line) throw new Error(`unknown subject "${subject}" in the table per ${c.ledger.asOf}`);
  return amountIn(line, c);
}

export function isKnownSubject(subject: string): boolean {
  return (
    subject === 'samverkansinsatser' || subject === 'ovriga-samverkansinsatser' || subject in FIXED_LINE_LABELS || NEWEST.lines.some((l) => l.id === subject)
  );
}

function carriedIn(year: number, column?: ColumnName): number {
  const c = requireColumn(year, column);
  if (c.ledger.openingSurplus.year === year) return c.ledger.openingSurplus.amount;
  // The chain rule: the previous year's remaining, from its latest estimate.
  return remaining(year - 1);
}

function remaining(year: number, column?: ColumnName): number {
  const c = columnFor(year, column);
  if (c) return carriedIn(year, column) + incomeOf(c) - costsOf(c);
  if (year === BALANCE_YEAR && column === undefined) return krToTkr(BALANCE.summaEgetKapital - BALANCE.bundenReservfond);
  throw new NoFigure(`no beslutsutrymme for ${year}`);
}

/** Five-year overview value of a closed year (income, costs as positive, result). */
function overview(kind: 'income' | 'costs' | 'result', year: number): number | undefined {
  const i = OVERVIEW.years.indexOf(year);
  if (i < 0 || year >= CURRENT_YEAR) return undefined;
  const v = OVERVIEW[kind][i] as number;
  return kind === 'costs' ? Math.abs(v) : v;
}

function totals(kind: 'income' | 'costs' | 'result', year: number, column?: ColumnName): number {
  const closed = column === undefined ? overview(kind, year) : undefined;
  if (closed !== undefined) return closed;
  const c = columnFor(year, column);
  if (!c) {
    const o = overview(kind, year);
    if (o !== undefined) return o;
    throw new NoFigure(`no ${kind} for ${year}`);
  }
  return kind === 'income' ? incomeOf(c) : kind === 'costs' ? costsOf(c) : incomeOf(c) - costsOf(c);
}

// ---------------------------------------------------------------- follow-up

function spending(subject?: string) {
  const rows = subject ? FOLLOW_UP.spending2025.filter((r) => r.initiative === subject) : FOLLOW_UP.spending2025;
  if (rows.length === 0) throw new Error(`no 2025 follow-up row for "${subject}"`);
  return rows;
}

function register(subject?: string) {
  const r = FOLLOW_UP.initiatives.find((i) => i.id === subject);
  if (!r) throw new Error(`no register entry for "${subject}"`);
  // The data file's note: Bryggan's first period ended 2025; the 2026 table funds it on to 2028.
  return r.id === 'bryggan' ? { ...r, period: { start: r.period.start, end: '2028-12-31' } } : r;
}

function membershipFee(year: number, member?: string): number {
  const fees = FOLLOW_UP.membershipFees[String(year)] as Record<string, number> | undefined;
  if (member) {
    const fee = fees?.[member];
    if (fee !== undefined) return fee;
    // A year with only the total: the state's half and the region's quarter follow from the rule (domain README, Medlemsavgifter).
    const total = FOLLOW_UP.membershipFees[`${year}total`];
    const part = member === 'Region Uppsala' ? 4 : member === 'Försäkringskassan/Arbetsförmedlingen' ? 2 : undefined;
    if (typeof total === 'number' && part !== undefined && total % part === 0) return total / part;
    throw new NoFigure(`no medlemsavgift for ${member} ${year}`);
  }
  if (fees) return sum(Object.values(fees));
  const total = FOLLOW_UP.membershipFees[`${year}total`];
  if (typeof total !== 'number') throw new NoFigure(`no medlemsavgift ${year}`);
  return total;
}

/** The insatser with money in a year's column, optionally one owner's. */
export function fundedInitiatives(year: number, column?: ColumnName, owner?: string): { name: string; owner: string; amount: number }[] {
  const c = requireColumn(year, column);
  return c.ledger.lines
    .filter((l) => l.group === 'initiative' && l.initiative && amountIn(l, c) > 0)
    .filter((l) => !owner || (l.initiative as { owner: string }).owner === owner)
    .map((l) => ({ name: (l.initiative as { name: string }).name, owner: (l.initiative as { owner: string }).owner, amount: amountIn(l, c) }));
}

// ---------------------------------------------------------------- the oracle

const DIFFERENCE_OF: ReadonlySet<Measure> = new Set(['remaining', 'carriedIn', 'result', 'income', 'costs', 'line']);

export interface Expected {
  readonly headline: string;
  /** Names the card must also show (initiativeCount). */
  readonly names?: readonly string[];
}

/** The expected headline of a figure. Throws when the spec gives the figure no value (a corpus bug). */
export function expectedFigure(f: Figure): Expected {
  const year = f.year ?? CURRENT_YEAR;
  const needSubject = () => {
    if (!f.subject) throw new Error(`${f.measure} needs a subject`);
    return f.subject;
  };
  switch (f.measure) {
    case 'remaining':
      return { headline: tkr(remaining(year, f.column)) };
    case 'carriedIn':
      return { headline: tkr(carriedIn(year, f.column)) };
    case 'result':
    case 'income':
    case 'costs':
      return { headline: tkr(totals(f.measure, year, f.column)) };
    case 'line':
      return { headline: tkr(lineAmount(needSubject(), requireColumn(year, f.column))) };
    case 'share': {
      const c = requireColumn(year, f.column);
      return { headline: percent(percentHalfUp(lineAmount(needSubject(), c), costsOf(c))) };
    }
    case 'utilisation': {
      if (year !== 2025) throw new NoFigure(`no utfall against budget for ${year}`);
      const rows = spending(f.subject);
      return { headline: percent(percentHalfUp(sum(rows.map((r) => r.actual2025)), sum(rows.map((r) => r.budget2025)))) };
    }
    case 'actual': {
      if (year !== 2025 && year !== 2024) throw new NoFigure(`no utfall for ${year}`);
      const rows = spending(f.subject);
      return { headline: tkr(sum(rows.map((r) => (year === 2025 ? r.actual2025 : r.actual2024)))) };
    }
    case 'unused': {
      if (year !== 2025) throw new NoFigure(`no utfall for ${year}`);
      const rows = spending(f.subject);
      return { headline: tkr(sum(rows.map((r) => r.budget2025 - r.actual2025))) };
    }
    case 'endDate':
      return { headline: longDate(register(needSubject()).period.end) };
    case 'startDate':
      return { headline: longDate(register(needSubject()).period.start) };
    case 'membershipFee':
      return { headline: kr(membershipFee(year, f.member)) };
    case 'soliditet': {
      if (year === BALANCE_YEAR) return { headline: percent(percentHalfUp(BALANCE.summaEgetKapital, BALANCE.summaTillgangar)) };
      const i = OVERVIEW.years.indexOf(year);
      if (i < 0) throw new NoFigure(`no soliditet for ${year}`);
      return { headline: percent(OVERVIEW.soliditetPercent[i] as number) };
    }
    case 'kassalikviditet':
      if (year !== BALANCE_YEAR) throw new NoFigure(`no kassalikviditet for ${year}`);
      return { headline: percent(percentHalfUp(BALANCE.omsattningstillgangar, BALANCE.kortfristigaSkulder)) };
    case 'equity':
      if (year !== BALANCE_YEAR) throw new NoFigure(`no eget kapital for ${year}`);
      return { headline: kr(BALANCE.summaEgetKapital) };
    case 'reserveFund':
      return { headline: tkr(NEWEST.reserveFund) };
    case 'ranking': {
      const funded = fundedInitiatives(year, f.column);
      if (funded.length === 0) throw new NoFigure(`no insatser in ${year}`);
      const sorted = [...funded].sort((a, b) => (f.order === 'min' ? a.amount - b.amount : b.amount - a.amount));
      const [first, second] = sorted as [(typeof funded)[0], (typeof funded)[0] | undefined];
      if (second && second.amount === first.amount) throw new Error(`ranking ${year} is a tie`);
      return { headline: `${first.name} (${first.owner})` };
    }
    case 'whatIf':
      if (f.amount === undefined) throw new Error('whatIf needs an amount');
      return { headline: tkr(remaining(year, f.column) - f.amount) };
    case 'difference': {
      if (!f.of || (f.from === undefined) === (f.fromColumn === undefined) || !DIFFERENCE_OF.has(f.of))
        throw new Error('difference needs `of` (a ledger measure or line) and either `from` or `fromColumn`');
      const value = (y: number, column?: ColumnName) =>
        Number(
          expectedFigure({ ...f, measure: f.of as Measure, year: y, ...(column ? { column } : {}) })
            .headline.replace(/[^0-9\u2212]/g, '')
            .replace(MINUS, '-'),
        );
      const change = f.fromColumn ? value(year) - value(year, f.fromColumn) : value(year) - value(f.from as number);
      return { headline: change > 0 ? `+${tkr(change)}` : tkr(change) };
    }
    case 'initiativeCount': {
      const funded = fundedInitiatives(year, f.column, f.owner);
      if (f.owner && !NEWEST.lines.some((l) => l.initiative?.owner === f.owner)) throw new Error(`unknown owner "${f.owner}"`);
      return { headline: funded.length === 1 ? '1 insats' : `${funded.length} insatser`, names: funded.map((x) => x.name) };
    }
  }
}

/** The terms "hur räknas det?" must show for beslutsutrymme: carried in, income, costs, remaining (numbers as formatted). */
export function explanationTerms(year: number, column?: ColumnName): { carriedIn: string; income: string; costs: string; remaining: string } {
  const c = requireColumn(year, column);
  return {
    carriedIn: groupDigits(carriedIn(year, column)),
    income: groupDigits(incomeOf(c)),
    costs: groupDigits(costsOf(c)),
    remaining: groupDigits(remaining(year, column)),
  };
}

/** Whether a figure exists for a year (noData entries must name a year that has none). */
export function hasFigure(f: Figure): boolean {
  try {
    expectedFigure(f);
    return true;
  } catch (e) {
    if (e instanceof NoFigure) return false;
    throw e;
  }
}

/** The years (2015–2035) in which a measure has a figure, for checking a "no data" answer names some. */
export function yearsWith(measure: Measure, subject?: string): number[] {
  const years: number[] = [];
  for (let y = 2015; y <= 2035; y += 1) {
    const probe: Figure = { measure, year: y, subject: subject ?? (measure === 'line' || measure === 'share' ? 'medlemsavgifter' : undefined), amount: 0 };
    try {
      expectedFigure(probe);
      years.push(y);
    } catch (e) {
      if (!(e instanceof NoFigure)) continue;
    }
  }
  return years;
}
