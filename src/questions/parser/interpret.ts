import { ColumnKind } from '../../domain/ledger';
import { FORBUND, FORBUND_MEASURES, Measure, Reading, SUBJECT_MEASURES, Subject } from '../../domain/reading';
import { MINE_CUES, NEGATIONS, OVERVIEW_WORDS, STOP_WORDS } from './lexicon';
import { outsideTheData } from './outsideTheData';
import { Meaning, meaningOf } from './meanings';
import { QuestionWords } from './readQuestion';
import { SubjectEntity, SubjectMatch } from './subjects';
import { findPhrase } from './text';
import { coordinatedMeasures, describesOneInsats, namesAnotherInsats, twoMeasures, unknownNames, usedOrShare } from './questionShapes';
import {
  EARLIER_QUESTION,
  MEASURE_WORDS,
  ambiguous,
  bareLeftOver,
  bareSurplus,
  budgetWithoutSubject,
  forbundMeasureWithSubject,
  isBareLeftOver,
  isBareSurplus,
  unknownSubject,
  whichYear,
} from './questionsBack';

/** A button on a "Menade du …?" card: its label and the question it asks. */
export interface ClarifyOption {
  readonly label: string;
  readonly question: string;
}

export type Interpretation =
  | { readonly kind: 'reading'; readonly reading: Reading }
  | { readonly kind: 'clarify'; readonly message: string; readonly options: readonly ClarifyOption[]; readonly pending?: Reading }
  | { readonly kind: 'notUnderstood'; readonly message?: string }
  | { readonly kind: 'meaning'; readonly meaning: Meaning };

export interface InterpretContext {
  readonly currentYear: number;
  /** The insatser the asking insatsansvarig answers for: "min insats", "vi". */
  readonly ownInitiatives: readonly SubjectEntity[];
  /** The last reading of this conversation, for follow-ups. */
  readonly previous?: Reading;
}

/** Measures whose subject is an insats or line, or the förbund as a whole. */
const EITHER_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['utilisation', 'actual', 'unused']);

/**
 * Turns the words and the subjects found into one typed reading, or a question back.
 * Rule: when an insats or line is named the answer is about it; a förbund figure is
 * never given for a question that names one.
 */
