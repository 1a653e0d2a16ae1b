import { ColumnKind } from '../../domain/ledger';
import { Kronor } from '../../domain/money';
import { Measure } from '../../domain/reading';
import { COLUMN_CUES, COMPARATIVES, DIFFERENCE_CUES, EXPLAIN_CUES, FOLLOW_UP_OPENERS, FORBUND_NAMES, HELP_CUES, MEASURE_CUES, NEGATIONS } from './lexicon';
import { asideTokens, clauseLayout } from './clauses';
import { readYears } from './yearsAsked';
import { exactPhrase, findPhrase, normalize, questionTokens, splitOwnerCompounds } from './text';
import { Phrasing, readPhrasing, spellOutNumbers, writeOutTwoDigitYears } from './phrasing';
import { dropAmounts, onlyStated, readAmounts } from './amounts';
import { adjustMeasures } from './measureAdjustments';

/** What the words of a question say before any name is looked up. */
export interface QuestionWords {
  readonly tokens: readonly string[];
  /** Which tokens were written with a capital letter after the first word: names. */
  readonly capitalised: ReadonlySet<number>;
  /** Indices of tokens already explained by a year, an amount, a measure or a column. */
  readonly used: ReadonlySet<number>;
  /** Every measure cued, in the lexicon's priority order (most specific first). */
  readonly measures: readonly Measure[];
  readonly columns: readonly ColumnKind[];
  readonly years: readonly number[];
  readonly amount?: Kronor;
  readonly order?: 'max' | 'min';
  readonly count?: number;
  readonly explain: boolean;
  readonly help: boolean;
  readonly difference: boolean;
  /** The change is what the question opens with ("minskar kostnaderna 2027?"), not a word in a description. */
  readonly changeAsked: boolean;
  /** Opens like a follow-up: "och 2027?", "jämfört med budget?". */
  readonly followUpOpener: boolean;
  /** A number with no unit that is no year: "och om det är 900?" after a what-if. */
  readonly bareNumber?: number;
  /** "om vi beviljar 100 000 i år och 200 000 nästa år": more than one amount, which no one card sums. */
  readonly severalAmounts: boolean;
  /** "året innan", "året efter": a year counted from the last question's. */
  readonly yearShift?: number;
  /** The index of the first token of the question's last clause, the one that asks (0 for one clause). */
  readonly questionStart: number;
  /** Tokens within parentheses: an aside ("(både EY och Azets)", "(ekonom projektstöd, …)"), not what is asked. */
  readonly aside: ReadonlySet<number>;
  /** Tokens before this index only state context ("Bryggan ligger på 2 315 tkr 2027 – men vad har Framsteget?"): 0 when none do. */
  readonly contextEnd: number;
  /** "i procent?": the last figure as a share (utfall as förbrukningsgrad). */
  readonly inPercent: boolean;
  readonly phrasing: Phrasing;
  /** Where each measure was cued: the tokens its words took. */
  readonly measureAt: ReadonlyMap<Measure, readonly number[]>;
}

