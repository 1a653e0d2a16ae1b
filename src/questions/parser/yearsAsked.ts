import { MONTHS, NEGATIONS, RELATIVE_YEARS } from './lexicon';
import { ClauseLayout } from './clauses';
import { exactPhrase } from './text';

/** Which years a question asks, from everything that names one: "2026–2028", "-28", "nästa år", a statement's years, a correction. */

const CORRECTION_CUES: readonly (readonly string[])[] = [
  ['nej', 'forlat'],
  ['nej', 'vanta'],
  ['forlat'],
  ['jag', 'menar'],
  ['jag', 'menade'],
  ['ah'],
  ['rattelse'],
  ['i', 'mean'],
  ['sorry'],
];

export interface YearWords {
  readonly tokens: readonly string[];
  /** The question in lower case with its amounts taken out ("2 000 tkr" names no year). */
  readonly withoutAmounts: string;
  readonly capitalised: ReadonlySet<number>;
  /** Tokens explained so far; the years' words are added. */
  readonly used: Set<number>;
  readonly currentYear: number;
  readonly layout: Pick<ClauseLayout, 'questionStart' | 'statedFirst' | 'askingText' | 'askedYears'>;
}

/** The years asked, and where a correction ("nej förlåt, 2028") begins, if one does. */
export function readYears({ tokens, withoutAmounts, capitalised, used, currentYear, layout }: YearWords): { years: Set<number>; corrected?: number } {
  const { questionStart, statedFirst, askingText, askedYears } = layout;
  const years = new Set<number>();

  for (const r of withoutAmounts.matchAll(/\b(20\d\d)\s*(?:-|–|—|till|t\.o\.m\.?|tom)\s*(20\d\d|\d\d)\b/g)) {
    const from = Number(r[1]);
    const to = (r[2] as string).length === 2 ? 2000 + Number(r[2]) : Number(r[2]);
    // "2025-12" is a month, not a range back to 2012: a short range runs forward.
    if ((r[2] as string).length === 2 && to < from) continue;
    for (let y = Math.min(from, to); y <= Math.max(from, to) && years.size < 10; y += 1) years.add(y);
  }
  tokens.forEach((t, i) => {
    if (/^20\d\d$/.test(t)) {
      years.add(Number(t));
      used.add(i);
    } else if (/^\d+$/.test(t)) used.add(i);
  });
  // "beslutsutrymmet -28", "budget '27": a year written with two digits after a dash or an apostrophe.
  const shortYears = new Set([...withoutAmounts.matchAll(/(?:^|\s)[-–—'’´]\s?(\d\d)(?!\d)/g)].map((m) => m[1] as string));
  tokens.forEach((t, i) => {
    if (shortYears.has(t) && Number(t) >= 15 && Number(t) <= 45) {
      years.add(2000 + Number(t));
      used.add(i);
    }
  });
  // "fastställdes i november 2025": a year in a date says when, not which year is asked.
  tokens.forEach((t, i) => {
    if (/^20\d\d$/.test(t) && MONTHS.has(tokens[i - 1] ?? '') && [...years].some((y) => String(y) !== t)) years.delete(Number(t));
  });
  // "Soliditeten 2022 – alltså inte den i bokslutet för 2025?": a year in what is said not to be asked.
  tokens.forEach((t, i) => {
    if (!NEGATIONS.has(t)) return;
    for (let j = i + 1; j <= i + 5 && j < tokens.length; j += 1) if (/^20\d\d$/.test(tokens[j] as string) && years.size > 1) years.delete(Number(tokens[j]));
  });
  const asked = askedYears([...years]);
  if (asked) {
    years.clear();
    asked.forEach((y) => years.add(y));
    // "det första året" chose a year: it names no insats ("Förstärkt stöd").
    tokens.forEach((t, i) => /^(sista|forsta)$/.test(t) && used.add(i));
  }
  // "Vi diskuterade underskottet 2024, men vad blir årets resultat?": "årets" in the question, a year only in the statement.
  if (statedFirst && !/\b20\d\d\b/.test(askingText) && tokens.slice(questionStart).includes('arets') && [...years].length > 0) {
    years.clear();
    years.add(currentYear);
  }
  // "Samordnat stöd är störst i år, men vilken blir dyrast 2027?": a year in the statement is not asked when the question names one.
  const questionNamesYear = statedFirst && /\b20\d\d\b/.test(askingText);
  // "Resultatet 2027, nej förlåt, 2028": what follows the correction replaces what it corrects.
  const cue = CORRECTION_CUES.map((p) => exactPhrase(tokens, p, new Set())?.[0]).filter((at): at is number => at !== undefined && at > 0);
  const cueAt = cue.length > 0 ? Math.min(...cue) : undefined;
  // "Förlåt om jag tjatar" corrects nothing: a correction puts a year or a name in place of another.
  const replaces = (from: number) =>
    tokens.some((t, i) => i > from && (/^20\d\d$/.test(t) || capitalised.has(i))) ||
    RELATIVE_YEARS.some(([, p]) => exactPhrase(tokens.slice(from + 1), p, new Set()));
  const corrected = cueAt !== undefined && replaces(cueAt) ? cueAt : undefined;
  const yearsCorrected = new Set<number>();
  if (corrected !== undefined) tokens.forEach((t, i) => i >= corrected && /^20\d\d$/.test(t) && years.has(Number(t)) && yearsCorrected.add(Number(t)));
  const askedRelative = new Set<number>();
  for (const [offset, phrase] of [...RELATIVE_YEARS].sort((a, b) => b[1].length - a[1].length)) {
    const hit = exactPhrase(tokens, phrase, used);
    if (hit) {
      // "fastställdes i november i fjol": a relative year after a month dates something, like "november 2025" above.
      const dated = MONTHS.has(tokens[(hit[0] as number) - 1] ?? '') && years.size > 0;
      if (!(questionNamesYear && hit.every((i) => i < questionStart)) && !dated) years.add(currentYear + offset);
      if (hit.every((i) => i >= questionStart)) askedRelative.add(currentYear + offset);
      if (corrected !== undefined && hit.every((i) => i >= corrected)) yearsCorrected.add(currentYear + offset);
      hit.forEach((i) => used.add(i));
    }
  }
  // "Bryggans period tog slut 2025/2026, men hur mycket får den nästa år?": the question's "nästa år", not the statement's years.
  // ("Kostnaderna sjunker till 2027 – hur mycket lägre blir de än i år?": a year compared with adds to the statement's.)
  const comparedWithRelative = /(?<![\p{L}])(än|an|jämfört med|jamfort med|mot)\s+(i år|i ar|i fjol|ifjol|förra året|forra aret)(?![\p{L}])/iu.test(askingText);
  if (statedFirst && askedRelative.size > 0 && !/\b20\d\d\b/.test(askingText)) {
    if (!comparedWithRelative) years.clear();
    askedRelative.forEach((y) => years.add(y));
  }
  if (yearsCorrected.size > 0) {
    years.clear();
    yearsCorrected.forEach((y) => years.add(y));
  }
  return { years, ...(corrected !== undefined ? { corrected } : {}) };
}