export function interpret(asked: QuestionWords, match: SubjectMatch, ctx: InterpretContext): Interpretation {
  const words = asked.phrasing.sameYearAsBefore && asked.years.length === 0 && ctx.previous ? { ...asked, years: ctx.previous.years } : asked;
  if (words.phrasing.sameYearAsBefore && words.years.length === 0)
    return {
      kind: 'notUnderstood',
      message: 'Vilket år menar du? Jag har ingen tidigare fråga i den här konversationen; skriv året, till exempel "vad kostar Bryggan 2027?".',
    };
  // "vad betyder förbrukningsgrad?": the word explained, and its figure one click away.
  if (words.phrasing.asksWhatItMeans && !asksForTheFigureToo(words)) return { kind: 'meaning', meaning: meaningOf(words.measures[0]) };
  const outside = outsideTheData(words);
  if (outside) return { kind: 'notUnderstood', message: outside };
  // "vad kostar den det sista året?": the year is the insats's own, which the words do not give.
  if (words.years.length === 0 && words.tokens.some((t, i) => /^(sista|forsta|last|first)$/.test(t) && /^(aret|ar|year)$/.test(words.tokens[i + 1] ?? '')))
    return { kind: 'notUnderstood', message: 'Vilket år menar du? Skriv året, till exempel "vad kostar RegExPro 2028?".' };
  // "om styrelsen beviljar Bryggans ansökan, vad blir kvar?": a grant without an amount I can read is no figure.
  // "om vi beviljar 40 nästa år": 40 kronor, tkr or mkr? A bare number is an amount only after a what-if in tkr.
  if (
    words.measures.includes('whatIf') &&
    words.amount === undefined &&
    (words.bareNumber === undefined || ctx.previous?.measure !== 'whatIf') &&
    words.phrasing.grants
  )
    return {
      kind: 'notUnderstood',
      message: 'Hur mycket gäller det? Skriv beloppet med siffror och enhet, till exempel "om vi beviljar 500 tkr 2027, vad blir kvar?".',
    };
  // "Vi funderar på att söka … Hur stort är beslutsutrymmet?": a "vi" in a statement before the question is no "vår insats".
  // "förbundets totala kostnader, inte bara vår del": a "vår" after "inte" is not what is asked.
  const affirmed = words.tokens.map((t, i) => (words.tokens.slice(Math.max(0, i - 2), i).some((n) => NEGATIONS.has(n)) ? '' : t));
  const mine = ctx.ownInitiatives.length > 0 && MINE_CUES.some((p) => findPhrase(affirmed.slice(words.contextEnd), p));
  // "de tre största insatserna": in a list or a ranking, "insatserna" names no line of its own.
  const listing = words.measures.some((m) => m === 'ranking' || m === 'fundedInitiatives' || m === 'endingInitiatives');
  let candidates = listing ? match.candidates.filter((c) => c.id !== 'samverkansinsatser') : match.candidates;
  // An insatsansvarig asking about utfall, förbrukningsgrad or a budget line without naming one means their own.
  const ownDefault =
    ctx.ownInitiatives.length === 1 &&
    !words.tokens.some((t) => /^(forbundet|forbundets|totalt|alla|samtliga|sammanlagt)$/.test(t)) &&
    words.measures.some((m) => m === 'utilisation' || m === 'actual' || m === 'unused');
  // "Vilken insats får mest pengar i år? Är det vi?": a ranking is over every insats, whoever asks.
  if (candidates.length === 0 && (mine || ownDefault) && !words.measures.includes('ranking')) candidates = ctx.ownInitiatives;

  // "Hur mycket får Ung Framtid?": a name written beside the words of one of ours is another name, not ours.
  if (match.byName && namesAnotherInsats(words, match))
    return {
      kind: 'notUnderstood',
      message: 'Jag känner inte igen det namnet bland förbundets insatser. Fråga "vilka insatser finansieras i år?" för att se namnen.',
    };
  // "Intäkter och kostnader 2027?", "budget och utfall för Bryggan 2025": two figures asked; ask which first.
  const coordinated = coordinatedMeasures(words) ?? usedOrShare(words);
  if (coordinated) return twoMeasures(coordinated, words, ctx);
  const measure0 = primaryMeasure(words, candidates.length > 0);
  // "förbrukningsgrad 2026" after "förbrukningsgrad Växtkraft": the measure said again in full is a new question.
  const restated =
    ctx.previous &&
    measure0 !== 'line' &&
    measure0 === ctx.previous.measure &&
    !words.followUpOpener &&
    !words.explain &&
    !words.tokens.some((t) => ANAPHORA.has(t)) &&
    // "Vilken insats får minst 2028?" then "Vilken får mest?": only the order changes, the year stays.
    !(measure0 === 'ranking' && words.years.length === 0 && match.candidates.length === 0);
  const followUp = ctx.previous && !restated && looksLikeFollowUp(words, match);
  if (followUp && ctx.previous) return mergeFollowUp(words, match, candidates, measure0, ctx.previous, ctx);

  // "vad har Enköpings kommun för total budget?": the kommun's own budget, which the förbund's data does not hold.
  if (
    !match.byName &&
    match.owners.length > 0 &&
    !words.tokens.some((t) => INSATS_WORDS.test(t)) &&
    words.tokens.some((t) => /^(kommun|kommuns|kommunen|kommunens|region|regionen|regionens)$/.test(t)) &&
    words.tokens.some((t) => /^(total|totala|totalt|hela)$/.test(t))
  )
    return {
      kind: 'notUnderstood',
      message: `Jag har förbundets siffror, inte ${match.owners[0]}s egen budget. Fråga om insatsen, till exempel "${match.owners[0]}s insats ${ctx.currentYear}".`,
    };
  // "Jag jobbar på Knivsta kommun. Hur mycket får vårt projekt nästa år?": "vårt" is the insats of the kommun the statement names.
  const ourOwnersInsats =
    words.contextEnd > 0 &&
    match.owners.length === 1 &&
    candidates.length > 0 &&
    affirmed.some((t, i) => i >= words.contextEnd && /^(var|vart|vara|our)$/.test(t) && INSATS_WORDS.test(affirmed[i + 1] ?? ''));
  if (
    !ourOwnersInsats &&
    !match.byName &&
    match.owners.length > 0 &&
    (measure0 === undefined || measure0 === 'line') &&
    (unexplainedWords(words, match).length > 0 || (measure0 === undefined && !mentionsInsats(words)))
  ) {
    // "hur många invånare har Knivsta?": a kommun named alone is not a question about its insats.
    return { kind: 'notUnderstood' };
  }
  if (measure0 === undefined && candidates.length === 0) {
    // "hur ser ekonomin ut?", "läget 2027?": the table's bottom line.
    // "hur mycket pengar har förbundet?": what is left to grant, or what it owns? Ask.
    if (words.tokens.includes('pengar') && words.tokens.includes('har') && !words.tokens.includes('kvar'))
      return {
        kind: 'clarify',
        message: 'Menar du hur mycket styrelsen har kvar att besluta om, eller förbundets eget kapital?',
        options: [
          { label: `Beslutsutrymme ${words.years[0] ?? ctx.currentYear}`, question: `beslutsutrymme ${words.years[0] ?? ctx.currentYear}` },
          { label: 'Eget kapital 2025', question: 'eget kapital 2025' },
        ],
      };
    if (words.tokens.some((t) => OVERVIEW_WORDS.has(t))) return reading({ measure: 'remaining', subject: FORBUND }, words, ctx);
    return { kind: 'notUnderstood' };
  }
  // "vad blir prognosen för 2026?": the table's own bottom line is the beslutsutrymme.
  if (
    measure0 === 'line' &&
    candidates.length === 0 &&
    words.columns.length > 0 &&
    !words.tokens.some((t) => t.startsWith('budget')) &&
    unexplainedWords(words, match).length === 0
  )
    return reading({ measure: 'remaining', subject: FORBUND }, words, ctx);
  // "överskottet 2026?": the year's result, or the surplus carried in? Ask.
  if (measure0 === 'result' && candidates.length === 0 && isBareSurplus(words)) return bareSurplus(words, ctx);
  if (measure0 === 'unused' && candidates.length === 0 && isBareLeftOver(words)) return bareLeftOver(words, ctx);
  // "när går registerstudien ut?": a when-question about an insats asks for its period.
  let measure: Measure = measure0 ?? ((words.tokens.includes('nar') || words.tokens.includes('when')) && candidates.length > 0 ? 'endDate' : 'line');
  // "vad kostar hela förbundet nästa år": the förbund's own costs.
  if (
    measure === 'line' &&
    candidates.length === 0 &&
    words.tokens.some((t) => /^(forbundet|forbundets|totalt|sammanlagt|allt|alltihop|verksamheten|verksamhetens)$/.test(t)) &&
    // "förbundets budget 2027" could be its income, its costs or what is left: asked back below.
    !words.tokens.some((t) => t.startsWith('budget'))
  )
    measure = words.measures.includes('income') ? 'income' : 'costs';
  // "kan vi bevilja 2 mkr 2027?": an amount beside the beslutsutrymme asks what would be left.
  if (measure === 'remaining' && words.amount !== undefined) measure = 'whatIf';

  // Lists by owner: "vilka insatser har Region Uppsala?"
  if ((measure === 'fundedInitiatives' || measure === 'endingInitiatives') && match.owners.length === 1 && match.candidates.every((c) => c.isInitiative)) {
    if (measure === 'fundedInitiatives')
      return reading({ measure: 'initiativesOfOwner', subject: { kind: 'owner', owner: match.owners[0] as string } }, words, ctx);
  }
  // "har Hebys medlemsavgift ändrats sedan 2024?": a change is shown for the table's totals and lines only.
  if (words.difference && !CHANGING_MEASURES.has(measure)) return { kind: 'notUnderstood', message: CHANGE_ONLY_FOR };
  if (measure === 'membershipFee') {
    // "hur mycket moms betalar förbundet?": paying is not always the medlemsavgift.
    // ("vad betalade medlemmarna in?": the members pay only their fee.)
    const feeNamed = words.tokens.some((t) =>
      /^(medlemsavgift|medlemsavgiften|medlemsavgifter|medlemsavgifterna|avgift|avgiften|avgifter|fee|fees|medlemmarna|medlemmar|members)$/.test(t),
    );
    if (!feeNamed && unexplainedWords(words, match).some((t) => !STATE_WORDS.test(t))) return { kind: 'notUnderstood' };
    // "Vad betalar vi i medlemsavgift till NNS?": a name that is no member of ours.
    if (match.owners.length === 0 && unknownNames(words, match).some((t) => !STATE_WORDS.test(t)))
      return {
        kind: 'notUnderstood',
        message:
          'Jag har medlemmarnas avgifter till förbundet (2024 och 2025), inte förbundets egna avgifter till andra. Fråga till exempel "medlemsavgift Tierp 2025".',
      };
    // "vår kommun" from an insatsansvarig: the kommun that owns their insats.
    const ownOwner = ctx.ownInitiatives[0]?.owner;
    const ourKommun =
      match.owners.length === 0 &&
      ownOwner !== undefined &&
      ownOwner !== 'Region Uppsala' &&
      /\b(var|vara|vart|our) (kommun|kommuns|municipality)\b/.test(words.tokens.join(' '));
    return reading({ measure, subject: memberSubject(words, ourKommun ? { ...match, owners: [ownOwner] } : match) }, words, ctx);
  }
  const unknownName = unknownNames(words, match)[0];
  if (unknownName && candidates.length === 0 && FORBUND_MEASURES.has(measure) && measure !== 'whatIf') {
    return {
      kind: 'clarify',
      message: `Jag känner inte igen "${unknownName}" bland förbundets insatser och rader. Menade du förbundet som helhet?`,
      options: [
        {
          label: `Förbundets ${MEASURE_WORDS[measure] ?? 'beslutsutrymme'}${words.years[0] ? ` ${words.years[0]}` : ''}`,
          question: `${MEASURE_WORDS[measure] ?? 'beslutsutrymme'}${words.years[0] ? ` ${words.years[0]}` : ''}`,
        },
        { label: 'Vilka insatser finns?', question: 'vilka insatser finansieras i år?' },
      ],
    };
  }
  if (FORBUND_MEASURES.has(measure) && !EITHER_MEASURES.has(measure)) {
    if (candidates.length === 0 || measure === 'ranking' || measure === 'whatIf' || measure === 'fundedInitiatives' || measure === 'endingInitiatives') {
      return reading({ measure, subject: FORBUND }, words, ctx);
    }
    // "S:A KOSTNADER …, med förtroendevalda, förvaltning och samverkansinsatserna inräknade": lines named
    // beside the total's own name are its parts, and the total is asked.
    if (
      (measure === 'costs' || measure === 'income') &&
      (candidates.length > 1 || (measure === 'income' && words.tokens.includes('totalt'))) &&
      words.tokens.some((t, i) => /^(summa|totala|total|totalt)$/.test(t) || (t === 's' && words.tokens[i + 1] === 'a'))
    )
      return reading({ measure, subject: FORBUND }, words, ctx);
    // A line named with a total's word: its own amount ("kostnader för förvaltningen").
    if (measure === 'costs' || measure === 'income') measure = 'line';
    else return forbundMeasureWithSubject(measure, candidates, words);
  }
  if (candidates.length > 1) return ambiguous(candidates, measure, words, ctx);
  const subject = candidates[0];
  if (!subject) {
    // "förbrukningsgraden för insatsen där alla kommuner är parter": one insats, described; not all of them.
    if (EITHER_MEASURES.has(measure) && describesOneInsats(words)) return unknownSubject(words, measure);
    if (EITHER_MEASURES.has(measure)) return reading({ measure, subject: FORBUND }, words, ctx);
    if (SUBJECT_MEASURES.has(measure)) {
      if (measure === 'line' && words.columns.length > 0) return budgetWithoutSubject(words, ctx);
      return unknownSubject(words, measure);
    }
    return reading({ measure, subject: FORBUND }, words, ctx);
  }
  if (subject.id === 'samverkansinsatser' && EITHER_MEASURES.has(measure)) return reading({ measure, subject: FORBUND }, words, ctx);
  if (!subject.isInitiative && (measure === 'endDate' || measure === 'startDate' || EITHER_MEASURES.has(measure))) {
    return {
      kind: 'notUnderstood',
      message: `${subject.name} är en rad i budgeten, inte en insats. Fråga till exempel "${subject.name.toLowerCase()} ${ctx.currentYear}".`,
    };
  }
  const own = ctx.ownInitiatives.includes(subject) && match.candidates.length === 0;
  const result = reading({ measure, subject: subjectOf(subject) }, words, ctx);
  return own && result.kind === 'reading' ? { kind: 'reading', reading: { ...result.reading, own: true } } : result;
}

