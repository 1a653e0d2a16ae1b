import { Measure, StatedWork } from '../../domain/reading';
import { QuestionWords } from './readQuestion';
import { SubjectEntity, SubjectMatch, matchSubjects } from './subjects';
import { STATE_WORDS, ourNoun, varIsNotOurs } from './readingParts';

/**
 * "Hej! Jag har tagit över Bryggan i Östhammar." then "Vad har vi fått för nästa år?": a turn that
 * says what the asker works with and asks nothing. What it named (an insats, or a kommun or the
 * region) is kept by id, never in the user's words, and the asker's "vi" and "vår" mean it after.
 */
export interface Statement {
  readonly work: StatedWork;
  /** What "vi" will mean, as the card names it: "Bryggan (Östhammar)", "Tierps kommun". */
  readonly label: string;
  /** Questions the card offers next, each whole in itself. */
  readonly examples: readonly { readonly label: string; readonly question: string }[];
}

const GREETINGS = /^(hej|hejsan|halla|hallo|tjena|tja|hi|hello|god|morgon|dag|kvall)$/;
const ASKING = /^(vem|vems|du|hur|vad|vilken|vilket|vilka|nar|varfor|undrar|undra|fraga|fragar|veta|visa|kolla|beratta|kan|skulle|what|how|which|when|show)$/;
/** "vi", "oss", "vår insats", "mitt projekt": the asker's own, which a statement before may have named. */
const SPEAKER = /^(vi|oss|vara|vart|min|mitt|mina|we|us|our|my)$/;

/**
 * Saying what one works for, about oneself: an insats one runs ("jobbar med Bryggan", "har tagit över Bryggan",
 * "projektledare för Bryggan", "Vi på Framsteget"), or the member one represents ("representerar Tierps kommun",
 * "ledamot för Knivsta", "jobbar i Heby kommun"). Not a meeting, a visit, a case or an application ("sitter i Enköping idag",
 * "leder mötet i Tierp", "har hand om Hebys ärende", "Vi har Bryggan på dagordningen").
 */
const RUNS_AN_INSATS =
  /\b((jobbar|arbetar) (med|pa|i)|har tagit over|tagit over|(insatsansvarig|projektledare|samordnare|enhetschef) (for|i|pa|inom)|sitter i styrgruppen for)\b|^(\S+ )?vi (pa|i|fran) /;
const REPRESENTS_A_MEMBER =
  /\b(representerar|foretrader|representant|(ledamot|ersattare) (for|fran)|sitter for|(jobbar|arbetar) (i|pa|for)( \S+){0,4} (kommun|region))\b|^(\S+ )?(jag ar fran|vi pa|vi i|vi fran) /;
/** "Jag jobbar inte längre med Bryggan", "ansökan", "ärende", "möte": what one no longer does, or a matter rather than a workplace. */
const NOT_ONES_WORK =
  /^(inte|ej|slutat|slutade|tidigare|forut|fore|numera|ansokan|ansokningen|arende|arendet|mote|motet|motesserie|dagordningen|idag|imorgon|igar|besoker|besoka|besok|besokte|prata|pratar|pratade|traffa|traffar|traffade|forbundet|forbundets)$/;

/** The statement a turn makes about the asker's work, when it asks nothing and names one insats or one owner. */
export function statementOfWork(text: string, words: QuestionWords, match: SubjectMatch, currentYear: number): Statement | undefined {
  if (text.includes('?')) return undefined;
  const said = words.tokens.filter((t) => !GREETINGS.test(t)).join(' ');
  if (words.tokens.some((t, i) => NOT_ONES_WORK.test(t) || (t === 'morgon' && words.tokens[i - 1] === 'i'))) return undefined;
  if (words.tokens.some((t) => ASKING.test(t)) || words.measures.some((m) => m !== 'line' && m !== 'fundedInitiatives')) return undefined;
  if (words.amount !== undefined || words.phrasing.grants) return undefined;
  const named = match.candidates.filter((c) => c.isInitiative);
  // ("Nyvald ledamot för Knivsta kommun, mitt första möte …": an insats of another owner than the one named is a word misread.)
  const insats =
    RUNS_AN_INSATS.test(said) && match.byName && named.length === 1 && (match.owners.length === 0 || match.owners.includes(named[0]?.owner ?? ''))
      ? named[0]
      : undefined;
  if (insats)
    return {
      work: { kind: 'initiative', id: insats.id },
      label: insats.name,
      examples: [currentYear, currentYear + 1].map((y) => ({ label: `${insats.name} ${y}`, question: `vad får ${plainName(insats)} ${y}` })),
    };
  // ("Jag jobbar på Arbetsförmedlingen i Tierp": the state's employee, not the kommun's.)
  const owner =
    REPRESENTS_A_MEMBER.test(said) && match.owners.length === 1 && !words.tokens.some((t) => STATE_WORDS.test(t)) ? (match.owners[0] as string) : undefined;
  if (owner)
    return {
      work: { kind: 'owner', owner },
      label: owner === 'Region Uppsala' ? owner : kommunName(owner),
      examples: [{ label: `Insatser i ${owner}`, question: `vilka insatser har ${owner}` }],
    };
  return undefined;
}

