import { Measure } from '../../domain/reading';
import type { InterpretContext, Interpretation } from './interpret';
import { STOP_WORDS } from './lexicon';
import { MEASURE_WORDS } from './questionsBack';
import { QuestionWords } from './readQuestion';
import { SubjectMatch } from './subjects';

/** What a question's shape says before its words are read as one figure: one insats described, a name not ours, two figures asked. */

const ASKED_AS: Partial<Record<Measure, string>> = {
  actual: 'utfall',
  utilisation: 'förbrukningsgrad',
  unused: 'outnyttjade medel',
  membershipFee: 'medlemsavgift',
};

/** "insatsen där …", "projektet som …": one insats described rather than named. */
export function describesOneInsats(words: QuestionWords): boolean {
  const t = words.tokens;
  const all =
    t.some((w, i) => /^(alla|samtliga)$/.test(w) && /^(insatser|insatserna|projekt|projekten)$/.test(t[i + 1] ?? '')) ||
    t.some((w) => /^(totalt|insatserna|projekten)$/.test(w));
  return t.some((w, i) => /^(insatsen|projektet)$/.test(w) && /^(dar|som|med|for|i)$/.test(t[i + 1] ?? '')) && !all;
}

/** A capitalised word no subject explains, right beside a word that named one: "Ung Framtid", "Din väg framåt" name another insats. */
export function namesAnotherInsats(words: QuestionWords, match: SubjectMatch): boolean {
  const unknown = new Set(unknownNames(words, match));
  return [...match.used].some((i) =>
    [i - 1, i + 1].some((j) => {
      const t = words.tokens[j];
      return t !== undefined && unknown.has(t) && words.capitalised.has(j) && !OWNER_LIKE.test(t);
    }),
  );
}

const OWNER_LIKE = /^(region|kommun|kommuns|regionen|uppsala|lan|lans)$/;

const COORDINABLE: ReadonlySet<Measure> = new Set<Measure>([
  'remaining',
  'result',
  'income',
  'costs',
  'carriedIn',
  'actual',
  'utilisation',
  'unused',
  'equity',
  'soliditet',
  'kassalikviditet',
  'reserveFund',
  'membershipFee',
]);

/** A card that shows the other figure too: the beslutsutrymme's shows its calculation, the result its income and costs. */
const SHOWS: Partial<Record<Measure, readonly Measure[]>> = {
  remaining: ['result', 'income', 'costs', 'carriedIn'],
  result: ['income', 'costs'],
  income: ['membershipFee'],
  equity: ['reserveFund'],
  utilisation: ['actual'],
};

/** Two measures joined by "och" ("intäkter och kostnader"), or a budget beside an utfall, that no one card shows together. */
export function coordinatedMeasures(words: QuestionWords): readonly [Measure, Measure] | undefined {
  const t = words.tokens;
  if (words.followUpOpener || words.measures.includes('whatIf') || words.measures.includes('share')) return undefined;
  const at = (m: Measure) => words.measureAt.get(m) ?? [];
  const joined = (a: readonly number[], b: readonly number[]) =>
    t.some((w, i) => (w === 'och' || w === 'and') && a.some((x) => x < i && i - x <= 2) && b.some((y) => y > i && y - i <= 3));
  const named = words.measures.filter((m) => COORDINABLE.has(m));
  if (named.length === 2) {
    const [a, b] = named as [Measure, Measure];
    if (SHOWS[a]?.includes(b) || SHOWS[b]?.includes(a)) return undefined;
    if (joined(at(a), at(b)) || joined(at(b), at(a))) return [a, b];
  }
  // "budget och utfall för Bryggan": a column and an utfall; each its own figure.
  const columnWord = t.findIndex((w) => /^(budget|budgeten|prognos|prognosen)$/.test(w));
  const other = named[0];
  if (
    named.length === 1 &&
    (other === 'actual' || other === 'unused') &&
    columnWord >= 0 &&
    (joined([columnWord], at(other)) || joined(at(other), [columnWord]))
  )
    return ['line', other];
  return undefined;
}

/** "hur stor var förbrukningen?": the amount used, or the förbrukningsgrad? */
export function usedOrShare(words: QuestionWords): readonly [Measure, Measure] | undefined {
  const at = words.measureAt.get('utilisation') ?? [];
  const bare = at.length > 0 && at.every((i) => words.tokens[i] === 'forbrukningen');
  const asked = words.tokens.some((t, i) => t === 'hur' && /^(stor|mycket)$/.test(words.tokens[i + 1] ?? ''));
  return bare && asked && !words.tokens.some((t) => /^(procent|grad|andel)$/.test(t)) ? ['actual', 'utilisation'] : undefined;
}

export function twoMeasures([a, b]: readonly [Measure, Measure], words: QuestionWords, ctx: InterpretContext): Interpretation {
  const year = words.years[0] ?? ctx.currentYear;
  const word = (m: Measure) => (m === 'line' ? 'budget' : (ASKED_AS[m] ?? MEASURE_WORDS[m] ?? m));
  const label = (m: Measure) => word(m).replace(/^./, (c) => c.toUpperCase());
  const rest = words.tokens.filter((t, i) => !words.used.has(i) && !STOP_WORDS.has(t) && t.length > 2 && !/^\d/.test(t)).join(' ');
  const option = (m: Measure) => ({ label: `${label(m)} ${year}`, question: `${word(m)} ${rest} ${year}`.replace(/\s+/g, ' ') });
  return { kind: 'clarify', message: 'Du frågar om två siffror. Vilken vill du se först?', options: [option(a), option(b)] };
}

/** Words written like a name ("Jobbcentrum") that name nothing the förbund has: an answer about the förbund would be a guess. */
export function unknownNames(words: QuestionWords, match: SubjectMatch): string[] {
  return words.tokens.filter(
    (t, i) => words.capitalised.has(i) && !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t) && t.length > 2 && !/^\d/.test(t),
  );
}