/** The member a fee question names, like an owner ("regionen", "Uppsala kommun") or by its own name ("Försäkringskassan"). */
function memberSubject(words: QuestionWords, match: SubjectMatch): Subject {
  const ownerWords = match.owners.flatMap((o) =>
    o === 'Region Uppsala'
      ? ['region', 'uppsala']
      : [
          o
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, ''),
        ],
  );
  const memberWords = [...ownerWords, ...words.tokens.filter((t, i) => !words.used.has(i) && !match.used.has(i) && STATE_WORDS.test(t))];
  // "Vad betalade kommunerna, regionen och staten tillsammans?": every member, the total.
  // ("FK och AF tillsammans" is the state's one fee; "stöd från medlemmarna" in a statement asks nothing.)
  if (words.tokens.slice(words.contextEnd).some((t) => /^(kommunerna|medlemmarna|samtliga)$/.test(t))) return FORBUND;
  return memberWords.length > 0 ? { kind: 'member', words: memberWords } : FORBUND;
}

const STATE_WORDS = /^(staten|statens|fk|af|forsakringskassan|forsakringskassans|arbetsformedlingen|arbetsformedlingens)$/;

const INSATS_WORDS = /^(insats|insatsen|insatser|insatserna|insatsens|projekt|projektet|projekten|initiative|initiatives|project|projects)$/;

