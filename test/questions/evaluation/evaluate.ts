/**
 * Runs an evaluation corpus through the real bot over HTTP (one fresh personal chat per
 * entry, turns in order, as the entry's user) and classifies the reply to the last turn.
 * The contract with the bot is only the cards: a figure card's element "headline", a
 * clarification's element "clarify" (or a "Menade du …" title), "Felkod" for errors.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { BotUnderTest, startBot } from '../../helpers/runningBot';
import { teamsMessage, TeamsUser } from '../../helpers/teams';
import { ColumnName, expectedFigure, explanationTerms, Figure, hasFigure, Measure, MEASURES, yearsWith } from './oracle';

export type Role = 'styrelse' | 'insatsansvarig' | 'kansli' | 'forbundschef';

export type Expectation =
  | { readonly figure: Figure }
  | { readonly clarify: true }
  | { readonly notUnderstood: true }
  | { readonly noData: { readonly measure: Measure; readonly year: number; readonly subject?: string; readonly member?: string } }
  | { readonly explanation: { readonly measure: 'remaining'; readonly year: number; readonly column?: ColumnName } };

export interface Entry {
  readonly id: string;
  readonly user?: Role;
  readonly turns: readonly string[];
  readonly expect: Expectation;
}

export type Outcome = 'right' | 'clarify' | 'notUnderstood' | 'wrong' | 'error';
export const OUTCOMES: readonly Outcome[] = ['right', 'clarify', 'notUnderstood', 'wrong', 'error'];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  right: 'right',
  clarify: 'asked back',
  notUnderstood: 'not understood',
  wrong: 'wrong',
  error: 'error',
};

export interface EntryResult {
  readonly entry: Entry;
  readonly outcome: Outcome;
  /** What was expected, in words (the oracle's figure for figure entries). */
  readonly expected: string;
  /** What came back, in words. */
  readonly got: string;
}

export interface CorpusResult {
  readonly results: EntryResult[];
  readonly counts: Record<Outcome, number>;
}

