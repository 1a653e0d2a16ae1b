import { ColumnKind } from '../../domain/ledger';
import { CLOSED_YEAR_MEASURES, FORBUND, FORBUND_MEASURES, Measure, Reading, SUBJECT_MEASURES } from '../../domain/reading';
import { COLUMN_CUES, STOP_WORDS } from './lexicon';
import { questionTokens } from './text';
import { QuestionWords } from './readQuestion';
import { SubjectEntity, SubjectMatch } from './subjects';
import { EARLIER_QUESTION, ambiguous, forbundMeasureWithSubject, unknownSubject, whichYear } from './questionsBack';
import {
  ANAPHORA,
  CHANGE_ONLY_FOR,
  CHANGING_MEASURES,
  EITHER_MEASURES,
  isYearWord,
  memberSubject,
  primaryMeasure,
  subjectOf,
  unexplainedWords,
} from './readingParts';
import type { InterpretContext, Interpretation } from './interpret';

/** Follow-ups: whether a question leans on the last reading, and the last reading with what the follow-up changes put in. */

/** Measures that are only ever the förbund's own: no subject, column or anything else to carry over once the year is said. */
const SELF_CONTAINED: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'carriedIn', 'reserveFund', 'soliditet', 'kassalikviditet', 'equity']);

/** Whether the question leans on the last one: "och 2027?", "budget då?", "Bryggan?". */
export function looksLikeFollowUp(words: QuestionWords, match: SubjectMatch): boolean {
  const named = primaryMeasure(words, match.candidates.length > 0);
  // "budget då?": a column word alone names no measure of its own.
  const measure = named === 'line' && match.candidates.length === 0 && words.columns.length > 0 ? undefined : named;
  if (words.explain || words.yearShift !== undefined || words.inPercent || words.phrasing.sameYearAsBefore) return true;
  // "hur mycket skiljer det mellan budget och prognos där?": the two columns of the last answer.
  if (
    words.difference &&
    words.columns.length > 1 &&
    words.years.length === 0 &&
    match.candidates.length === 0 &&
    !words.tokens.some((t) => /^(forbundet|forbundets|totalt|helhet|sammanlagt)$/.test(t))
  )
    return true;
  // "skillnaden mellan budget och prognos för Bryggan 2026": whole in itself, however it opens.
  if (words.columns.length > 1 && words.years.length > 0 && (match.candidates.length > 0 || measure !== undefined)) return false;
  // "beslutsutrymme 2026?": a förbund-only figure for a named year takes nothing from the last answer (and costs no read of it).
  if (named !== undefined && SELF_CONTAINED.has(named) && words.years.length > 0 && !words.followUpOpener && words.amount === undefined && !words.difference)
    return false;
  if (words.tokens[words.tokens.length - 1] === 'da' && words.tokens.length <= 4) return true;
  // ("vad får vi nästa år?" then "är det vi som får mest av alla insatser då?": the ranking of that year.)
  if (words.tokens[words.tokens.length - 1] === 'da' && words.measures.includes('ranking') && words.years.length === 0) return true;
  // "vad fick Bryggan där?": where the last answer was.
  if (words.tokens[words.tokens.length - 1] === 'dar' && words.years.length === 0) return true;
  // "hur mycket av det kommer från tidigare år?", "när slutar den?", "om vi beviljar 250 tkr?": no year, and leaning on the last answer.
  if (words.years.length === 0 && named === 'whatIf') return true;
  // "intäkterna?", "utfall förra året?", "förbrukningsgrad 2025?" right after another answer: only the measure changes.
  const said = words.tokens.filter((t, i) => !STOP_WORDS.has(t) && !/^\d+$/.test(t) && !(words.years.length > 0 && isYearWord(words, i)));
  if (
    named !== undefined &&
    match.candidates.length === 0 &&
    said.length <= 2 &&
    !words.tokens.some((t) => /^(forbundet|forbundets|totalt|alla|samtliga)$/.test(t))
  )
    return true;
  // "RegExPro utfall 2025" then "förbrukningsgrad mot beviljad budget?": a measure of the insats just asked about, said with its qualifiers.
  if (
    named !== undefined &&
    EITHER_MEASURES.has(named) &&
    match.candidates.length === 0 &&
    words.years.length === 0 &&
    unexplainedWords(words, match).every((t) => /^(mot|an|med|beviljad|beviljade|justerad|justerade|blev|forhallande|relation)$/.test(t)) &&
    !words.tokens.some((t) => /^(forbundet|forbundets|totalt|alla|samtliga)$/.test(t))
  )
    return true;
  // "andel av kostnaderna?" right after an insats: its share; "hur stor andel av dem går till Bryggan?": of the total just shown.
  if (words.measures.includes('share') && (match.candidates.length === 0 || words.tokens.some((t) => ANAPHORA.has(t)))) return true;
  // "när slutar den?", "hur mycket av det kom från Bryggan?": the last answer is referred to, and nothing unknown is asked.
  const refers = words.tokens.some((t) => ANAPHORA.has(t));
  if (refers && (match.candidates.length === 0 || named === undefined) && unexplainedWords(words, match).length === 0) return true;
  // "Samordnat stöd för arbete och studier" in answer to "Menade du …?": every word of the name is the name.
  const nameWords = new Set(match.candidates.flatMap((c) => questionTokens(c.name)));
  const unexplained = words.tokens.filter((t, i) => !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t) && !nameWords.has(t));
  // ("Förstärkt stöd menar jag, inte lokussamordnaren": a correction of the last question.)
  if (words.followUpOpener || words.tokens.some((t) => t === 'menar' || t === 'menade')) return true;
  // A fragment that names only a year, a column or a subject: "2027?", "budget då?", "Bryggan?".
  return (
    measure === undefined && unexplained.length === 0 && (words.years.length > 0 || words.columns.length > 0 || match.candidates.length > 0 || words.difference)
  );
}