/** "Hebys insats", "insatsen i Östhammar": an owner named as the owner of an insats. */
function mentionsInsats(words: QuestionWords): boolean {
  return words.tokens.some((t) => INSATS_WORDS.test(t) || /^(hebys|enkopings|habos|knivstas|tierps|uppsalas|alvkarlebys|osthammars|regionens)$/.test(t));
}

function primaryMeasure(words: QuestionWords, hasSubject: boolean): Measure | undefined {
  const measures = words.measures;
  // "budget"/"prognos" beside another measure only names the column.
  const first = measures.find((m) => m !== 'line') ?? measures[0];
  // "kan vi besluta om … utan att röra reservfonden?": the beslutsutrymme, which never includes the reservfond;
  // "reservfonden på hur många tkr är ej medräknad i beslutsutrymmet?": the reservfond, named first.
  if (first === 'reserveFund' && measures.includes('remaining')) {
    const reserveAt = words.tokens.findIndex((t) => t.startsWith('reserv'));
    const roomAt = words.tokens.findIndex((t) => /^(beslutsutrymm|kvar|besluta|bevilja|dela)/.test(t));
    return reserveAt >= 0 && roomAt > reserveAt ? 'reserveFund' : 'remaining';
  }
  if (first === 'whatIf' && words.amount === undefined) return measures.find((m) => m !== 'whatIf' && m !== 'line') ?? (hasSubject ? 'line' : 'remaining');
  // "hur stor del av budgeten har Växtkraft använt", "använt i procent": a share of its own budget is the förbrukningsgrad.
  if (measures.includes('actual') && (measures.includes('share') || words.tokens.some((t) => /^(procent|procentuellt|procentuell|procentuella)$/.test(t))))
    return 'utilisation';
  if (first === 'share' && !hasSubject) return measures.find((m) => m !== 'share' && m !== 'line');
  if (first === 'ranking' && hasSubject) return measures.find((m) => m !== 'ranking') ?? 'line';
  // "sedan när finansierar vi lokussamordnaren?": with an insats named, a list word is no list.
  if ((first === 'fundedInitiatives' || first === 'endingInitiatives') && hasSubject && measures.length > 1)
    return measures.find((m) => m !== first && m !== 'line') ?? first;
  return first;
}

