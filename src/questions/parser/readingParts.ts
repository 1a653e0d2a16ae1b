import { FORBUND, Measure, Subject } from '../../domain/reading';
import { STOP_WORDS } from './lexicon';
import { QuestionWords } from './readQuestion';
import { SubjectEntity, SubjectMatch } from './subjects';

/** What the reading of a new question and of a follow-up both use: the subject words, the measure named first, what is left unexplained. */

/** Measures whose subject is an insats or line, or the förbund as a whole. */
export const EITHER_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['utilisation', 'actual', 'unused']);

/** The member a fee question names, like an owner ("regionen", "Uppsala kommun") or by its own name ("Försäkringskassan"). */
export function memberSubject(words: QuestionWords, match: SubjectMatch): Subject {
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
  // ("Hur mycket betalar kommunen?": which kommun, the question does not say; the card asks.)
  // ("och för region?" after a fee: "region" alone is Region Uppsala here, where no insats or "vår region" is meant.)
  const region = ownerWords.length === 0 && words.tokens.some((t, i) => t === 'region' && !/^(var|vara|vart|i|our)$/.test(words.tokens[i - 1] ?? ''));
  const memberWords = [
    ...ownerWords,
    ...(region ? ['region', 'uppsala'] : []),
    ...words.tokens.filter((t, i) => !words.used.has(i) && !match.used.has(i) && (STATE_WORDS.test(t) || (t === 'kommunen' && ownerWords.length === 0))),
  ];
  // "Vad betalade kommunerna, regionen och staten tillsammans?": every member, the total.
  // ("FK och AF tillsammans" is the state's one fee; "stöd från medlemmarna" in a statement asks nothing.)
  if (words.tokens.slice(words.contextEnd).some((t) => /^(kommunerna|medlemmarna|samtliga)$/.test(t))) return FORBUND;
  return memberWords.length > 0 ? { kind: 'member', words: memberWords } : FORBUND;
}

export const STATE_WORDS = /^(staten|statens|fk|af|forsakringskassan|forsakringskassans|arbetsformedlingen|arbetsformedlingens)$/;

export const INSATS_WORDS = /^(insats|insatsen|insatser|insatserna|insatsens|projekt|projektet|projekten|initiative|initiatives|project|projects)$/;

/** "Hebys insats", "insatsen i Östhammar": an owner named as the owner of an insats. */
export function mentionsInsats(words: QuestionWords): boolean {
  return words.tokens.some((t) => INSATS_WORDS.test(t) || /^(hebys|enkopings|habos|knivstas|tierps|uppsalas|alvkarlebys|osthammars|regionens)$/.test(t));
}

export function primaryMeasure(words: QuestionWords, hasSubject: boolean): Measure | undefined {
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

export const ANAPHORA: ReadonlySet<string> = new Set([
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
export function isYearWord(words: QuestionWords, i: number): boolean {
  return words.used.has(i) && /^(i|ar|aret|ars|nasta|forra|fjol|ifjol|fjolaret|innevarande|detta|kommande|om|tva)$/.test(words.tokens[i] ?? '');
}

/** Words the reading could not place: no measure, column, year, subject or filler. */
export function unexplainedWords(words: QuestionWords, match: SubjectMatch): string[] {
  // "skillnaden mellan …": the preposition of a change.
  const changeWord = (t: string) => words.difference && (t === 'mellan' || t === 'between');
  return words.tokens.filter(
    (t, i) => !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t) && !ANAPHORA.has(t) && t.length > 2 && !/^\d+$/.test(t) && !changeWord(t),
  );
}

export const CHANGE_ONLY_FOR =
  'Förändringen visar jag bara för beslutsutrymme, överskott från tidigare år, resultat, intäkter, kostnader och en insats eller budgetrad, till exempel "skillnaden i Bryggans budget mellan 2026 och 2027".';

/** Measures whose change between two years a card shows. */
export const CHANGING_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'carriedIn', 'result', 'income', 'costs', 'line', 'whatIf']);

export function subjectOf(entity: SubjectEntity): Subject {
  return { kind: 'line', id: entity.id, name: entity.owner ? `${entity.name} (${entity.owner})` : entity.name, isInitiative: entity.isInitiative };
}

/** "var budget", "vart projekt": a noun after "var" makes it "vår", however it was typed. */
const OUR_NOUN = /^(insats|projekt|budget|del|andel|kostnad|anslag|pengar|medel|utfall|forbrukning|verksamhet|kommun|ram)/;
/** ("var förbrukningsgraden": a definite noun after "var" is what was.) */
export const ourNoun = (word: string) => OUR_NOUN.test(word) && !(/(en|et|na)$/.test(word) && OUR_NOUN.test(word.slice(0, -2)));

/**
 * "var" (or "vart", "vara") at i is no "vår": where å, ä and ö are written elsewhere, or opening the question
 * ("var hittar jag …?", "var det bra?"), unless a noun of ours follows ("var budget 2026?") or "vår" was typed with its å
 * ("vår prognos för 2026?").
 */
export function varIsNotOurs(words: QuestionWords, i: number): boolean {
  const t = words.tokens[i] ?? '';
  const opens = i === words.questionStart && !words.phrasing.oursWritten;
  return /^(var|vart|vara)$/.test(t) && (words.phrasing.varIsTheVerb || opens) && !ourNoun(words.tokens[i + 1] ?? '');
}