/** The demo users of config/roles.demo.json. */
const USERS: Record<Role, TeamsUser> = {
  styrelse: { id: '29:eval-styrelse', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Styrelseledamot (demo)' },
  forbundschef: { id: '29:eval-forbundschef', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Förbundschef (demo)' },
  kansli: { id: '29:eval-kansli', aadObjectId: '00000000-0000-0000-0000-0000000000c2', name: 'Ekonom på kansliet (demo)' },
  insatsansvarig: { id: '29:eval-insatsansvarig', aadObjectId: '00000000-0000-0000-0000-0000000000d1', name: 'Insatsansvarig Växtkraft (demo)' },
};

// ---------------------------------------------------------------- corpus

const KINDS = ['figure', 'clarify', 'notUnderstood', 'noData', 'explanation'] as const;
const kindOf = (e: Expectation) => KINDS.find((k) => k in e) as (typeof KINDS)[number];

/** Reads and checks a corpus: unique ids, one expectation each, every figure computable by the oracle. */
export function loadCorpus(file: string): Entry[] {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  if (!Array.isArray(entries)) throw new Error(`${file}: not a JSON array`);
  const ids = new Set<string>();
  for (const e of entries) {
    const where = `${file} ${e.id ?? JSON.stringify(e)}`;
    if (typeof e.id !== 'string' || ids.has(e.id)) throw new Error(`${where}: missing or duplicate id`);
    ids.add(e.id);
    if (!Array.isArray(e.turns) || e.turns.length < 1 || e.turns.length > 3 || e.turns.some((t) => typeof t !== 'string' || !t.trim()))
      throw new Error(`${where}: turns must be 1–3 questions`);
    if (e.user !== undefined && !(e.user in USERS)) throw new Error(`${where}: unknown user ${e.user}`);
    const kinds = KINDS.filter((k) => e.expect && k in e.expect);
    if (kinds.length !== 1 || Object.keys(e.expect).length !== 1) throw new Error(`${where}: expect must be exactly one of ${KINDS.join(', ')}`);
    const x = e.expect as any;
    if (kinds[0] === 'figure') {
      if (!MEASURES.includes(x.figure.measure)) throw new Error(`${where}: unknown measure ${x.figure.measure}`);
      try {
        expectedFigure(x.figure);
      } catch (err) {
        throw new Error(`${where}: the oracle has no figure: ${(err as Error).message}`, { cause: err });
      }
    }
    if (kinds[0] === 'clarify' && x.clarify !== true) throw new Error(`${where}: clarify must be true`);
    if (kinds[0] === 'notUnderstood' && x.notUnderstood !== true) throw new Error(`${where}: notUnderstood must be true`);
    if (kinds[0] === 'noData') {
      if (!MEASURES.includes(x.noData.measure)) throw new Error(`${where}: unknown measure ${x.noData.measure}`);
      const member = x.noData.member !== undefined ? { member: x.noData.member } : {};
      if (hasFigure({ measure: x.noData.measure, year: x.noData.year, subject: x.noData.subject ?? probeSubject(x.noData.measure), ...member }))
        throw new Error(`${where}: ${x.noData.measure} ${x.noData.year} has data`);
      if (yearsWith(x.noData.measure, x.noData.subject).length === 0) throw new Error(`${where}: ${x.noData.measure} has no year with data at all`);
    }
    if (kinds[0] === 'explanation') explanationTerms(x.explanation.year, x.explanation.column);
  }
  return entries;
}

/** A noData entry may name no subject ("vad kostar insatserna 2030?"): any line then stands for the table's years. */
function probeSubject(measure: Measure): string | undefined {
  return measure === 'line' || measure === 'share' ? 'medlemsavgifter' : measure === 'endDate' || measure === 'startDate' ? 'vaxtkraft' : undefined;
}

// ---------------------------------------------------------------- reading cards

const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Every text a person sees on a card: TextBlocks, TextRuns, facts, table cells, button titles. */
export function allTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(normalize(n.text));
    if (n.type === 'FactSet') for (const f of n.facts ?? []) out.push(normalize(`${f.title}: ${f.value}`));
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(normalize(n.title));
    for (const [k, v] of Object.entries(n)) if (k !== 'refresh' && v && typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

function findById(card: unknown, id: string): any {
  let found: any;
  const walk = (n: any) => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.id === id) {
      found = n;
      return;
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
  };
  walk(card);
  return found;
}

/** The text of an element: a TextBlock's text, or a RichTextBlock's runs joined. */
function textOf(el: any): string {
  if (typeof el?.text === 'string') return normalize(el.text);
  if (Array.isArray(el?.inlines)) return normalize(el.inlines.map((i: any) => (typeof i === 'string' ? i : (i.text ?? ''))).join(''));
  return normalize(allTexts(el).join(' '));
}

interface Reading {
  readonly kind: 'error' | 'figure' | 'noData' | 'clarify' | 'help' | 'other' | 'none';
  readonly headline?: string;
  readonly texts: string;
}

/** What the bot's reply to one turn amounts to. */
export function readReply(cards: unknown[]): Reading {
  const texts = cards.map((c) => allTexts(c).join('\n')).join('\n---\n');
  if (cards.length === 0) return { kind: 'none', texts };
  if (cards.some((c) => /felkod/i.test(JSON.stringify(c)))) return { kind: 'error', texts };
  for (const card of cards) {
    const el = findById(card, 'headline');
    if (el) {
      const headline = textOf(el);
      return { kind: headline === '–' ? 'noData' : 'figure', headline, texts };
    }
  }
  for (const card of cards) {
    const title = allTexts(card)[0] ?? '';
    if (findById(card, 'clarify') || /^Menade du/.test(title)) return { kind: 'clarify', texts };
  }
  if (cards.some((c) => (allTexts(c)[0] ?? '') === 'Vad kan jag fråga?')) return { kind: 'help', texts };
  return { kind: 'other', texts };
}

const short = (s: string, n = 160) => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Whether `term` occurs in `text` as a whole number (not inside a longer one). */
function hasNumber(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9])(?<![0-9] )${escaped}(?![0-9])(?! [0-9]{3}(?![0-9]))`).test(text);
}

function describeExpectation(e: Expectation): string {
  switch (kindOf(e)) {
    case 'figure': {
      const f = (e as { figure: Figure }).figure;
      const x = expectedFigure(f);
      return `${x.headline} (${[f.measure, f.subject ?? f.member ?? f.owner, f.year, f.column, f.order, f.amount].filter((v) => v !== undefined).join(' ')})`;
    }
    case 'clarify':
      return 'asked back';
    case 'notUnderstood':
      return 'not understood';
    case 'noData': {
      const n = (e as { noData: { measure: Measure; year: number } }).noData;
      return `no data (${n.measure} ${n.year})`;
    }
    case 'explanation': {
      const x = (e as { explanation: { year: number; column?: ColumnName } }).explanation;
      const t = explanationTerms(x.year, x.column);
      return `explanation ${t.carriedIn} + ${t.income} − ${t.costs} = ${t.remaining}`;
    }
  }
}

function describeReading(r: Reading): string {
  switch (r.kind) {
    case 'figure':
      return `figure ${r.headline}`;
    case 'noData':
      return `no data: ${short(r.texts, 120)}`;
    case 'clarify':
      return `asked back: ${short(r.texts, 120)}`;
    case 'help':
      return 'help card';
    case 'none':
      return 'no reply';
    default:
      return short(r.texts);
  }
}

/** Classifies a reply against an expectation. */
export function classify(e: Expectation, r: Reading): Outcome {
  if (r.kind === 'error' || r.kind === 'none') return 'error';
  const fallback: Outcome = r.kind === 'figure' ? 'wrong' : r.kind === 'clarify' ? 'clarify' : 'notUnderstood';
  switch (kindOf(e)) {
    case 'figure': {
      if (r.kind !== 'figure') return fallback;
      const x = expectedFigure((e as { figure: Figure }).figure);
      if (r.headline !== x.headline) return 'wrong';
      if (x.names && !x.names.every((n) => r.texts.includes(n))) return 'wrong';
      return 'right';
    }
    case 'clarify':
      return r.kind === 'clarify' ? 'right' : fallback;
    case 'notUnderstood':
      return fallback === 'notUnderstood' ? 'right' : fallback;
    case 'noData': {
      const n = (e as { noData: { measure: Measure; year: number; subject?: string } }).noData;
      if (r.kind !== 'noData') return fallback;
      const years = yearsWith(n.measure, n.subject);
      return years.some((y) => new RegExp(`(?<![0-9-])${y}(?![0-9-])`).test(r.texts)) ? 'right' : 'notUnderstood';
    }
    case 'explanation': {
      const x = (e as { explanation: { year: number; column?: ColumnName } }).explanation;
      const t = explanationTerms(x.year, x.column);
      if ([t.carriedIn, t.income, t.costs, t.remaining].every((term) => hasNumber(r.texts, term))) return 'right';
      return fallback;
    }
  }
}

// ---------------------------------------------------------------- running

async function askInChat(bot: BotUnderTest, user: TeamsUser, conversationId: string, text: string): Promise<unknown[]> {
  const before = bot.connector.for(conversationId).length;
  const res = await bot.post(teamsMessage(bot.connector.url, user, text, { conversationId }));
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for "${text}"`);
  // A plain text reply is read as a card with one TextBlock, so it is judged like any other answer.
  return bot.connector
    .for(conversationId)
    .slice(before)
    .map(
      (a) =>
        a.attachments?.[0]?.content ??
        (typeof a.text === 'string' && a.text ? { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: a.text }] } : undefined),
    )
    .filter((c) => c !== undefined);
}