const ANAPHORA: ReadonlySet<string> = new Set([
  'det',
  'den',
  'dess',
  'detta',
  'denna',
  'dem',
  'samma',
  'ocksa',
  'aven',
  'sa',
  'it',
  'that',
  'insatsen',
  'projektet',
  'raden',
]);

/** Relative-year words ("förra året") are no measure or name. */
function isYearWord(words: QuestionWords, i: number): boolean {
  return words.used.has(i) && /^(i|ar|aret|ars|nasta|forra|fjol|ifjol|fjolaret|innevarande|detta|kommande|om|tva)$/.test(words.tokens[i] ?? '');
}

/** Words the reading could not place: no measure, column, year, subject or filler. */
function unexplainedWords(words: QuestionWords, match: SubjectMatch): string[] {
  return words.tokens.filter((t, i) => !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t) && !ANAPHORA.has(t) && t.length > 2 && !/^\d+$/.test(t));
}

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
  // "andel av kostnaderna?" right after an insats: its share; "hur stor andel av dem går till Bryggan?": of the total just shown.
  if (words.measures.includes('share') && (match.candidates.length === 0 || words.tokens.some((t) => ANAPHORA.has(t)))) return true;
  // "när slutar den?", "hur mycket av det kom från Bryggan?": the last answer is referred to, and nothing unknown is asked.
  const refers = words.tokens.some((t) => ANAPHORA.has(t));
  if (refers && (match.candidates.length === 0 || named === undefined) && unexplainedWords(words, match).length === 0) return true;
  const unexplained = words.tokens.filter((t, i) => !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t));
  if (words.followUpOpener) return true;
  // A fragment that names only a year, a column or a subject: "2027?", "budget då?", "Bryggan?".
  return (
    measure === undefined && unexplained.length === 0 && (words.years.length > 0 || words.columns.length > 0 || match.candidates.length > 0 || words.difference)
  );
}