const YEAR_SHIFTS: readonly (readonly [number, readonly string[]])[] = [
  [-1, ['aret', 'innan']],
  [-1, ['aret', 'fore']],
  [-1, ['foregaende', 'ar']],
  [-1, ['ett', 'ar', 'tidigare']],
  [1, ['aret', 'efter']],
  [1, ['aret', 'darpa']],
  [1, ['ett', 'ar', 'senare']],
  [1, ['foljande', 'ar']],
];
const REGISTER_NUMBER = /\b(?:dnr|diarienr|diarienummer|d)?\.?\s*20\d\d:\d+\b/gi;
const ISO_DATE = /\b(20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g;
const NEGATIONS_AFTER = /^(oraknad|oraknat|oraknade|exkluderad|exkluderat|exkluderade|undantagen|undantaget|undantagna|bortraknad|bortraknat|bortraknade)$/;
const NUMBER_WORDS: Readonly<Record<string, number>> = { tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6 };
const BOTH_YEARS = [
  'mellan de tva aren',
  'mellan de bada aren',
  'mellan de aren',
  'mellan aren',
  'de tva aren',
  'de bada aren',
  'bada aren',
  'de aren',
  'the two years',
].map((p) => p.split(' '));

/** Reads the years, amounts, measures and columns a question's words name. */
export function readQuestionWords(question: string, currentYear: number): QuestionWords {
  const phrasing = readPhrasing(question);
  // "per 2025-12-31" names the year 2025, not a range 2012–2031.
  // "Dnr 2025:14", "D 2025:12": a register number, not a year.
  const text = writeOutTwoDigitYears(spellOutNumbers(withoutSignature(question), currentYear).replace(REGISTER_NUMBER, ' ').replace(ISO_DATE, '$1'));
  // "Stämmer det att beslutsutrymmet är 3 178 tkr?": the amount is the figure to check, granted by nobody.
  const quotedOnly = phrasing.checksAFigure && !phrasing.grants;
  // "om vi beviljar typ 500 000 till …": a granted sum in six figures without a unit is kronor (in tkr it would be half a billion).
  const lower = text
    .toLowerCase()
    .replace(/\u2212/g, '-')
    .replace(/(?<![\d,.])(\d{3}[ \u00a0]\d{3})(?![\d,.]|\s*(?:tkr|mkr|kr|kronor|miljon|miljoner|tusen|k)\b)/g, (m: string) =>
      phrasing.grants ? `${m} kr` : m,
    );
  const amounts = readAmounts(lower, quotedOnly);
  let amount = amounts.amount;
  const yearOrAmount = amounts.yearOrAmount;
  const withoutAmounts = dropAmounts(lower);
  const tokens = questionTokens(withoutAmounts);
  const cased = dropAmounts(text.replace(/\u2212/g, '-'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .flatMap((t) => splitOwnerCompounds([t]));
  const capitalised = new Set<number>(cased.length === tokens.length ? cased.map((t, i) => (i > 0 && /^[A-Z]/.test(t) ? i : -1)).filter((i) => i >= 0) : []);
  const used = new Set<number>();
  const { questionStart, questionEnd, statedFirst, askingText, askedYears } = clauseLayout(withoutAmounts, tokens.length);
  const { years, corrected } = readYears({
    tokens,
    withoutAmounts,
    capitalised,
    used,
    currentYear,
    layout: { questionStart, statedFirst, askingText, askedYears },
  });

  markAll(tokens, FORBUND_NAMES, used);
  // "tillbaka till Heby": back to an earlier subject, not money returned (that goes "tillbaka till förbundet").
  tokens.forEach((t, i) => {
    if (t === 'tillbaka' && tokens[i + 1] === 'till' && !/^(forbundet|forbundets|oss|samordningsforbundet)$/.test(tokens[i + 2] ?? '')) used.add(i);
  });
  let yearShift: number | undefined;
  // "två år innan dess", "tre år senare": counted from the last question's year.
  tokens.forEach((t, i) => {
    const n = /^\d$/.test(t) ? Number(t) : NUMBER_WORDS[t];
    const direction = /^(innan|fore|tidigare|before|earlier)$/.test(tokens[i + 2] ?? '')
      ? -1
      : /^(senare|efter|later|after)$/.test(tokens[i + 2] ?? '')
        ? 1
        : 0;
    if (n !== undefined && /^(ar|years)$/.test(tokens[i + 1] ?? '') && direction !== 0 && years.size === 0) {
      yearShift = direction * n;
      [i, i + 1, i + 2].forEach((j) => used.add(j));
      if (/^(dess|det)$/.test(tokens[i + 3] ?? '')) used.add(i + 3);
    }
  });
  for (const [shift, phrase] of YEAR_SHIFTS) {
    const hit = exactPhrase(tokens, phrase, used);
    if (hit && years.size === 0) {
      yearShift = shift;
      hit.forEach((i) => used.add(i));
    }
  }
  const explain = markAll(tokens, EXPLAIN_CUES, used);
  const help = tokens.length <= 4 && markAll(tokens, HELP_CUES, used);
  // "hur mycket lägre är det än 2026?": a comparison with a year is a change between years.
  const yearAt = (i: number) => /^(20\d\d|forra|nasta|ifjol)$/.test(tokens[i] ?? '') || (tokens[i] === 'i' && /^(ar|fjol)$/.test(tokens[i + 1] ?? ''));
  const comparatives = tokens.flatMap((t, i) => (COMPARATIVES.test(t) ? [i] : []));
  const thanAYear = comparatives.length > 0 && tokens.some((t, i) => /^(an|than)$/.test(t) && yearAt(i + 1));
  // "Hur mycket får Bryggan 2027 jämfört med 2026?", "… jämfört med i år?": a year compared with a year.
  const comparedAt = tokens.findIndex((t, i) => /^(jamfort|jamfor|compared)$/.test(t) && /^(med|with|to)$/.test(tokens[i + 1] ?? '') && yearAt(i + 2));
  // ("är det mer eller mindre än i år?": the comparing words are the question's own, not a name.)
  if (thanAYear) comparatives.forEach((i) => used.add(i));
  if (comparedAt >= 0) used.add(comparedAt).add(comparedAt + 1);
  const comparedWithYear = thanAYear || comparedAt >= 0;
  // "och hur mycket mer får de 2028?": how much more than the year before.
  // "hur många miljoner går Samordnat stöd ner från 2026 till 2027?": the verb's particle stands after the subject.
  // ("ta upp på mötet", "följa upp" and "går det upp eller ner?" ask no change of a figure.)
  // ("vad går det ner till 2027?": the level it goes to, not by how much.)
  const toALevel = (particle: number) => tokens[particle + 1] === 'till' && tokens.includes('vad') && !tokens.includes('mycket');
  const goesDownOrUp =
    (tokens.some(
      (t, i) =>
        /^(gar|gick)$/.test(t) &&
        tokens
          .slice(i + 2, i + 6)
          .some((p, k) => /^(ner|ned|upp)$/.test(p) && !/^(ta|tar|folja|foljer|lyfta)$/.test(tokens[i + 1 + k] ?? '') && !toALevel(i + 2 + k)),
    ) &&
      // ("går vår budget upp eller ner från 2026 till 2027?": between two years named, it is the change.)
      (years.size === 2 || (!exactPhrase(tokens, ['upp', 'eller', 'ner'], new Set()) && !exactPhrase(tokens, ['ner', 'eller', 'upp'], new Set())))) ||
    tokens.some((t) => /^kostnads(minskning|okning)/.test(t));
  const howMuchMore = tokens.some((t, i) => {
    if (t !== 'hur' || tokens[i + 1] !== 'mycket' || !COMPARATIVES.test(tokens[i + 2] ?? '')) return false;
    used.add(i + 2);
    return true;
  });
  const beforeChange = new Set(used);
  const difference = markAll(tokens, DIFFERENCE_CUES, used) || comparedWithYear || howMuchMore || goesDownOrUp;
  // "ökar vår budget till nästa år?": the change opens the question ("… när ESF-medlen minskar till 150 tkr" only describes).
  const describes = /^(nar|eftersom|da|fast|medan|when|as)$/.test(tokens[questionStart] ?? '');
  const changeAsked = (!describes && [...used].some((i) => !beforeChange.has(i) && i >= questionStart && i < questionStart + 4)) || goesDownOrUp;
  let measures: Measure[] = [];
  const askedInQuestion = new Set<Measure>();
  const cuedAt = new Map<Measure, number[]>();
  for (const [measure, phrases, exact] of MEASURE_CUES) {
    const before = new Set(used);
    const hit = exact ? markExact(tokens, phrases, used) : markAll(tokens, phrases, used);
    if (hit && !measures.includes(measure)) measures.push(measure);
    const at = [...used].filter((i) => !before.has(i));
    cuedAt.set(measure, [...(cuedAt.get(measure) ?? []), ...at]);
    if (at.some((i) => i >= questionStart && i < questionEnd)) askedInQuestion.add(measure);
  }
  measures = adjustMeasures(measures, { tokens, cuedAt, used, years, askedInQuestion });
  // "skillnaden mellan de två åren": the years of the last answers, which the reading keeps.
  for (const phrase of BOTH_YEARS) exactPhrase(tokens, phrase, used)?.forEach((i) => used.add(i));
  const columns: ColumnKind[] = [];
  // "enligt budgeten alltså, inte prognosen", "det faktiska, inte det budgeterade": the column after "inte" is not asked.
  const afterNegation = new Set(tokens.flatMap((t, i) => (NEGATIONS.has(t) ? [i + 1, i + 2] : [])));
  for (const [kind, phrases] of COLUMN_CUES) {
    // "budgetåret 2026" is the year, not the budget column.
    const named = tokens.flatMap((t, i) => (!/^budgetar(et|ets)$/.test(t) && phrases.some((p) => findPhrase(tokens, p, i)?.[0] === i) ? [i] : []));
    markAll(tokens, phrases, used);
    if (named.length > 0 && !named.every((i) => afterNegation.has(i))) columns.push(kind);
  }
  // "Registerstudien löper till 2026-06-01 – vad ligger den på i prognosen?": what the statement
  // before the question names is context; the question's own measure or column is what is asked.
  // A bare amount word ("belopp?") asks for nothing of its own: what was named before stands.
  // "Bryggans period tog slut 2025, men hur mycket får den 2027?": after "men" even an amount asked ("får") is the question.
  const contrasted = /^\s*(men|but)\b/i.test(askingText);
  // "Insatsen som startade 2025 – vad får den 2027?": an amount asked with a verb ("får", "kostar") is a question of its own.
  const amountAsked = (cuedAt.get('line') ?? []).some((i) => i >= questionStart && i < questionEnd && /^(far|fick|fatt|kostar|kostade)$/.test(tokens[i] ?? ''));
  // "S:a kostnader 2026 – vad är skillnaden mellan budget och prognos?": a heading named first states nothing; it is what is asked about.
  // ("Eget kapital 2025: hur stor är reservfonden?" asks a measure of its own.)
  const asksItsOwn = [...askedInQuestion].some((m) => m !== 'line');
  const headingFirst =
    statedFirst && !asksItsOwn && tokens.slice(0, questionStart).every((t, i) => used.has(i) || /^20\d\d$/.test(t) || /^(s|a|for|och|i|per)$/.test(t));
  if (
    statedFirst &&
    !headingFirst &&
    ([...askedInQuestion].some((m) => m !== 'line' || contrasted || amountAsked) ||
      columns.some((k) => (firstIndex(tokens.slice(questionStart, questionEnd), cuesOf(k)) ?? -1) >= 0))
  )
    measures = measures.filter((m) => askedInQuestion.has(m));
  // "Vad kostar ISA-förvaltningen 2027? Jag har förstått att den finansieras av ESF-medel …": a statement after the question asks nothing.
  else if (questionEnd < tokens.length && askedInQuestion.size > 0)
    measures = measures.filter((m) => askedInQuestion.has(m) || (cuedAt.get(m) ?? []).some((i) => i < questionEnd));
  // The order the columns were named in: "budget och prognos" asks for budget first; "… budget och prognos – vad står i prognosen?" the one asked.
  const askingTokens = tokens.slice(questionStart, questionEnd);
  const askedColumns = statedFirst ? columns.filter((k) => firstIndex(askingTokens, cuesOf(k)) !== undefined) : [];
  if (askedColumns.length > 0) columns.splice(0, columns.length, ...askedColumns);
  // "Ekonomen gick igenom budgeten – vad kostar förvaltningen i år?": a column only a statement names is not asked,
  // unless the question points back to it ("… vad var S:a kostnader i den?") or the statement only says where to look ("I budgeten för 2026, …").
  else if (
    statedFirst &&
    askedInQuestion.size > 0 &&
    !askingTokens.some((t) => /^(den|det|dess|dem|dar|it|there)$/.test(t)) &&
    !/^(i|enligt|enl|utifran|baserat|med|per|according|in)$/.test(tokens[0] ?? '') &&
    // "Inte prognosen, utan det som budgeterades: vad …?": a statement that says which column is meant.
    !tokens.slice(0, questionStart).some((t, i) => NEGATIONS.has(t) && /^(prognos|budget|prel)/.test(tokens[i + 1] ?? ''))
  )
    columns.splice(0, columns.length);
  columns.sort((a, b) => (firstIndex(tokens, cuesOf(a)) ?? 0) - (firstIndex(tokens, cuesOf(b)) ?? 0));
  // "hur mycket har prognosen justerats jämfört med budgeten?": a change is counted from the column compared with ("budget mot prognos" is from the first).
  const comparedWith = (k: ColumnKind) => /^(med|fran|relativt|an|than)$/.test(tokens[(firstIndex(tokens, cuesOf(k)) ?? 0) - 1] ?? '');
  // "… har prognosen justerats jämfört med budgeten?": a revision between the two columns is their difference ("har beslutsutrymmet justerats?" names no second).
  const revised = columns.length === 2 && tokens.some((t) => /^(justerats|justeringen)$/.test(t));
  if ((difference || revised) && columns.length === 2 && comparedWith(columns[1] as ColumnKind) && !comparedWith(columns[0] as ColumnKind)) columns.reverse();

  // "Över-/underskott", written "Över- underskott": the table's one heading, not "över" something.
  tokens.forEach((t, i) => {
    if (t === 'over' && tokens[i + 1] === 'underskott') used.add(i);
  });
  // "ISA-förvaltningen oräknad": what precedes a negation written after names no subject either.
  tokens.forEach((t, i) => {
    if (NEGATIONS_AFTER.test(t)) for (let j = Math.max(0, i - 2); j <= i; j += 1) used.add(j);
  });
  // "Förvaltning, inte ISA", "exklusive kansliet": what follows a negation names no subject.
  tokens.forEach((t, i) => {
    if (NEGATIONS.has(t)) for (let j = i + 1; j <= i + 2 && j < tokens.length; j += 1) used.add(j);
  });
  if (amount !== undefined && statedFirst && !phrasing.grants && !measures.includes('whatIf') && onlyStated(lower)) amount = undefined;
  // "om vi beviljar 2027 tkr": with something granted, the year-like number is the amount.
  if (yearOrAmount && amount === undefined && measures.includes('whatIf')) {
    amount = yearOrAmount.amount;
    years.delete(yearOrAmount.year);
  }
  // "hur mycket har vi i prognosen för 2026 efter överföringen från 2025?": what follows "efter" qualifies the figure asked.
  tokens.forEach((t, i) => {
    if (t !== 'efter' || measures.length < 2) return;
    const after = (k: number) => k > i && k <= i + 2;
    const qualifier = measures.filter((m) => (cuedAt.get(m) ?? []).length > 0 && (cuedAt.get(m) ?? []).every(after));
    if (qualifier.length === 0 || qualifier.length === measures.length) return;
    measures = measures.filter((m) => !qualifier.includes(m));
    const from = tokens.slice(i + 1, i + 5).findIndex((u, k) => u === 'fran' && /^20\d\d$/.test(tokens[i + 2 + k] ?? ''));
    if (from >= 0 && years.size > 1) years.delete(Number(tokens[i + 2 + from]));
  });
  // "Hur länge har X pågått, när startade den?": a duration so far, asked with a start verb, is the start.
  // ("Hur länge pågår X som startade 2021?" asks the end.)
  if (
    measures.includes('startDate') &&
    measures.includes('endDate') &&
    tokens.some((t) => /^(pagatt|hallit|varit|funnits)$/.test(t)) &&
    !tokens.some((t) => /^(slutar|slut|slutdatum|avslutas|upphor|ends?|sista|till)$/.test(t))
  )
    measures = measures.filter((m) => m !== 'endDate');
  // "har den ändrats sedan 2024?": from that year to this one.
  if (
    difference &&
    years.size === 1 &&
    tokens.some((t, i) => /^(sedan|sen|since)$/.test(t) && tokens[i + 1] === String([...years][0])) &&
    !years.has(currentYear)
  )
    years.add(currentYear);
  // "om styrelsen säger ja till en ansökan på 1,2 miljoner": an amount granted on a condition asks what is left.
  if (phrasing.grants && amount !== undefined && !measures.includes('whatIf')) measures = ['whatIf', ...measures];
  // "hur mycket av det är förvaltning, i procent?": a line's share of the total just shown.
  if (
    !measures.includes('share') &&
    tokens.some((t) => /^(procent|procentuellt|percent)$/.test(t)) &&
    tokens.some((t, i) => t === 'av' && /^(det|dem|dessa)$/.test(tokens[i + 1] ?? ''))
  )
    measures = ['share', ...measures];
  const order = measures.includes('ranking') ? rankingOrder(tokens) : undefined;
  const countWord = tokens.find((t) => NUMBER_WORDS[t] !== undefined);
  const count = order ? (countWord ? NUMBER_WORDS[countWord] : numericCount(tokens)) : undefined;
  if (countWord) used.add(tokens.indexOf(countWord));
  // ("okej, men förra året då?": a word of assent before it opens nothing.)
  const first = tokens.find((t) => !/^(okej|ok|okay|aha|jaha|jasa|tack|toppen|precis)$/.test(t));
  const opens = (t: string | undefined) => t !== undefined && FOLLOW_UP_OPENERS.some((p) => p.length === 1 && p[0] === t);
  // ("Ersättare för Håbo här, och 2028?": the question after a statement opens like a follow-up.)
  const opener = opens(first) || (statedFirst && opens(tokens[questionStart]));
  // "Tierps ersättare här – samma fråga för Min framtid": the last question, of another subject.
  const sameQuestion = exactPhrase(tokens, ['samma', 'fraga'], used) ?? exactPhrase(tokens, ['samma', 'sak'], used);
  sameQuestion?.forEach((i) => used.add(i));
  const followUpOpener =
    opener || sameQuestion !== undefined || /^\s*(jämfört|jamfort|jämför|jamfor|skillnaden|mot|(jag )?(menar|menade))\b/.test(normalize(text));
  return {
    tokens,
    capitalised,
    used,
    severalAmounts: amounts.several === true && amount !== undefined,
    measures,
    columns,
    years: [...years].sort((a, b) => a - b),
    ...(amount !== undefined ? { amount } : {}),
    ...(order ? { order } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(yearShift !== undefined ? { yearShift } : {}),
    ...bareNumberOf(tokens),
    explain,
    questionStart,
    contextEnd: Math.max(statedFirst && !headingFirst ? questionStart : 0, corrected ?? 0),
    aside: asideTokens(withoutAmounts),
    inPercent: measures.length === 0 && tokens.length <= 4 && tokens.some((t) => /^(procent|procentuellt|percent|percentage)$/.test(t)),
    help,
    difference: difference || revised,
    changeAsked,
    followUpOpener,
    phrasing,
    measureAt: cuedAt,
  };
}

/** "… Tack på förhand! /Gun", "Mvh Per Olsson": a signature names the writer, not what is asked. */
const SIGNED_NAME = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?';
const SIGNATURES = [
  new RegExp(`\\s\\/${SIGNED_NAME}[.!\\s]*$`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:[Mm]vh|MVH|[Vv]änliga hälsningar|[Hh]älsningar)[,\\s]+${SIGNED_NAME}(?:\\s${SIGNED_NAME})?[.!\\s]*$`, 'u'),
];

function withoutSignature(question: string): string {
  return SIGNATURES.reduce((text, signature) => text.replace(signature, ''), question);
}

function bareNumberOf(tokens: readonly string[]): { bareNumber?: number } {
  const at = tokens.findIndex((t) => /^\d+$/.test(t) && !/^20\d\d$/.test(t));
  if (at < 0) return {};
  // ("och om det är 1 500?": groups of three digits after the first are one number.)
  let digits = tokens[at] as string;
  for (let i = at + 1; /^\d{3}$/.test(tokens[i] ?? '') && digits.length <= 3; i += 1) digits += tokens[i];
  return { bareNumber: Number(digits) };
}

function cuesOf(kind: ColumnKind) {
  return (COLUMN_CUES.find(([k]) => k === kind) as (typeof COLUMN_CUES)[number])[1];
}

function rankingOrder(tokens: readonly string[]): 'max' | 'min' {
  return tokens.some((t) => /^(billigast|billigaste|minst|minsta|lagst|lagsta|cheapest|smallest|least|lowest|fewest)$/.test(t)) ? 'min' : 'max';
}

function numericCount(tokens: readonly string[]): number | undefined {
  const n = tokens.find((t) => /^[1-9]$/.test(t));
  return n ? Number(n) : undefined;
}

const sortedPhrases = new WeakMap<readonly (readonly string[])[], readonly (readonly string[])[]>();
/** The lexicon's phrase lists are constants: each is sorted once. */
function longestFirst(phrases: readonly (readonly string[])[]): readonly (readonly string[])[] {
  let sorted = sortedPhrases.get(phrases);
  if (!sorted) sortedPhrases.set(phrases, (sorted = [...phrases].sort((a, b) => b.length - a.length)));
  return sorted;
}

/** Marks every occurrence of any of the phrases; true when one was found. */
function markAll(tokens: readonly string[], phrases: readonly (readonly string[])[], used: Set<number>): boolean {
  let found = false;
  for (const phrase of longestFirst(phrases)) {
    let from = 0;
    while (from < tokens.length) {
      const absolute = findPhrase(tokens, phrase, from);
      if (!absolute) break;
      if (absolute.some((i) => used.has(i))) {
        from = (absolute[0] as number) + 1;
        continue;
      }
      absolute.forEach((i) => used.add(i));
      found = true;
      from = (absolute[absolute.length - 1] as number) + 1;
    }
  }
  return found;
}

function markExact(tokens: readonly string[], phrases: readonly (readonly string[])[], used: Set<number>): boolean {
  let found = false;
  for (const phrase of phrases) {
    const hit = exactPhrase(tokens, phrase, used);
    if (hit) {
      hit.forEach((i) => used.add(i));
      found = true;
    }
  }
  return found;
}

function firstIndex(tokens: readonly string[], phrases: readonly (readonly string[])[]): number | undefined {
  const hits = phrases.map((p) => findPhrase(tokens, p)?.[0]).filter((i): i is number => i !== undefined);
  return hits.length > 0 ? Math.min(...hits) : undefined;
}