/** "i procent?" after a figure: what it is as a share. */
const PERCENT_OF: Partial<Record<Measure, Measure>> = { actual: 'utilisation', line: 'share' };

export function mergeFollowUp(
  words: QuestionWords,
  match: SubjectMatch,
  found: readonly SubjectEntity[],
  named: Measure | undefined,
  previous: Reading,
  ctx: InterpretContext,
): Interpretation {
  if (
    words.tokens.some(
      (t, i) => /^(fragade|fragat|fragan)$/.test(t) && words.tokens.slice(i + 1, i + 4).some((p) => /^(forst|tidigare|innan|forut|borjan)$/.test(p)),
    )
  )
    return EARLIER_QUESTION;
  // "Kan du visa hur beslutsutrymmet räknades fram?", "soliditeten samma år som resultatet?" after a fee: the year was another answer's.
  // (Not when the last answer was of this year, the year the measure is read for anyway, nor when "samma år som" names the last measure.)
  const otherFamily = named !== undefined && named !== previous.measure && !(LEDGER_MEASURES.has(named) && LEDGER_MEASURES.has(previous.measure));
  // An explanation takes the last year when it suits the measure (soliditet 2024, then "hur räknades resultatet?"), not a
  // closed year for the beslutsutrymme after a fee of 2025, nor 2027 for a förbrukningsgrad.
  const year = previous.years.length === 1 ? (previous.years[0] as number) : undefined;
  const unsuited =
    year !== undefined &&
    (TABLE_YEAR_MEASURES.has(named as Measure) ? year < ctx.currentYear : CLOSED_YEAR_MEASURES.has(named as Measure) && year >= ctx.currentYear);
  if (
    otherFamily &&
    year !== undefined &&
    year !== ctx.currentYear &&
    ((words.explain && words.years.length === 0 && unsuited) ||
      (words.phrasing.sameYearAsBefore && words.measures.length > 1 && !words.measures.includes(previous.measure)))
  )
    return whichYear(named, ctx, words.explain);
  // "hur stor andel av kostnaderna är det?": a share of the subject asked about before.
  // ("hur stor del av budgeten förbrukade de 2025?": a share of its own budget used is the förbrukningsgrad.)
  // ("hur mycket gjorde vi av med 2025?" then "hur många procent av budgeten blev det?": the utfall as a share of its budget.)
  // ("… av förbundets totala budget?", "… av insatsernas budget?" is a share of another whole.)
  const ofItsBudget =
    previous.measure === 'actual' &&
    words.tokens.some((t) => /^budget/.test(t)) &&
    !words.tokens.some((t) => /^(forbundets|totala|insatsernas|alla|samtliga)$/.test(t)) &&
    (words.measures.includes('share') || words.inPercent);
  const shareOfPrevious = words.measures.includes('share') && named !== 'utilisation' && !ofItsBudget && (found.length > 0 || previous.subject.kind === 'line');
  // "Soliditet 2025?" then "och vad ligger den på för 2026?", "förbrukningsgrad 2025" then "var ligger Bryggan?": where a figure lies asks for the same figure.
  const whereItLies = (words.measureAt.get('line') ?? []).every((i) => /^(ligger|landar|hamnar)$/.test(words.tokens[i] ?? ''));
  // ("och vad kostar allt det året?": everything the förbund spends.)
  const everything = named === 'line' && found.length === 0 && words.tokens.some((t) => /^(allt|alltihop|alltsammans)$/.test(t));
  const measure = everything
    ? 'costs'
    : ofItsBudget
      ? 'utilisation'
      : shareOfPrevious
        ? 'share'
        : named === 'line' && ((found.length === 0 && words.columns.length > 0) || whereItLies)
          ? undefined
          : named;
  // The answer to "Menade du …?": the name or owner now given picks one of the candidates asked about.
  const previousName = previous.subject.kind === 'line' ? previous.subject.name.replace(/ \(.*\)$/, '') : undefined;
  // "lokussamordnaren i Älvkarleby" then "och den i Uppsala?": the one named like the last.
  // ("vad kostar förvaltningen?" then "och ISA-delen?": the one whose name goes on from the last.)
  const sameName =
    found.length > 1 && previousName ? found.filter((c) => c.name === previousName).concat(found.filter((c) => c.name.startsWith(`${previousName} `))) : [];
  // "Förstärkt stöd i Älvkarleby" then "och deras lokussamordnare?": the one of the same owner.
  // ("hur många insatser har Uppsala kommun?" then "och vad kostar deras lokussamordnare?": Uppsala's.)
  const previousOwner =
    previous.subject.kind === 'line' ? /\(([^)]+)\)$/.exec(previous.subject.name)?.[1] : previous.subject.kind === 'owner' ? previous.subject.owner : undefined;
  const sameOwner =
    found.length > 1 && previousOwner && words.tokens.some((t) => /^(deras|dess|dar|their|its|there)$/.test(t))
      ? found.filter((c) => c.owner === previousOwner)
      : [];
  const picked = previous.candidates ? found.filter((c) => previous.candidates?.includes(c.id)) : sameName.length > 0 ? sameName : sameOwner;
  const candidates = picked.length > 0 ? picked : found;
  // "hur mycket har Växtkraft förbrukat?" then "i procent?": the förbrukningsgrad; a line's share of the costs.
  const asPercent = words.inPercent && measure === undefined ? PERCENT_OF[previous.measure] : undefined;
  // ("hur stor del av insatspengarna användes 2025?" then "hur mycket var det i kronor då?": the utfall behind the share.)
  const inKronor =
    measure === undefined && previous.measure === 'utilisation' && words.tokens.some((t, i) => /^(kronor|kr|tkr)$/.test(t) && words.tokens[i - 1] === 'i');
  let nextMeasure = asPercent ?? (inKronor ? 'actual' : undefined) ?? measure ?? previous.measure;
  // "beslutsutrymme 2027" then "vi tänker söka 950 tkr det året, vad blir kvar?": an amount beside what is left asks what would be.
  if (nextMeasure === 'remaining' && words.amount !== undefined) nextMeasure = 'whatIf';
  // ("när slutar Registerstudien?" then "hur mycket har den i år?": an amount asked after a period is the insats's money.)
  if (
    measure === undefined &&
    (previous.measure === 'endDate' || previous.measure === 'startDate') &&
    words.tokens.some((t, k) => t === 'hur' && words.tokens[k + 1] === 'mycket')
  )
    nextMeasure = 'line';
  // "förbrukningsgrad Samordnat stöd 2025" then "och hur mycket har de 2027?": money for a year that has no utfall yet is its budget.
  if (
    measure === undefined &&
    CLOSED_YEAR_MEASURES.has(previous.measure) &&
    previous.subject.kind === 'line' &&
    words.years.length > 0 &&
    words.years.every((y) => y > ctx.currentYear) &&
    words.tokens.some((t, k) => t === 'hur' && words.tokens[k + 1] === 'mycket')
  )
    nextMeasure = 'line';
  if (nextMeasure === 'membershipFee') {
    const member = memberSubject(words, match);
    // "och alla medlemmar totalt?": the total, not the member asked about before.
    // ("och alla kommuner?", "regionen och kommunerna tillsammans?": a part of the members, which no card sums.)
    const total =
      words.tokens.some((t) => /^(totalt|sammanlagt|alla|samtliga|tillsammans)$/.test(t)) &&
      !words.tokens.some((t) => /^(kommuner|kommunerna|regionen|staten|fk|af)$/.test(t));
    return followUpReading(
      words,
      {
        ...previous,
        measure: nextMeasure,
        // ("Medlemsavgift Knivsta 2025" then "och vad betalar kommunen 2024?": the kommun just named.)
        subject:
          previous.subject.kind === 'member' && !total && (member.kind === 'forbund' || (member.kind === 'member' && member.words.join(' ') === 'kommunen'))
            ? previous.subject
            : member,
      },
      measure,
      ctx.currentYear,
    );
  }
  if (previous.measure === 'initiativesOfOwner' && measure === undefined && match.owners.length === 1) {
    return followUpReading(words, { ...previous, subject: { kind: 'owner', owner: match.owners[0] as string } }, measure, ctx.currentYear);
  }
  if (candidates.length > 1) return ambiguous(candidates, nextMeasure, words, ctx, previous.years);
  // "utfall Växtkraft 2025" then "alla insatser totalt": the insatser together are the förbund's utfall.
  const together = candidates.length === 1 && candidates[0]?.id === 'samverkansinsatser' && EITHER_MEASURES.has(measure ?? previous.measure);
  const newSubject = candidates[0] && !together ? subjectOf(candidates[0]) : undefined;
  // "och för hela förbundet?": the förbund named in place of the insats.
  const wholeForbund = words.tokens.some((t) => /^(forbundet|forbundets|totalt|sammanlagt|alla)$/.test(t));
  let subject = together
    ? FORBUND
    : (newSubject ?? (wholeForbund || (measure && FORBUND_MEASURES.has(measure) && !EITHER_MEASURES.has(measure)) ? FORBUND : previous.subject));
  // "förbrukningsgrad Bryggan 2025" then "och budgeten 2026?": a column asks for the ledger again.
  if (measure === undefined && words.columns.length > 0 && !LEDGER_MEASURES.has(previous.measure)) nextMeasure = subject.kind === 'line' ? 'line' : 'remaining';
  // "vilken insats är minst 2027?" then "hur mycket har den?": the insats that came first.
  if (
    LIST_MEASURES.has(previous.measure) &&
    measure === undefined &&
    newSubject === undefined &&
    previous.subject.kind === 'line' &&
    words.tokens.some((t) => ANAPHORA.has(t))
  ) {
    nextMeasure = 'line';
  } else if (LIST_MEASURES.has(nextMeasure) && newSubject === undefined) subject = FORBUND;
  // "och om vi beviljar 500 tkr till Bryggan?": the insats named is where the grant goes; what is left is the förbund's.
  if (subject.kind === 'line' && nextMeasure === 'whatIf') subject = FORBUND;
  if (subject.kind === 'line' && FORBUND_MEASURES.has(nextMeasure) && !EITHER_MEASURES.has(nextMeasure)) {
    if (measure === undefined || measure === 'costs' || measure === 'income') nextMeasure = 'line';
    else return forbundMeasureWithSubject(nextMeasure, candidates, words);
  }
  if (subject.kind === 'forbund' && SUBJECT_MEASURES.has(nextMeasure)) {
    if (newSubject === undefined && previous.subject.kind === 'line') subject = previous.subject;
    else return unknownSubject(words, nextMeasure);
  }
  if (subject.kind !== 'forbund' && subject.kind !== 'line' && nextMeasure !== 'initiativesOfOwner') subject = FORBUND;
  const { candidates: _pending, ...rest } = previous;
  return followUpReading(words, { ...rest, measure: nextMeasure, subject }, measure, ctx.currentYear);
}