/** "i procent?" after a figure: what it is as a share. */
const PERCENT_OF: Partial<Record<Measure, Measure>> = { actual: 'utilisation', line: 'share' };

function mergeFollowUp(
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
    (TABLE_YEAR_MEASURES.has(named as Measure) ? year < ctx.currentYear : CLOSED_YEAR_ONLY.has(named as Measure) && year >= ctx.currentYear);
  if (
    otherFamily &&
    year !== undefined &&
    year !== ctx.currentYear &&
    ((words.explain && words.years.length === 0 && unsuited) ||
      (words.phrasing.sameYearAsBefore && words.measures.length > 1 && !words.measures.includes(previous.measure)))
  )
    return whichYear(named, ctx, words.explain);
  // "hur stor andel av kostnaderna är det?": a share of the subject asked about before.
  const shareOfPrevious = words.measures.includes('share') && (found.length > 0 || previous.subject.kind === 'line');
  const measure = shareOfPrevious ? 'share' : named === 'line' && found.length === 0 && words.columns.length > 0 ? undefined : named;
  // The answer to "Menade du …?": the name or owner now given picks one of the candidates asked about.
  const previousName = previous.subject.kind === 'line' ? previous.subject.name.replace(/ \(.*\)$/, '') : undefined;
  // "lokussamordnaren i Älvkarleby" then "och den i Uppsala?": the one named like the last.
  const sameName = found.length > 1 && previousName ? found.filter((c) => c.name === previousName) : [];
  // "Förstärkt stöd i Älvkarleby" then "och deras lokussamordnare?": the one of the same owner.
  const previousOwner = previous.subject.kind === 'line' ? /\(([^)]+)\)$/.exec(previous.subject.name)?.[1] : undefined;
  const sameOwner =
    found.length > 1 && previousOwner && words.tokens.some((t) => /^(deras|dess|their|its)$/.test(t)) ? found.filter((c) => c.owner === previousOwner) : [];
  const picked = previous.candidates ? found.filter((c) => previous.candidates?.includes(c.id)) : sameName.length > 0 ? sameName : sameOwner;
  const candidates = picked.length > 0 ? picked : found;
  // "hur mycket har Växtkraft förbrukat?" then "i procent?": the förbrukningsgrad; a line's share of the costs.
  const asPercent = words.inPercent && measure === undefined ? PERCENT_OF[previous.measure] : undefined;
  let nextMeasure = asPercent ?? measure ?? previous.measure;
  if (nextMeasure === 'membershipFee') {
    const member = memberSubject(words, match);
    return followUpReading(
      words,
      { ...previous, measure: nextMeasure, subject: member.kind === 'forbund' && previous.subject.kind === 'member' ? previous.subject : member },
      measure,
    );
  }
  if (previous.measure === 'initiativesOfOwner' && measure === undefined && match.owners.length === 1) {
    return followUpReading(words, { ...previous, subject: { kind: 'owner', owner: match.owners[0] as string } }, measure);
  }
  if (candidates.length > 1) return ambiguous(candidates, nextMeasure, words, ctx, previous.years);
  const newSubject = candidates[0] ? subjectOf(candidates[0]) : undefined;
  // "och för hela förbundet?": the förbund named in place of the insats.
  const wholeForbund = words.tokens.some((t) => /^(forbundet|forbundets|totalt|sammanlagt|alla)$/.test(t));
  let subject = newSubject ?? (wholeForbund || (measure && FORBUND_MEASURES.has(measure) && !EITHER_MEASURES.has(measure)) ? FORBUND : previous.subject);
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
  return followUpReading(words, { ...rest, measure: nextMeasure, subject }, measure);
}

