import { Reply } from '../cards/viewModels';
import { Role } from '../roles/roleDirectory';
import { answerActual, answerEndingInitiatives, answerPeriod, answerUnused, answerUtilisation, yearAnswered } from './answers/initiativeAnswers';
import { answerBalance, answerMembershipFee, answerReserveFund } from './answers/feeAndRatioAnswers';
import { explainReading } from './answers/explain';
import { helpReply, meaningReply } from './answers/help';
import { answerTotals } from './answers/ledgerAnswers';
import { answerFundedInitiatives, answerInitiativesOfOwner, answerLine, answerRanking, answerShare, rankingTop } from './answers/lineAnswers';
import { clarifyReply, findLedger } from './answers/common';
import { QuestionContext, currentYearOf } from './context';
import { Interpretation, interpret } from './parser/interpret';
import { looksLikeFollowUp } from './parser/followUps';
import { changesWork, initiativesStated, speaksOfOwn, statedWorkApplies, statementOfWork, withAskersOwner, withForbundNamed } from './parser/statedWork';
import { ADMIN_ROLES } from '../domain/people';
import { meaningOf } from './parser/meanings';
import { QuestionWords, readQuestionWords } from './parser/readQuestion';
import { SubjectEntity, SubjectMatch, matchSubjects, subjectsOfRegistry, subjectsOfSnapshot } from './parser/subjects';
import { STOP_WORDS } from './parser/lexicon';
import { FORBUND_MEASURES, Measure, Reading } from '../domain/reading';

/** Who is asking, and in which conversation: follow-ups and "min insats" depend on it. */
export interface Asker {
  readonly roles: readonly Role[];
  /** The insatser an insatsansvarig answers for. */
  readonly initiatives: readonly string[];
  /** Conversation and user: the key of the stored last reading; absent means no follow-ups. */
  readonly conversationKey?: string;
  /** Takes the write of the reading, to run once the answer is out; without it the answer waits for the write. */
  readonly finishing?: (work: Promise<void>) => void;
}

/** Measures no insats or line has: a statement naming one before the question does not make it the subject. */
const FORBUND_ONLY: ReadonlySet<Measure> = new Set<Measure>(['remaining', 'carriedIn', 'whatIf', 'soliditet', 'kassalikviditet', 'equity', 'reserveFund']);

/** Measures answered from the register of insatser rather than the ledger table. */
const REGISTRY_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['endDate', 'startDate', 'utilisation', 'actual', 'unused', 'endingInitiatives']);

/**
 * Answers a budget question: reads it into a typed reading (measure × subject × column ×
 * years), or asks back when two readings are close, then computes the figure from stored
 * data. The reading is stored per conversation for follow-ups ("och 2027?").
 */