/** What an insats or a member has of its own; the förbund's totals ("vad har vi för intäkter?") stay the förbund's. */
// (Not utfall, förbrukningsgrad or what was left unused: "vad betalade vi ut 2025?" is as often the förbund's.)
// ("hur många insatser har vi?": a member's insatser.)
const OWN_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['line', 'endDate', 'startDate', 'membershipFee', 'fundedInitiatives']);
/** ("vad betalade vi ut till insatserna?", "alla", "totalt": the förbund's.) */
const OVER_ALL = /^(forbundet|forbundets|samordningsforbundet|insatser|insatserna|alla|samtliga|totalt|sammanlagt|tillsammans|lanet|region)$/;
const PAYS = /^(betalar|betala|betalade|betalat|betalas|bidrar|bidrog)$/;

/** "Numera är jag på Framsteget", "Jag har slutat med Bryggan": a change of work that is not kept; what was kept before no longer holds. */
export function changesWork(text: string, words: QuestionWords, match: SubjectMatch): boolean {
  if (text.includes('?')) return false;
  const first = words.tokens.find((t) => !GREETINGS.test(t));
  return /^(jag|vi|numera|nu)$/.test(first ?? '') && (match.owners.length > 0 || match.candidates.some((c) => c.isInitiative));
}

/**
 * Whether a question speaks of the asker's own ("vad får vi 2027?", "hur mycket betalar vi i medlemsavgift?") without naming
 * whose, and asks what an insats or a member has: only then does what the asker said they work with say whose.
 */
export function speaksOfOwn(words: QuestionWords, match: SubjectMatch): boolean {
  if (match.candidates.length > 0 || match.owners.length > 0 || words.contextEnd > 0 || !asksWhatOneHas(words)) return false;
  return saysOurs(words);
}

/** "vi", "oss", "vår insats" — not "var" as the verb or "where" ("hur mycket var utfallet 2025?", "var hittar jag …?"). */
export function saysOurs(words: QuestionWords, from = 0): boolean {
  return words.tokens.some(
    (t, i) =>
      i >= from && ((SPEAKER.test(t) && !varIsNotOurs(words, i)) || (t === 'var' && (words.phrasing.oursWritten || ourNoun(words.tokens[i + 1] ?? '')))),
  );
}

/** A figure an insats or a member has of its own (its line, its period, the fee it pays), not the förbund's. */
export function asksWhatOneHas(words: QuestionWords): boolean {
  // ("pengar från förbundet" names who pays, not whose figure; in "hur många insatser har vi?" the insatser are what is counted.)
  const counts = words.measures.includes('fundedInitiatives');
  // ("hur många insatser finansierar vi?", "ger vi pengar till", "betalar vi för": only the förbund funds insatser.)
  if (counts && words.tokens.some((t) => /^(finansierar|finansierade|finansieras|ger|gav|betalar|betalade|stottar|stodjer|bekostar|bidrar)$/.test(t)))
    return false;
  const overAll = words.tokens.some(
    (t, i) =>
      OVER_ALL.test(t) &&
      !(/^(forbundet|samordningsforbundet)$/.test(t) && /^(fran|av|via|genom)$/.test(words.tokens[i - 1] ?? '')) &&
      !(counts && t === 'insatser'),
  );
  if (words.measures.length === 0 || words.measures.some((m) => !OWN_MEASURES.has(m)) || overAll) return false;
  // ("hur mycket får vi in i medlemsavgifter?": what the förbund receives; "betalar vi" is the member's fee.)
  return !words.measures.includes('membershipFee') || words.tokens.some((t) => PAYS.test(t));
}