const OUTCOMES: ReadonlySet<Measure> = new Set<Measure>(['result', 'income', 'costs', 'remaining']);

/** Measures whose years are the table's (this year on), and those only closed years have. */
const TABLE_YEAR_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'remainingAfterApplications', 'carriedIn', 'whatIf']);
const CLOSED_YEAR_ONLY: ReadonlySet<Measure> = new Set<Measure>(['soliditet', 'kassalikviditet', 'equity', 'unused', 'actual', 'utilisation']);

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

/** The last reading with what the follow-up said put in: years, a column to read or to compare with, an amount. */
function followUpReading(words: QuestionWords, next: Reading, measure: Measure | undefined): Interpretation {
  const shifted = words.yearShift !== undefined ? next.years.map((y) => y + (words.yearShift as number)) : undefined;
  const years = words.years.length > 0 ? words.years : (shifted ?? next.years);
  // "skillnaden mellan budget och prognos?" after an insats: both columns named, the first is the one compared from.
  if (words.columns.length > 1 && words.years.length === 0) {
    // "minskar prognosen jämfört med budgeten?": the column compared with is the base.
    const against = words.tokens.findIndex((t) => /^(jamfort|jamfor|mot|an|vs|versus)$/.test(t));
    const baseLast = against >= 0 && words.tokens.slice(against + 1, against + 3).some((t) => COLUMN_WORD[words.columns[1] as ColumnKind].test(t));
    const [from, to] = (baseLast ? [words.columns[1], words.columns[0]] : words.columns) as [ColumnKind, ColumnKind];
    return { kind: 'reading', reading: { ...withoutColumns(next), column: from, compareWith: to, ...(words.difference ? { difference: true } : {}) } };
  }
  const comparing = words.columns.length > 0 && /^(jamfort|jamfor|mot|an|vs|versus)$/.test(words.tokens[0] ?? '') ? words.columns[0] : undefined;
  const { column: previousColumn, compareWith: _c, difference: _d, ...base } = next;
  // "jämfört med budget?": the budget is what is asked now; what was shown before stands beside it.
  // "prognos eller budget, vad står i budgeten?": the column named last is the one asked for.
  const column = comparing ?? words.columns[words.columns.length - 1] ?? (words.years.length === 0 && !measure ? previousColumn : undefined);
  const compareWith = comparing ? (previousColumn ?? (comparing === 'forecast' ? 'budget' : 'forecast')) : undefined;
  // "skillnaden mellan 2026 och 2027" then "och mellan 2027 och 2028?": still a change.
  const difference = words.difference || (next.difference === true && words.years.length > 1);
  if (difference && !CHANGING_MEASURES.has(base.measure)) return { kind: 'notUnderstood', message: CHANGE_ONLY_FOR };
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
  // "RegExPro 2027", "och 2028?", "hur stor är minskningen?": from the year the last follow-up replaced.
  const { yearsBefore, ...rest } = base;
  if (difference && words.years.length === 0 && next.years.length === 1 && yearsBefore?.length === 1 && yearsBefore[0] !== next.years[0])
    return { kind: 'reading', reading: { ...rest, years: [...yearsBefore, ...next.years].sort((a, b) => a - b), difference: true } };
  // "och nästa år?": the year replaced is kept, for "hur stor är minskningen?" next.
  const replacesYear = !difference && next.years.length === 1 && words.years.length === 1 && words.years[0] !== next.years[0];
  return {
    kind: 'reading',
    reading: {
      ...rest,
      ...(replacesYear ? { yearsBefore: next.years } : {}),
      years: difference && years.length < 2 ? [...new Set([...next.years, ...years])].sort((a, b) => a - b) : years,
      ...(column ? { column } : {}),
      ...(compareWith && compareWith !== column ? { compareWith } : {}),
      ...(difference ? { difference: true } : {}),
      ...(amountOf(words, next) !== undefined ? { amount: amountOf(words, next) } : {}),
      ...(words.order ? { order: words.order } : {}),
    },
  };
}

const COLUMN_WORD: Readonly<Record<ColumnKind, RegExp>> = {
  budget: /^(budget|budgeten|bu)$/,
  forecast: /^(prognos|prognosen|prog)$/,
  preliminary: /^(prel|preliminar|preliminara)$/,
};

function withoutColumns(reading: Reading): Reading {
  const { column: _c, compareWith: _w, difference: _d, yearsBefore: _y, ...rest } = reading;
  return rest;
}

