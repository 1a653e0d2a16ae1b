import { ColumnKind } from '../../domain/ledger';
import { ANNUAL_REPORT_TOTALS, FORBUND, FORBUND_MEASURES, Measure, Reading, SUBJECT_MEASURES } from '../../domain/reading';
import { MINE_CUES, NEGATIONS, OVERVIEW_WORDS } from './lexicon';
import { outsideTheData } from './outsideTheData';
import { Meaning, meaningOf } from './meanings';
import { QuestionWords } from './readQuestion';
import { looksLikeFollowUp, mergeFollowUp } from './followUps';
import {
  ANAPHORA,
  CHANGE_ONLY_FOR,
  CHANGING_MEASURES,
  EITHER_MEASURES,
  INSATS_WORDS,
  STATE_WORDS,
  memberSubject,
  mentionsInsats,
  primaryMeasure,
  subjectOf,
  unexplainedWords,
  varIsNotOurs,
} from './readingParts';
import { SubjectEntity, SubjectMatch } from './subjects';
import { findPhrase } from './text';
import { coordinatedMeasures, describesOneInsats, namesAnotherInsats, twoMeasures, unknownNames, usedOrShare } from './questionShapes';
import {
  MEASURE_WORDS,
  ambiguous,
  bareLeftOver,
  bareSurplus,
  budgetWithoutSubject,
  forbundMeasureWithSubject,
  isBareLeftOver,
  isBareSurplus,
  unknownSubject,
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
  /** The kommun or region the asker said they work in ("Jag jobbar i Tierps kommun"): whose fee "vi" pay. */
  readonly statedOwner?: string;
  /** The last reading of this conversation, for follow-ups. */
  readonly previous?: Reading;
}

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
  // "ok tack så mycket!": thanks, which ask nothing.
  // ("tack, det var allt!": thanks that name no measure.)
  if (
    words.tokens.length > 0 &&
    (words.tokens.every((t) => /^(ok|okej|okay|tack|sa|mycket|bra|toppen|perfekt|super|hej|da|for|hjalpen|svaret)$/.test(t)) ||
      // ("tack! och året efter?", "tack, Heby då?", "tack, i procent?" go on.)
      (words.tokens[0] === 'tack' &&
        words.measures.length === 0 &&
        words.years.length === 0 &&
        words.yearShift === undefined &&
        !words.followUpOpener &&
        !words.inPercent &&
        match.candidates.length === 0 &&
        match.owners.length === 0 &&
        words.tokens[words.tokens.length - 1] !== 'da'))
  )
    return { kind: 'notUnderstood' };
  // "om vi beviljar 100 000 i år och 200 000 nästa år": one grant at a time.
  // ("om vi beviljar 500 tkr av de 950 tkr de söker" names one grant and what was asked: the first is granted.)
  if (words.severalAmounts && (words.measures.includes('whatIf') || words.phrasing.grants))
    return {
      kind: 'notUnderstood',
      message:
        'Jag räknar på ett belopp i taget. Fråga till exempel "om vi beviljar 500 tkr 2027, vad blir kvar?" och sedan "och om vi beviljar 300 tkr 2028?".',
    };
  // "Vi funderar på att söka … Hur stort är beslutsutrymmet?": a "vi" in a statement before the question is no "vår insats".
  // "förbundets totala kostnader, inte bara vår del": a "vår" after "inte" is not what is asked.
  // ("det var det jag behövde": "var", where "vår" would have been written with its å, is the verb; "längre period än vi" compares;
  // "och 2028 då, om vi vill förlänga?" supposes.)
  const affirmed = words.tokens.map((t, i) =>
    words.tokens.slice(Math.max(0, i - 2), i).some((n) => NEGATIONS.has(n)) ||
    varIsNotOurs(words, i) ||
    (/^(an|than|om|if)$/.test(words.tokens[i - 1] ?? '') && /^(vi|oss|we|us)$/.test(t))
      ? ''
      : t,
  );
  // "finns det beslutsutrymme nästa år om vi vill söka förlängning?": a förbund-only measure stays the förbund's.
  // ("Har vi pengar kvar i vår budget 2026?", "hur mycket har vi kvar?": whose, the words do not say; ask.)
  const forbundOnly =
    words.measures.some((m) => m === 'remaining' || m === 'remainingAfterApplications') &&
    words.tokens.some((t) => /^(beslutsutrymm|besluta$|bevilja$|forbundet$|forbundets$)/.test(t)) &&
    !words.tokens.some((t) => /^(vart|vara|min|mitt|mina|our|my)$/.test(t));
  // ("hur låg förbrukningen totalt för alla insatser? vill jämföra med oss": all of them, compared with ours.)
  const overAll = words.tokens.some((t, i) => /^(alla|samtliga)$/.test(t) && /^insats/.test(words.tokens[i + 1] ?? ''));
  const mine = ctx.ownInitiatives.length > 0 && !forbundOnly && !overAll && MINE_CUES.some((p) => findPhrase(affirmed.slice(words.contextEnd), p));
  // "de tre största insatserna": in a list or a ranking, "insatserna" names no line of its own.
  const listing = words.measures.some((m) => m === 'ranking' || m === 'fundedInitiatives' || m === 'endingInitiatives');
  let candidates = listing ? match.candidates.filter((c) => c.id !== 'samverkansinsatser') : match.candidates;
  // An insatsansvarig asking about utfall, förbrukningsgrad or a budget line without naming one means their own.
  const ownDefault =
    ctx.ownInitiatives.length === 1 &&
    !words.tokens.some((t) => /^(forbundet|forbundets|totalt|alla|samtliga|sammanlagt)$/.test(t)) &&
    words.measures.some((m) => m === 'utilisation' || m === 'actual' || m === 'unused') &&
    // ("utfall Bryggan 2025" then "i procent av budgeten?": still Bryggan.)
    ctx.previous?.subject.kind !== 'line';
  // "Vilken insats får mest pengar i år? Är det vi?": a ranking is over every insats, whoever asks.
  if (candidates.length === 0 && (mine || ownDefault) && !words.measures.includes('ranking')) {
    // ("vilken mall ska vi använda för slutrapporten?": "vi" beside words of no measure asks nothing of ours.)
    // ("vi funderar på att söka förlängning till 2028" names a year the next question may lean on.)
    if (words.measures.length === 0 && words.years.length === 0 && unexplainedWords(words, match).length > 0) return { kind: 'notUnderstood' };
    candidates = ctx.ownInitiatives;
  }
  // "hur mycket rekvirerade vår insats förra året?" from someone with no insats of their own: which one, the words do not say.
  if (
    candidates.length === 0 &&
    ctx.ownInitiatives.length === 0 &&
    !words.measures.includes('ranking') &&
    // ("hur mycket var projekt kostnaderna 2025?": "var" typed without its å may be the verb.)
    affirmed.some((t, i) => (t === 'min' || (t === 'var' && words.phrasing.oursWritten)) && /^(insats|projekt)$/.test(affirmed[i + 1] ?? ''))
  )
    return { kind: 'notUnderstood', message: 'Vilken insats menar du? Skriv dess namn, till exempel "vad får Bryggan 2027?".' };

  // "Hur mycket får Ung Framtid?": a name written beside the words of one of ours is another name, not ours.
  if (match.byName && namesAnotherInsats(words, match))
    return {
      kind: 'notUnderstood',
      message: 'Jag känner inte igen det namnet bland förbundets insatser. Fråga "vilka insatser finansieras i år?" för att se namnen.',
    };
  // "skillnaden mellan intäkter och kostnader 2027", "blir kostnaderna högre än intäkterna?": the year's result.
  // ("hur mycket ökar intäkterna och kostnaderna?" asks two changes.)
  if (
    words.difference &&
    words.measures.includes('income') &&
    words.measures.includes('costs') &&
    match.candidates.length === 0 &&
    words.years.length <= 1 &&
    words.tokens.some((t) => /^(skillnaden|skillnad|diff|differens|differensen|hogre|lagre|storre|mindre|mer|an)$/.test(t)) &&
    !words.tokens.some((t) => /^(okar|okade|minskar|minskade|vaxer|sjunker|stiger|okning|minskning)$/.test(t))
  )
    return reading({ measure: 'result', subject: FORBUND }, { ...words, difference: false, changeAsked: false }, ctx);
  // ("skillnaden mellan intäkter och kostnader 2026 och 2027": a result for each year.)
  if (words.difference && words.measures.includes('income') && words.measures.includes('costs') && words.years.length > 1)
    return {
      kind: 'notUnderstood',
      message: 'Skillnaden mellan intäkter och kostnader är årets resultat. Fråga om ett år i taget, till exempel "resultat 2026" och sedan "och 2027?".',
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
    // ("Hur gick det för Min framtid 2025?" then "förbrukningsgraden alltså": the same question, said more exactly.)
    !words.tokens.some((t) => /^(alltsa|dvs|menar|menade|de|dom)$/.test(t)) &&
    // ("beslutsutrymme 2027" then "har vi 2 mkr kvar då?": "då" leans on it.)
    words.tokens[words.tokens.length - 1] !== 'da' &&
    // "Vilken insats får minst 2028?" then "Vilken får mest?": only the order changes, the year stays.
    !(measure0 === 'ranking' && words.years.length === 0 && match.candidates.length === 0);
  const followUp = ctx.previous && !restated && looksLikeFollowUp(words, match);
  if (followUp && ctx.previous) return mergeFollowUp(words, match, candidates, measure0, ctx.previous, ctx);

  // "hur stor är Arbetsförmedlingens egen budget?": a member's own budget, which the förbund's data does not hold.
  if (
    words.tokens.some(
      (t, i) =>
        (/^(arbetsformedlingens|forsakringskassans|statens)$/.test(t) && /^(egen|egna|eget)$/.test(words.tokens[i + 1] ?? '')) ||
        (/^(af|fk)$/.test(t) && words.tokens[i + 1] === 's' && /^(egen|egna|eget)$/.test(words.tokens[i + 2] ?? '')),
    ) &&
    !words.measures.includes('membershipFee') &&
    words.tokens.some((t) => /^(budget|budgeten|budgetar)$/.test(t))
  )
    return {
      kind: 'notUnderstood',
      message: 'Jag har förbundets siffror, inte medlemmarnas egna budgetar. Fråga till exempel "medlemsavgift Försäkringskassan 2025".',
    };
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
    // ("hur mycket pengar finns i Nordeafonden?": a name we do not know is no overview of ours.)
    if (words.tokens.some((t) => OVERVIEW_WORDS.has(t)) && unknownNames(words, match).length === 0)
      return reading({ measure: 'remaining', subject: FORBUND }, words, ctx);
    return { kind: 'notUnderstood' };
  }
  // "vad blir prognosen för 2026?": the table's own bottom line is the beslutsutrymme.
  if (
    measure0 === 'line' &&
    candidates.length === 0 &&
    words.columns.length > 0 &&
    !words.tokens.some((t) => t.startsWith('budget') || t === 'bu' || t === 'budg') &&
    // ("kostnad 2028 prel": a cost asked, of something not named.)
    !(words.measureAt.get('line') ?? []).some((i) => /^kost/.test(words.tokens[i] ?? '')) &&
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
    if (!feeNamed && unexplainedWords(words, match).some((t) => !STATE_WORDS.test(t) && !/^(tillsammans|totalt|sammanlagt|gemensamt)$/.test(t)))
      return { kind: 'notUnderstood' };
    // "Vad betalar vi i medlemsavgift till NNS?": a name that is no member of ours.
    if (match.owners.length === 0 && unknownNames(words, match).some((t) => !STATE_WORDS.test(t)))
      return {
        kind: 'notUnderstood',
        message:
          'Jag har medlemmarnas avgifter till förbundet (2024 och 2025), inte förbundets egna avgifter till andra. Fråga till exempel "medlemsavgift Tierp 2025".',
      };
    // "vad betalar Försäkringskassan och regionen?", "vad betalar kommunerna?": parts of the members, which no card sums.
    // ("Vad betalade kommunerna, regionen och staten tillsammans?", "alla medlemmar": every member, the total.)
    const kommunerna = words.tokens.some((t) => /^(kommuner|kommunerna|kommunernas)$/.test(t));
    const state = words.tokens.some((t) => STATE_WORDS.test(t));
    // ("vad betalar staten och region?": "region" alone is Region Uppsala's fee here.)
    const region = match.owners.length === 0 && words.tokens.includes('region') ? 1 : 0;
    const kinds = match.owners.length + region + (state ? 1 : 0) + (kommunerna ? 1 : 0);
    const everyone =
      (words.tokens.some((t) => /^(medlemmarna|medlemmar|samtliga|alla|members)$/.test(t)) && !kommunerna) ||
      (kinds >= 3 && words.tokens.some((t) => /^(tillsammans|totalt|sammanlagt)$/.test(t)));
    if (!everyone && ((state && match.owners.length + region > 0) || kommunerna))
      return {
        kind: 'notUnderstood',
        message:
          'Jag visar en medlems avgift i taget eller alla medlemmars tillsammans. Fråga till exempel "medlemsavgift Region Uppsala 2025" eller "medlemsavgifter totalt 2025".',
      };
    // "vår kommun" from an insatsansvarig: the kommun that owns their insats.
    // ("Jag jobbar i Tierps kommun." then "hur mycket betalar vi i medlemsavgift?": Tierp's.)
    const ownOwner = ctx.statedOwner ?? ctx.ownInitiatives[0]?.owner;
    const ourKommun =
      match.owners.length === 0 &&
      ownOwner !== undefined &&
      ((ownOwner !== 'Region Uppsala' && /\b(var|vara|vart|our) (kommun|kommuns|municipality)\b/.test(words.tokens.join(' '))) ||
        (ctx.statedOwner !== undefined && words.tokens.some((t) => /^(vi|oss|we|us)$/.test(t))));
    return reading({ measure, subject: memberSubject(words, ourKommun ? { ...match, owners: [ownOwner] } : match) }, words, ctx);
  }
  // ("Vi från Arbetsförmedlingen undrar …": a member of ours is no unknown name.)
  const unknownName = unknownNames(words, match).filter((t) => !STATE_WORDS.test(t))[0];
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
  // "vad kostade Framsteget 2025?", "vad blev kostnaderna för insatserna 2025?": what an insats cost in a closed year is its utfall.
  if (
    measure === 'line' &&
    (subject.isInitiative || subject.id === 'samverkansinsatser') &&
    words.columns.length === 0 &&
    words.years.length === 1 &&
    (words.years[0] as number) < ctx.currentYear &&
    words.tokens.some((t) => /^(kostade|kostat|blev)$/.test(t)) &&
    // ("vad blev Växtkraft beviljat 2025?", "vad skulle Framsteget ha kostat?": what was granted.)
    !words.tokens.some((t) => /^(bevilja|anslag|tilldela|budget|skulle)/.test(t))
  )
    return reading({ measure: 'actual', subject: subject.id === 'samverkansinsatser' ? FORBUND : subjectOf(subject) }, words, ctx);
  const own = ctx.ownInitiatives.includes(subject) && match.candidates.length === 0;
  const result = reading({ measure, subject: subjectOf(subject) }, words, ctx);
  return own && result.kind === 'reading' ? { kind: 'reading', reading: { ...result.reading, own: true } } : result;
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
      (words.years[0] === ctx.currentYear && ANNUAL_REPORT_TOTALS.has(partial.measure)) ||
      ((words.years[0] as number) < ctx.currentYear && ANNUAL_REPORT_TOTALS.has(partial.measure) && partial.measure !== 'remaining')) &&
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

/** Closed-year measures default to the last closed year. */
function defaultYear(measure: Measure, currentYear: number, words: QuestionWords): number {
  // "Hur stort blir eget kapital vid årets slut?": "blir" looks ahead to this year, which has no books yet.
  const ahead = words.tokens.some((t) => /^(blir|kommer|will)$/.test(t));
  return (measure === 'soliditet' || measure === 'kassalikviditet' || measure === 'equity' || measure === 'unused') && !ahead ? currentYear - 1 : currentYear;
}