export async function answerQuestion(baseCtx: QuestionContext, text: string, asker: Asker = { roles: [], initiatives: [] }): Promise<Reply[]> {
  const ctx = withQuestionCache(baseCtx);
  const currentYear = currentYearOf(ctx);
  let words = readQuestionWords(text, currentYear);
  if (words.help) return [helpReply(undefined, asker.roles)];
  const readPrevious = async () => (asker.conversationKey ? await ctx.repos.readings.get(ctx.associationId, asker.conversationKey) : undefined);

  if (words.explain && words.measures.length === 0) {
    const previous = await readPrevious();
    if (!previous)
      return [nothingToFollow('Jag har inget tidigare svar i den här konversationen att förklara. Ställ en fråga först, till exempel "beslutsutrymme 2026?".')];
    // "visa beslutsutrymmet 2026–2028", "hur räknas 2027?": the year named, of the figure shown.
    const asked = words.years.length > 0 ? { ...previous, years: words.years, difference: false } : previous;
    return [(await explainReading(ctx, asked)) ?? ((await answerReading(ctx, asked))[0] as Reply)];
  }

  let subjects = await subjectsFor(ctx, words);
  let match = matchSubjects(words.tokens, words.used, subjects);
  // "Hej! Jag har tagit över Bryggan i Östhammar.": what it names is what the asker's "vi" means in the questions after it.
  // (The kansli's and the förbundschef's "vi" is the förbund's, whatever they say they work on.)
  const keyForWork = asker.roles.some((r) => ADMIN_ROLES.includes(r)) ? undefined : asker.conversationKey;
  const workStated = keyForWork ? statementOfWork(text, words, match, currentYear) : undefined;
  // Kept once the answer is out, like the reading: a store that fails loses the statement, never the answer.
  const keepWork = (work: Promise<void>) => (asker.finishing ? asker.finishing(work) : work);
  if (keyForWork && workStated) await keepWork(ctx.repos.readings.saveStatedWork(ctx.associationId, keyForWork, workStated.work));
  else if (keyForWork && changesWork(text, words, match)) await keepWork(ctx.repos.readings.clearStatedWork(ctx.associationId, keyForWork));
  // A statement before the question, or an aside in parentheses, names context: the insats the question itself
  // names (or a ranking or total over all) is the one asked.
  // ("ekonomstöd eller verksamhetsutvecklare, vilken kostar mest?": what stands first is the choice asked about, not context.)
  const offersChoice = words.contextEnd <= 6 && words.tokens.slice(0, words.contextEnd).includes('eller');
  if ((words.contextEnd > 0 && !offersChoice) || words.aside.size > 0) {
    const context = new Set([...words.tokens.keys()].filter((i) => words.used.has(i) || i < words.contextEnd || words.aside.has(i)));
    const askedAlone = matchSubjects(words.tokens, context, subjects);
    // "Jag är lokussamordnare i Älvkarleby. Hur mycket får lokussamordnartjänsten här?": the insats the statement names picks among the
    // names asked ("Jag jobbar på kansliet i Uppsala. Vad får lokussamordnaren?" names a place, not an insats: ask).
    const statement = new Set([...words.tokens.keys()].filter((i) => words.used.has(i) || i >= words.contextEnd));
    const stated = matchSubjects(words.tokens, statement, subjects).candidates.filter((c) => c.isInitiative);
    const narrowed = stated.length === 1 ? askedAlone.candidates.filter((c) => c === stated[0]) : [];
    const asked = askedAlone.candidates.length > 1 && narrowed.length === 1 ? { ...askedAlone, candidates: narrowed } : askedAlone;
    // "Vi funderar på att söka för Växtkraft. Hur stort är beslutsutrymmet 2027?": a measure only the förbund has is about the förbund.
    // "Vi på regionen vill veta: vad blev förbundets resultat 2025?": the förbund named in the question is the subject.
    const forbundNamed = words.contextEnd > 0 && words.tokens.slice(words.contextEnd).some((t) => t === 'forbundets' || t === 'forbundet');
    const overAll = words.measures.some(
      (m) =>
        m === 'ranking' ||
        (words.aside.size > 0 && FORBUND_MEASURES.has(m) && m !== 'line') ||
        (words.contextEnd > 0 && (FORBUND_ONLY.has(m) || (forbundNamed && FORBUND_MEASURES.has(m) && m !== 'line'))),
    );
    if (asked.candidates.length > 0 || asked.owners.length > 0 || overAll) {
      words = { ...words, used: context };
      match = asked;
    }
  }
  match = withAskersOwner(words, withForbundNamed(words, match), subjects);
  if (match.candidates.length === 0 && match.owners.length === 0 && hasUnexplainedWords(words, match)) {
    // An insats that has ended is no longer in the table, but the register still knows it.
    const registry = await ctx.repos.initiatives.getRegistry(ctx.associationId);
    const ended = subjectsOfRegistry(registry?.initiatives ?? []).filter((s) => !subjects.some((x) => x.id === s.id));
    const again = matchSubjects(words.tokens, words.used, ended);
    if (again.candidates.length > 0) {
      subjects = [...subjects, ...ended];
      match = again;
    }
  }
  // "Vad har vi fått för nästa år?": what the asker said they work with, beside what their role names.
  const remembered = !workStated && keyForWork && speaksOfOwn(words, match) ? await ctx.repos.readings.getStatedWork(ctx.associationId, keyForWork) : undefined;
  const workRemembered = remembered && statedWorkApplies(remembered, words) ? remembered : undefined;
  const roleInitiatives = subjects.filter((s) => s.isInitiative && asker.initiatives.includes(s.id));
  // ("Jag jobbar på Älvkarleby kommun." then "Hur många insatser har vi?": the kommun's list.)
  const listedOwner = workRemembered?.kind === 'owner' && words.measures.includes('fundedInitiatives') ? workRemembered.owner : undefined;
  if (listedOwner) match = { ...match, owners: [listedOwner], candidates: subjects.filter((c) => c.isInitiative && c.owner === listedOwner) };
  const statedInitiatives = workRemembered && !listedOwner ? initiativesStated(workRemembered, subjects) : [];
  const own = [...roleInitiatives, ...statedInitiatives.filter((s) => !roleInitiatives.includes(s))];
  // An insatsansvarig who said they work with another insats too: "vi" is either, whatever the last answer was; ask.
  const eitherOwn = roleInitiatives.length > 0 && own.length > roleInitiatives.length;
  if (eitherOwn) match = { ...match, candidates: own };
  // Only a question that leans on the last one costs the extra read of the stored reading.
  const previous = !eitherOwn && looksLikeFollowUp(words, match) ? await readPrevious() : undefined;
  const interpretation = interpret(words, match, {
    currentYear,
    ownInitiatives: own,
    ...(workRemembered?.kind === 'owner' ? { statedOwner: workRemembered.owner } : {}),
    ...(previous ? { previous } : {}),
  });
  if (interpretation.kind === 'clarify') {
    if (interpretation.pending && asker.conversationKey) await ctx.repos.readings.save(ctx.associationId, asker.conversationKey, interpretation.pending);
    return [clarifyReply('Menade du …?', interpretation.message, interpretation.options)];
  }
  if (interpretation.kind === 'meaning') return [meaningReply(interpretation.meaning)];
  if (interpretation.kind === 'notUnderstood') {
    if (workStated)
      return [clarifyReply('Noterat', `När du skriver "vi" eller "vår" utgår jag från ${workStated.label}. Vad vill du veta?`, workStated.examples)];
    if (!previous && words.followUpOpener && words.measures.length === 0)
      return [
        nothingToFollow(
          'Det här ser ut som en följdfråga, men jag har ingen tidigare fråga i den här konversationen. Ställ hela frågan, till exempel "beslutsutrymme 2027?".',
        ),
      ];
    return [helpReply(interpretation.message ?? `Jag förstod inte frågan "${text.trim()}". Jag kan svara på till exempel:`, asker.roles)];
  }
  // "vad fick Bryggan där?" with no answer before it: which year "där" means, nothing says.
  if (!previous && words.tokens[words.tokens.length - 1] === 'dar' && interpretation.reading.yearImplied)
    return [
      nothingToFollow('"Där" pekar på ett tidigare svar, men jag har inget i den här konversationen. Ställ hela frågan, till exempel "vad får Bryggan 2027?".'),
    ];
  const reading = interpretation.reading;
  // "hur räknas beslutsutrymmet 2027?": the calculation of the figure asked, not only the figure;
  // "vad är beslutsutrymme för något, och hur stort är det?": the figure, then what the word means.
  const explained = words.explain
    ? async (r: Reading) => [(await explainReading(ctx, r)) ?? ((await answerReading(ctx, r))[0] as Reply)]
    : (r: Reading) => answerReading(ctx, r);
  // "Vad är Ekonom projektstöd för något, och vad kostar det?": a line's name has no meaning card, only its figure.
  const answer =
    words.phrasing.asksWhatItMeans && reading.measure !== 'line'
      ? async (r: Reading) => [...(await explained(r)), meaningReply(meaningOf(r.measure))]
      : explained;
  const key = asker.conversationKey;
  if (!key) return answer(reading);
  // The reading is stored once the answer is out (what the answer completes it with comes from the question's cache).
  const remember = (r: Reading) => ctx.repos.readings.save(ctx.associationId, key, r);
  const completed = answerCompletes(reading);
  if (asker.finishing) {
    if (!completed) asker.finishing(remember(reading));
    const replies = await answer(reading);
    if (completed) asker.finishing(toRemember(ctx, reading).then(remember));
    return replies;
  }
  if (completed) {
    const replies = await answer(reading);
    await remember(await toRemember(ctx, reading));
    return replies;
  }
  const [replies] = await Promise.all([answer(reading), remember(reading)]);
  return replies;
}