/** "och om det är 900?" after a what-if in tkr: a bare number in the unit of the last amount. */
function amountOf(words: QuestionWords, next: Reading): number | undefined {
  if (words.amount !== undefined) return words.amount;
  if (next.measure === 'whatIf' && words.bareNumber !== undefined) return words.bareNumber < 100_000 ? words.bareNumber * 1000 : words.bareNumber;
  return next.amount;
}

function reading(partial: Pick<Reading, 'measure' | 'subject'>, words: QuestionWords, ctx: InterpretContext): Interpretation {
  // "ökar vår budget till nästa år?", "hur mycket minskar kostnaderna 2027?": the change from the year before.
  // Not a grant ("minskar beslutsutrymmet 2027 om vi beviljar 500 tkr?"), two measures ("skillnaden mellan intäkter och
  // kostnader 2027"), a year compared with or counted from ("jämfört med 2025", "efter 2027"), nor this year but for the
  // figures last year's annual report has (resultat, intäkter, kostnader, and the beslutsutrymme it ended with).
  const fromYearBefore =
    words.changeAsked &&
    words.difference &&
    words.years.length === 1 &&
    ((words.years[0] as number) > ctx.currentYear ||
      (words.years[0] === ctx.currentYear && OUTCOMES.has(partial.measure)) ||
      ((words.years[0] as number) < ctx.currentYear && OUTCOMES.has(partial.measure) && partial.measure !== 'remaining')) &&
    words.columns.length < 2 &&
    words.amount === undefined &&
    partial.measure !== 'whatIf' &&
    words.measures.filter((m) => m !== 'line').length <= 1 &&
    !words.tokens.some((t) => /^(jamfort|jamfor|mot|efter|fram|mellan|sedan|sen|since|after|compared)$/.test(t)) &&
    CHANGING_MEASURES.has(partial.measure);
  const named = fromYearBefore ? [(words.years[0] as number) - 1, words.years[0] as number] : words.years;
  const years = named.length > 0 ? named : [defaultYear(partial.measure, ctx.currentYear, words)];
  const implied = words.years.length === 0;
  const column: ColumnKind | undefined = words.columns[0];
  return {
    kind: 'reading',
    reading: {
      ...partial,
      years,
      ...(implied ? { yearImplied: true } : {}),
      ...(column ? { column } : {}),
      ...(words.columns.length > 1 ? { compareWith: words.columns[1] } : {}),
      ...(words.difference && (years.length > 1 || words.columns.length > 1) ? { difference: true } : {}),
      ...(words.amount !== undefined ? { amount: words.amount } : {}),
      ...(words.order ? { order: words.order } : {}),
      ...(words.count !== undefined ? { count: words.count } : {}),
    },
  };
}

/** "vad är beslutsutrymme för något, och hur stort är det i år?": the meaning and the figure. */
function asksForTheFigureToo(words: QuestionWords): boolean {
  return words.tokens.some(
    (t, i) =>
      t === 'och' &&
      ((words.tokens[i + 1] === 'hur' && /^(stort|stor|mycket|hog|hogt)$/.test(words.tokens[i + 2] ?? '')) ||
        (words.tokens[i + 1] === 'vad' && /^(kostar|far|fick|blir|ligger)$/.test(words.tokens[i + 2] ?? ''))),
  );
}

const CHANGE_ONLY_FOR =
  'Förändringen visar jag bara för beslutsutrymme, överskott från tidigare år, resultat, intäkter, kostnader och en insats eller budgetrad, till exempel "skillnaden i Bryggans budget mellan 2026 och 2027".';

/** Measures whose change between two years a card shows. */
const CHANGING_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'carriedIn', 'result', 'income', 'costs', 'line', 'whatIf']);

/** Closed-year measures default to the last closed year. */
function defaultYear(measure: Measure, currentYear: number, words: QuestionWords): number {
  // "Hur stort blir eget kapital vid årets slut?": "blir" looks ahead to this year, which has no books yet.
  const ahead = words.tokens.some((t) => /^(blir|kommer|will)$/.test(t));
  return (measure === 'soliditet' || measure === 'kassalikviditet' || measure === 'equity' || measure === 'unused') && !ahead ? currentYear - 1 : currentYear;
}

function subjectOf(entity: SubjectEntity): Subject {
  return { kind: 'line', id: entity.id, name: entity.owner ? `${entity.name} (${entity.owner})` : entity.name, isInitiative: entity.isInitiative };
}
