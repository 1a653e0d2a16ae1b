import { ColumnKind } from '../../domain/ledger';
import { findPhrase, tokenize } from './text';

export type Intent =
  | 'help'
  | 'decisionRoom'
  | 'result'
  | 'income'
  | 'costs'
  | 'utilisation'
  | 'period'
  | 'endingInitiatives'
  | 'fundedInitiatives'
  | 'membershipFee'
  | 'soliditet'
  | 'kassalikviditet';

export interface ParsedQuestion {
  readonly intent: Intent;
  /** Years asked about, ascending; empty when none was named. */
  readonly years: readonly number[];
  readonly kind?: ColumnKind;
  /** Words not used by intent or years: what names an insats or a member. */
  readonly entityWords: readonly string[];
}

/** Keyword phrases per intent, most specific first; words are normalized (no diacritics). */
const INTENT_PHRASES: readonly (readonly [Intent, readonly (readonly string[])[]])[] = [
  ['help', [['hjalp'], ['help'], ['vad', 'kan', 'du'], ['exempel']]],
  ['kassalikviditet', [['kassalikviditet'], ['likviditet']]],
  ['soliditet', [['soliditet']]],
  ['membershipFee', [['medlemsavgift'], ['avgift'], ['avgiften'], ['betalar'], ['betala']]],
  ['utilisation', [['forbrukningsgrad'], ['forbrukningskvot'], ['forbrukning'], ['forbrukat'], ['forbrukar'], ['utnyttjandegrad'], ['hur', 'gar'], ['hur', 'ligger']]],
  ['period', [['slutar'], ['slutdatum'], ['insatstid'], ['insatstiden'], ['period'], ['perioden'], ['avslutas'], ['tar', 'slut'], ['pagar', 'till'], ['loper']]],
  ['fundedInitiatives', [['vilka', 'insatser'], ['finansieras'], ['finansierade'], ['insatserna'], ['lista', 'insatser']]],
  ['decisionRoom', [['beslutsutrymme'], ['kvar', 'att', 'besluta'], ['kvar', 'att', 'fordela'], ['utrymme'], ['kvarvarande'], ['har', 'vi', 'kvar']]],
  ['result', [['resultat'], ['overskott'], ['underskott']]],
  ['income', [['intakter'], ['intakt'], ['inkomster']]],
  ['costs', [['kostnader'], ['kostnad'], ['kostar'], ['utgifter']]],
  ['decisionRoom', [['prognos'], ['prognosen'], ['budget'], ['budgeten'], ['ekonomi'], ['ekonomin'], ['laget']]],
];

const KIND_PHRASES: readonly (readonly [ColumnKind, readonly string[]])[] = [
  ['forecast', ['prognos']],
  ['forecast', ['prognosen']],
  ['budget', ['budget']],
  ['budget', ['budgeten']],
  ['preliminary', ['preliminar']],
  ['preliminary', ['prel']],
];

const RELATIVE_YEARS: readonly (readonly [number, readonly string[]])[] = [
  [0, ['i', 'ar']],
  [0, ['iar']],
  [0, ['detta', 'ar']],
  [0, ['innevarande', 'ar']],
  [0, ['i', 'aret']],
  [1, ['nasta', 'ar']],
  [1, ['kommande', 'ar']],
  [1, ['nastkommande', 'ar']],
  [2, ['om', 'tva', 'ar']],
  [-1, ['forra', 'aret']],
  [-1, ['forra', 'ar']],
  [-1, ['i', 'fjol']],
  [-1, ['ifjol']],
  [-1, ['fjolaret']],
];

const STOP_WORDS = new Set(
  'vad nar in vilken vilket vilka hur mycket ar blir var har vi for om pa i och till av med det den de en ett som kan du jag ska skulle finns fran sin sitt sina mitt min mina oss nu da totalt total summa hela under efter innan mot enligt visa ge lite tack hej snalla vet nagon insats insatsen insatser ar aret arets kronor tkr kr mkr procent'.split(' '),
);

/**
 * Parses a Swedish budget question deterministically (no language model).
 * Returns undefined when no intent is recognized. `currentYear` is the year in
 * Europe/Stockholm, used for "i år", "nästa år" and "förra året".
 */
export function parseQuestion(text: string, currentYear: number): ParsedQuestion | undefined {
  const ranges = [...text.matchAll(/\b(20\d\d)\s*(?:-|–|—|till|t\.o\.m\.?)\s*(20\d\d)\b/g)];
  const tokens = tokenize(text);
  const used = new Set<number>();

  const years = new Set<number>();
  for (const r of ranges) {
    const [from, to] = [Number(r[1]), Number(r[2])].sort((a, b) => a - b) as [number, number];
    for (let y = from; y <= to && y - from < 10; y += 1) years.add(y);
  }
  tokens.forEach((t, i) => {
    if (/^20\d\d$/.test(t)) {
      years.add(Number(t));
      used.add(i);
    } else if (/^\d+$/.test(t)) used.add(i);
  });
  for (const [offset, phrase] of RELATIVE_YEARS) {
    const hit = exactPhrase(tokens, phrase);
    if (hit) {
      years.add(currentYear + offset);
      hit.forEach((i) => used.add(i));
    }
  }

  let intent: Intent | undefined;
  for (const [candidate, phrases] of INTENT_PHRASES) {
    for (const phrase of phrases) {
      const hit = findPhrase(tokens, phrase);
      if (!hit) continue;
      intent ??= candidate;
      hit.forEach((i) => used.add(i));
    }
  }
  if (!intent) return undefined;

  let kind: ColumnKind | undefined;
  for (const [k, phrase] of KIND_PHRASES) {
    const hit = findPhrase(tokens, phrase);
    if (hit && !kind) kind = k;
    hit?.forEach((i) => used.add(i));
  }
  // "Vilka insatser slutar ..." asks for a list, "När slutar Växtkraft?" for one period.
  const entityWords = tokens.filter((t, i) => !used.has(i) && !STOP_WORDS.has(t) && t.length > 1);
  if (intent === 'period' && findPhrase(tokens, ['vilka']) && entityWords.length === 0) intent = 'endingInitiatives';
  if (intent === 'fundedInitiatives' && findPhrase(tokens, ['slutar'])) intent = 'endingInitiatives';
  return { intent, years: [...years].sort((a, b) => a - b), ...(kind ? { kind } : {}), entityWords };
}

function exactPhrase(tokens: readonly string[], phrase: readonly string[]): number[] | undefined {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((w, j) => tokens[start + j] === w)) return phrase.map((_, j) => start + j);
  }
  return undefined;
}