/** A ranking names its first insats; utfall with no year named is the latest year that has it. */
function answerCompletes(reading: Reading): boolean {
  return reading.measure === 'ranking' || (reading.yearImplied === true && (reading.measure === 'actual' || reading.measure === 'utilisation'));
}

/** What the next turn can refer to ("och året innan?"): what the answer showed. */
async function toRemember(ctx: QuestionContext, reading: Reading): Promise<Reading> {
  if (reading.measure !== 'ranking') {
    const { yearImplied: _, ...named } = reading;
    return { ...named, years: [await yearAnswered(ctx, reading)] };
  }
  const top = await rankingTop(ctx, reading);
  return top ? { ...reading, subject: top } : reading;
}

/** One question reads each document once, however many parts of the answer (and the reading kept after it) need it. */
function withQuestionCache(ctx: QuestionContext): QuestionContext {
  const read = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!read.has(key)) read.set(key, load());
    return read.get(key) as Promise<T>;
  };
  const { ledger, initiatives, reports } = ctx.repos;
  return {
    ...ctx,
    repos: {
      ...ctx.repos,
      ledger: Object.assign(Object.create(ledger) as typeof ledger, {
        findSnapshotFor: (associationId: string, year?: number) =>
          once(`snapshot/${associationId}/${year ?? ''}`, () => ledger.findSnapshotFor(associationId, year)),
      }),
      initiatives: Object.assign(Object.create(initiatives) as typeof initiatives, {
        getRegistry: (associationId: string) => once(`registry/${associationId}`, () => initiatives.getRegistry(associationId)),
        getYearFigures: (associationId: string, year: number) =>
          once(`figures/${associationId}/${year}`, () => initiatives.getYearFigures(associationId, year)),
        yearsWithFigures: (associationId: string) => once(`figureYears/${associationId}`, () => initiatives.yearsWithFigures(associationId)),
      }),
      reports: Object.assign(Object.create(reports) as typeof reports, {
        listForYear: (associationId: string, year: number) => once(`reports/${associationId}/${year}`, () => reports.listForYear(associationId, year)),
      }),
    },
  };
}