export async function runEntry(bot: BotUnderTest, entry: Entry): Promise<EntryResult> {
  const user = USERS[entry.user ?? 'styrelse'];
  const conversationId = `a:eval-${entry.id}-${randomUUID()}`;
  let cards: unknown[] = [];
  for (const turn of entry.turns) cards = await askInChat(bot, user, conversationId, turn);
  const reading = readReply(cards);
  return { entry, outcome: classify(entry.expect, reading), expected: describeExpectation(entry.expect), got: describeReading(reading) };
}

export function countOutcomes(results: readonly EntryResult[]): Record<Outcome, number> {
  const counts = { right: 0, clarify: 0, notUnderstood: 0, wrong: 0, error: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** Runs a corpus on a running bot, a few conversations at a time (each entry has its own chat). */
export async function evaluateCorpus(bot: BotUnderTest, entries: readonly Entry[], concurrency = 4): Promise<CorpusResult> {
  const results: EntryResult[] = new Array(entries.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, entries.length) }, async () => {
      while (next < entries.length) {
        const i = next++;
        results[i] = await runEntry(bot, entries[i] as Entry);
      }
    }),
  );
  return { results, counts: countOutcomes(results) };
}

/** The bot as the corpus spec fixes it: demo data, today 2026-11-23. */
/** dev is tuned against; each held-out set was written by someone who never saw the parser (see README.md). */
export const CORPORA = [
  'dev',
  'heldout',
  'heldout2',
  'heldout3',
  'heldout4',
  'heldout5',
  'heldout6',
  'heldout7',
  'heldout8',
  'heldout9',
  'heldout10',
  'heldout11',
  'heldout12',
  'heldout13',
  'heldout14',
  'heldout15',
  'heldout16',
  'heldout17',
  'heldout18',
  'heldout19',
  'heldout20',
  'heldout21',
  'heldout22',
  'heldout23',
  'heldout24',
  'heldout25',
  'heldout26',
  'heldout27',
  'heldout28',
  'heldout29',
  'heldout30',
  'heldout31',
  'heldout32',
  'heldout33',
  'heldout34',
  'heldout35',
  'heldout36',
  'heldout37',
  'heldout38',
  'heldout39',
  'heldout40',
  'heldout41',
  'heldout42',
  'heldout43',
  'heldout44',
  'heldout46',
  'heldout47',
  'heldout48',
  'heldout49',
  'heldout50',
  'heldout51',
  'heldout52',
  'heldout53',
  'heldout54',
  'heldout55',
  'heldout56',
  'heldout57',
  'heldout58',
  'heldout59',
  'heldout60',
  'heldout61',
  'heldout62',
  'heldout63',
  'heldout64',
  'heldout65',
  'heldout66',
  'heldout67',
  'heldout68',
  'heldout69',
  'heldout70',
  'heldout71',
  'heldout72',
  'heldout73',
  'heldout74',
  'heldout75',
  'heldout76',
  'heldout77',
  'heldout78',
  'heldout79',
  'heldout80',
  'heldout81',
  'heldout82',
  'heldout83',
  'heldout85',
  'heldout86',
  'heldout87',
  'heldout88',
  'heldout89',
  'heldout90',
  'heldout91',
  'heldout92',
] as const;