/**
 * Whether what was said answers whose this question is: an insats for its own figures; a kommun or the region for
 * "vår insats", a period or the fee it pays ("vad är vår budget?" after "Jag representerar Tierp" may be the förbund's).
 */
export function statedWorkApplies(work: StatedWork, words: QuestionWords): boolean {
  if (work.kind === 'initiative') return !words.measures.includes('fundedInitiatives');
  return (
    words.measures.some((m) => m === 'endDate' || m === 'startDate' || m === 'membershipFee' || m === 'fundedInitiatives') ||
    words.tokens.some((t) => /^(insats|insatsen|projekt|projektet)$/.test(t))
  );
}

/** The insatser a statement named: the one insats, or every insats of the kommun or region (several: "vi" asks which). */
export function initiativesStated(work: StatedWork, subjects: readonly SubjectEntity[]): SubjectEntity[] {
  return subjects.filter((s) => s.isInitiative && (work.kind === 'initiative' ? s.id === work.id : s.owner === work.owner));
}

/** "Tierps kommun", "Heby kommun": the genitive s after a consonant only. */
const kommunName = (owner: string) => `${owner}${/[aeiouyåäö]$/i.test(owner) ? '' : 's'} kommun`;

/** "Bryggan (Östhammar)" → "Bryggan i Östhammar": the owner in parentheses would read as an aside. */
function plainName(subject: SubjectEntity): string {
  const name = subject.name.replace(/\s*\([^)]*\)\s*$/, '');
  return subject.owner ? `${name} i ${subject.owner}` : name;
}

/** The förbund's own totals: "förbundets intäkter" is never an owner's insats's. */
const FORBUND_TOTALS: ReadonlySet<Measure> = new Set<Measure>([
  'remaining',
  'result',
  'income',
  'costs',
  'carriedIn',
  'equity',
  'soliditet',
  'kassalikviditet',
  'reserveFund',
]);

/** "Knivsta kommun vill veta hur mycket förbundets intäkter går ner …": the förbund's figure, whoever asks. */
export function withForbundNamed(words: QuestionWords, match: SubjectMatch): SubjectMatch {
  const forbundNamed = words.tokens.some(
    (t, i) => /^(forbundets|samordningsforbundets)$/.test(t) || (t === 'forbundet' && !/^(hos|fran|av|via|i|till|genom)$/.test(words.tokens[i - 1] ?? '')),
  );
  // ("vad kostar förbundets insats i Heby?", "förbundets kostnader för Knivsta": the owner after a preposition is what is asked.)
  const ownerAt = Math.min(...[...match.used].filter((i) => !words.used.has(i)));
  const forbundAt = words.tokens.findIndex((t) => /^(forbundets|forbundet|samordningsforbundets)$/.test(t));
  const ownerFirst = ownerAt < forbundAt && !/^(for|fran|hos|i|till|av|at|inom)$/.test(words.tokens[ownerAt - 1] ?? '');
  return !match.byName && match.owners.length > 0 && forbundNamed && ownerFirst && FORBUND_TOTALS.has(words.measures[0] as Measure)
    ? { ...match, owners: [], candidates: [] }
    : match;
}

/**
 * "Ledamot från Älvkarleby. När tar vår lokussamordnare slut?", "Knivstas ledamot: hur mycket får vår insats 2028?": "vår"
 * after words naming one owner (and no insats) is that owner's; several insatser ask which. ("Jag är tjänsteperson på
 * Uppsala kommun. Hur många insatser driver vi?": the owner's list.)
 */
export function withAskersOwner(words: QuestionWords, match: SubjectMatch, subjects: readonly SubjectEntity[]): SubjectMatch {
  if (words.questionStart === 0 || !asksWhatOneHas(words) || !saysOurs(words, words.questionStart)) return match;
  const before = matchSubjects(words.tokens.slice(0, words.questionStart), new Set(), subjects);
  const owner = before.owners.length === 1 && !before.byName ? (before.owners[0] as string) : undefined;
  if (!owner || !before.candidates.every((c) => c.owner === owner)) return match;
  const theirs = (match.candidates.length > 0 ? match.candidates : subjects).filter((c) => c.isInitiative && c.owner === owner);
  if (theirs.length === 0) return match;
  return { ...match, candidates: theirs, ...(words.measures.includes('fundedInitiatives') ? { owners: [owner] } : {}) };
}