function hasUnexplainedWords(words: QuestionWords, match: SubjectMatch): boolean {
  return words.tokens.some((t, i) => !words.used.has(i) && !match.used.has(i) && !STOP_WORDS.has(t) && t.length > 2);
}

/** Which names the question can mean: the ledger table's lines, or the register's insatser for dates and utfall. */
async function subjectsFor(ctx: QuestionContext, words: QuestionWords): Promise<SubjectEntity[]> {
  const measure = words.measures.find((m) => m !== 'line');
  if (measure && REGISTRY_MEASURES.has(measure)) {
    const registry = await ctx.repos.initiatives.getRegistry(ctx.associationId);
    return subjectsOfRegistry(registry?.initiatives ?? []);
  }
  const lookup = await findLedger(ctx, words.years[0] ?? currentYearOf(ctx));
  const snapshot = lookup.snapshot ?? (await findLedger(ctx)).snapshot;
  return snapshot ? subjectsOfSnapshot(snapshot) : [];
}

export async function answerReading(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const subject = reading.subject;
  switch (reading.measure) {
    case 'remaining':
    case 'remainingAfterApplications':
    case 'carriedIn':
    case 'result':
    case 'income':
    case 'costs':
    case 'whatIf':
      return answerTotals(ctx, { ...reading, measure: reading.measure });
    case 'line':
      if (subject.kind !== 'line') break;
      return answerLine(ctx, reading, subject);
    case 'share':
      if (subject.kind !== 'line') break;
      return answerShare(ctx, reading, subject);
    case 'ranking':
      return answerRanking(ctx, reading);
    case 'fundedInitiatives':
      return answerFundedInitiatives(ctx, reading);
    case 'initiativesOfOwner':
      if (subject.kind !== 'owner') break;
      return answerInitiativesOfOwner(ctx, reading, subject.owner);
    case 'endingInitiatives':
      return answerEndingInitiatives(ctx, reading);
    case 'utilisation':
      return answerUtilisation(ctx, reading);
    case 'actual':
      return answerActual(ctx, reading);
    case 'unused':
      return answerUnused(ctx, reading);
    case 'endDate':
    case 'startDate':
      if (subject.kind !== 'line') break;
      return answerPeriod(ctx, reading, subject, reading.measure);
    case 'membershipFee':
      return answerMembershipFee(ctx, reading);
    case 'soliditet':
    case 'kassalikviditet':
    case 'equity':
      return answerBalance(ctx, { ...reading, measure: reading.measure });
    case 'reserveFund':
      return answerReserveFund(ctx, reading);
  }
  return [helpReply('Jag förstod inte vad frågan gäller. Jag kan svara på till exempel:')];
}

function nothingToFollow(message: string): Reply {
  return clarifyReply('Vad vill du fråga om?', message, [{ label: 'Beslutsutrymme i år', question: 'beslutsutrymme i år' }]);
}

export type { Interpretation };