export const startEvaluationBot = () => startBot({ CLOCK_DATE: '2026-11-23' });

// ---------------------------------------------------------------- reporting

export function formatCounts(name: string, c: CorpusResult): string {
  const total = c.results.length;
  const pct = (n: number) => (total ? `${((100 * n) / total).toFixed(1)} %` : '–');
  const parts = OUTCOMES.map((o) => `${OUTCOME_LABELS[o]} ${c.counts[o]} (${pct(c.counts[o])})`);
  return `${name}: ${total} entries — ${parts.join(', ')}`;
}

/** Outcome counts per expected measure (or expectation kind), largest first. */
export function formatByMeasure(c: CorpusResult): string {
  const by = new Map<string, Record<Outcome, number>>();
  for (const r of c.results) {
    const e = r.entry.expect as any;
    const key: string = e.figure ? e.figure.measure : (kindOf(r.entry.expect) as string);
    const row = by.get(key) ?? { right: 0, clarify: 0, notUnderstood: 0, wrong: 0, error: 0 };
    row[r.outcome] += 1;
    by.set(key, row);
  }
  const total = (row: Record<Outcome, number>) => OUTCOMES.reduce((a, o) => a + row[o], 0);
  const head = `  ${'measure'.padEnd(18)}${'n'.padStart(5)}${OUTCOMES.map((o) => OUTCOME_LABELS[o].padStart(16)).join('')}`;
  const rows = [...by.entries()]
    .sort((a, b) => total(b[1]) - total(a[1]))
    .map(([k, row]) => `  ${k.padEnd(18)}${String(total(row)).padStart(5)}${OUTCOMES.map((o) => String(row[o]).padStart(16)).join('')}`);
  return [head, ...rows].join('\n');
}

export function formatFailures(c: CorpusResult): string {
  const rows = c.results.filter((r) => r.outcome !== 'right');
  if (rows.length === 0) return '  (every entry right)';
  return rows
    .map(
      (r) =>
        `  ${r.entry.id.padEnd(6)} ${r.outcome.padEnd(13)} ${short(r.entry.turns.join(' ⟶ '), 70).padEnd(70)} | expected ${short(r.expected, 70)} | got ${short(r.got, 110)}`,
    )
    .join('\n');
}