/** Measures whose years are the table's (this year on). */
const TABLE_YEAR_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'remainingAfterApplications', 'carriedIn', 'whatIf']);

/** Measures that list insatser: their stored subject is the first of the list, for "och hur mycket får den?". */
const LIST_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['ranking', 'fundedInitiatives', 'endingInitiatives']);

/** Measures answered from the ledger table, where a column means something. */
const LEDGER_MEASURES: ReadonlySet<Measure> = new Set<Measure>([
  'remaining',
  'remainingAfterApplications',
  'carriedIn',
  'result',
  'income',
  'costs',
  'line',
  'whatIf',
  'share',
  'ranking',
  'fundedInitiatives',
]);

/** The table's totals: a column named for one holds for the next asked alone. */
const TABLE_TOTALS: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'result', 'income', 'costs']);

/** The last reading with what the follow-up said put in: years, a column to read or to compare with, an amount. */
function followUpReading(words: QuestionWords, next: Reading, measure: Measure | undefined, currentYear: number): Interpretation {
  const shifted = words.yearShift !== undefined ? next.years.map((y) => y + (words.yearShift as number)) : undefined;
  const years = words.years.length > 0 ? words.years : (shifted ?? next.years);
  // "skillnaden mellan budget och prognos?" after an insats: both columns named, the first is the one compared from.
  // ("… för dem i år?": one year named with them.)
  if (words.columns.length > 1 && words.years.length <= 1) {
    // "minskar prognosen jämfört med budgeten?": the column compared with is the base.
    const against = words.tokens.findIndex((t) => /^(jamfort|jamfor|mot|an|vs|versus)$/.test(t));
    const baseLast = against >= 0 && words.tokens.slice(against + 1, against + 3).some((t) => namesColumn(t, words.columns[1] as ColumnKind));
    const [from, to] = (baseLast ? [words.columns[1], words.columns[0]] : words.columns) as [ColumnKind, ColumnKind];
    const reading = { ...withoutColumns(next), years, column: from, compareWith: to };
    return { kind: 'reading', reading: { ...reading, ...(words.difference ? { difference: true } : {}) } };
  }
  const comparing = words.columns.length > 0 && /^(jamfort|jamfor|mot|an|vs|versus)$/.test(words.tokens[0] ?? '') ? words.columns[0] : undefined;
  const { column: previousColumn, compareWith: _c, difference: _d, ...base } = next;
  // "jämfört med budget?": the budget is what is asked now; what was shown before stands beside it.
  // "prognos eller budget, vad står i budgeten?": the column named last is the one asked for.
  // ("intäkter 2026 budget" then "och kostnaderna?": the budget still. Not "och vad blev det faktiska resultatet?",
  // nor "och hur mycket har Heby fått?" after "vår budget", where the word may only mean the money.)
  const totalAlone = measure !== undefined && TABLE_TOTALS.has(measure) && words.tokens.every((t, i) => words.used.has(i) || STOP_WORDS.has(t));
  const keepsColumn = words.years.length === 0 && (!measure || totalAlone);
  const column = comparing ?? words.columns[words.columns.length - 1] ?? (keepsColumn ? previousColumn : undefined);
  const compareWith = comparing ? (previousColumn ?? (comparing === 'forecast' ? 'budget' : 'forecast')) : undefined;
  // "skillnaden mellan 2026 och 2027" then "och mellan 2027 och 2028?": still a change.
  const difference = words.difference || (next.difference === true && words.years.length > 1);
  if (difference && !CHANGING_MEASURES.has(base.measure)) return { kind: 'notUnderstood', message: CHANGE_ONLY_FOR };
  // "Hebys insats budget 2026" then "hur mycket skiljer det mot prognosen?": from the column shown to the one named.
  const namedColumn = words.columns[0];
  if (difference && words.years.length === 0 && words.columns.length === 1 && next.years.length === 1 && namedColumn !== undefined) {
    // (Budget and prognos are compared from the budget, whichever was named: "skillnaden mot budgeten" after the prognos too.)
    const shown = previousColumn ?? (namedColumn === 'budget' ? 'forecast' : 'budget');
    const pair = [shown, namedColumn].sort((a, b) => (a === 'budget' ? -1 : b === 'budget' ? 1 : 0)) as [ColumnKind, ColumnKind];
    if (shown !== namedColumn) return { kind: 'reading', reading: { ...base, column: pair[0], compareWith: pair[1], difference: true } };
  }
  // "RegExPro 2027", "och 2028?", "hur stor är minskningen?": from the year the last follow-up replaced.
  // ("resultatet 2025", "och prognosen för i år?", "hur stor är skillnaden?": the year changed last, so the years.)
  const { yearsBefore, columnBefore, yearImplied, ...rest } = base;
  if (difference && words.years.length === 0 && next.years.length === 1 && yearsBefore?.length === 1 && yearsBefore[0] !== next.years[0]) {
    // ("Förvaltning budget 2026", "och prognos 2027?", "skillnaden?": the budget of one year against another year's estimate,
    // which no card subtracts; the latest estimates of the two years, "prognos 2026" then "prel 2027", it does.)
    // (From next year on the budget is the only, preliminary, column.)
    if ((columnBefore === 'budget' && yearsBefore[0] === currentYear) || (previousColumn === 'budget' && next.years[0] === currentYear))
      return {
        kind: 'notUnderstood',
        message: 'Jag jämför två år i samma kolumn, eller budget och prognos för samma år. Fråga till exempel "skillnaden i budget mellan 2026 och 2027".',
      };
    return { kind: 'reading', reading: { ...rest, years: [...yearsBefore, ...next.years].sort((a, b) => a - b), difference: true } };
  }
  // "… enligt budget?", "Och i prognosen?", "Hur stor är skillnaden?": the change between the two columns of that year.
  if (
    difference &&
    words.tokens.some((t) => /^(skillnaden|skillnad|diff|differens|differensen|difference)$/.test(t)) &&
    words.years.length === 0 &&
    words.columns.length === 0 &&
    next.years.length === 1 &&
    (previousColumn === 'budget' || previousColumn === 'forecast')
  )
    return { kind: 'reading', reading: { ...base, column: 'budget', compareWith: 'forecast', difference: true } };
  // "och nästa år?": the year replaced is kept, for "hur stor är minskningen?" next.
  const replacesYear = !difference && next.years.length === 1 && words.years.length === 1 && words.years[0] !== next.years[0];
  return {
    kind: 'reading',
    reading: {
      ...rest,
      // ("hur mycket har de rekvirerat hittills i år?": the year named, not the latest year that has utfall.)
      ...(yearImplied && words.years.length === 0 && shifted === undefined ? { yearImplied } : {}),
      ...(replacesYear ? { yearsBefore: next.years, ...(previousColumn ? { columnBefore: previousColumn } : {}) } : {}),
      years: difference && years.length < 2 ? [...new Set([...next.years, ...years])].sort((a, b) => a - b) : years,
      ...(column ? { column } : {}),
      ...(compareWith && compareWith !== column ? { compareWith } : {}),
      ...(difference ? { difference: true } : {}),
      ...(amountOf(words, next) !== undefined ? { amount: amountOf(words, next) } : {}),
      ...(words.order ? { order: words.order } : {}),
    },
  };
}

/** A word the lexicon reads as that column ("budgeten", "prog", "prel"). */
const namesColumn = (word: string, kind: ColumnKind) => COLUMN_CUES.some(([k, phrases]) => k === kind && phrases.some((p) => p.length === 1 && p[0] === word));

function withoutColumns(reading: Reading): Reading {
  const { column: _c, compareWith: _w, difference: _d, yearsBefore: _y, columnBefore: _b, ...rest } = reading;
  return rest;
}

/** "och om det är 900?" after a what-if in tkr: a bare number in the unit of the last amount. */
function amountOf(words: QuestionWords, next: Reading): number | undefined {
  if (words.amount !== undefined) return words.amount;
  if (next.measure === 'whatIf' && words.bareNumber !== undefined) return words.bareNumber < 100_000 ? words.bareNumber * 1000 : words.bareNumber;
  return next.amount;
}
