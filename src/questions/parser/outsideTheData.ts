import { COMPARATIVES, COUNTABLE_WORDS, FORBUND_WORDS, MONTHS, OTHER_REGIONS } from './lexicon';
import type { QuestionWords } from './readQuestion';

/** Words that ask for something the förbund's figures do not hold, whatever budget words stand beside them, and what to say. */
const NOT_IN_THE_DATA: readonly (readonly [RegExp, string])[] = [
  [
    /^(boka|bokar|ringa|ring|maila|mejla|mejl|mail)$/,
    'Jag kan inte boka möten eller skicka meddelanden; jag svarar på frågor om förbundets ekonomi och insatser.',
  ],
  [
    /^deltagar/,
    'Jag har inga siffror per deltagare, bara förbundets och insatsernas belopp per år. Deltagare per insats och år finns i uppföljningen: skriv "uppföljning 2025".',
  ],
  [
    /^(egenfinansier\w*|medfinansiering|medfinansieringen|motfinansiering|motfinansieringen)$/,
    'Jag har förbundets medel till insatserna, inte vad insatsägarna själva lägger in. Fråga till exempel "vad får En väg in 2027?".',
  ],
  [
    /^(lon|lonen|lonens|loner|lonerna|loneniva|lonenivan|lonenivaer|lonelage|lonelaget|lonekostnad|lonekostnaden|lonekostnader|lonekostnaderna|lokaler|lokalkostnad|lokalkostnader|lokalhyra|lokalhyran|lokalhyror|hyra|hyran|personalkostnad|personalkostnader|salary|salaries|wages)$/,
    'Jag har insatsernas och förbundets belopp per år, inte uppdelade på löner, lokaler och annat.',
  ],
  [
    /^(ranta|rantan|rantor|rantorna|ranteintakter|ranteintakterna|rantekostnader|interest|rantefond|rantefonden|korttidsrantefond|kortrantefond|kortrantefonden|finansnetto|finansnettot|bank|banken|bankkonto|bankkontot|bankkontona|banksaldo|banksaldot)$/,
    'Jag har inte förbundets räntor eller placeringar, bara intäkter och kostnader i budgeten och årsredovisningens nyckeltal. Fråga till exempel "intäkter 2026" eller "eget kapital 2025".',
  ],
  [
    /^(anstalla|anstalld|anstallning|anstallningen|nyanstallning|rekrytera|rekrytering|rekryteringen)$/,
    'Jag har förbundets och insatsernas belopp per år, inte vad en ny tjänst eller anställning skulle kosta.',
  ],
  [
    /^(snittlon\w*|medellon\w*|manadslon\w*|timlon\w*|timpris\w*|timkostnad\w*|lonerevision\w*|loneokning\w*|arbetsgivaravgift\w*)$/,
    'Jag har insatsernas och förbundets belopp per år, inte löner eller avgifter på dem.',
  ],
  [
    /^(arbetsloshet|arbetslosheten|arbetslosheter|sysselsattningsgrad|sysselsattningsgraden|unemployment)$/,
    'Jag har förbundets ekonomi och insatser, inte statistik om arbetsmarknaden. Fråga till exempel "beslutsutrymme 2027".',
  ],
  [
    /^(arsarbetare|arsarbetaren|arsarbetarna|arsarbetskraft|arsarbetskrafter|heltidstjanst|heltidstjanster|anstallda|medarbetare)$/,
    'Jag har förbundets och insatsernas belopp per år, inte hur många som arbetar i dem.',
  ],
  [
    /^(mall|mallen|mallar|mallarna|blankett|blanketten|blanketter|formular|formularet)$/,
    'Jag har inga mallar eller blanketter; dem har kansliet. Jag svarar på frågor om förbundets ekonomi och insatser.',
  ],
  [
    /^(sjukfranvaro|sjukfranvaron|sjukskrivning|sjukskrivningar|sjukskrivningen|personalomsattning|personalomsattningen)$/,
    'Jag har insatsernas och förbundets belopp per år, inte uppgifter om personalen i insatserna.',
  ],
  [
    /^(mal|malen|malet|maluppfyllelse|goal|goals)$/,
    'Jag har siffror om pengar och insatstider, inte om insatsernas mål och hur de nås. Det står i uppföljningen och verksamhetsplanen.',
  ],
];

/**
 * Questions no figure of ours answers, however many of their words look like a budget
 * question: about people ("vem är …"), counts the data has not ("hur många deltagare"),
 * another förbund, a month, a judgement. Returns why, in Swedish; undefined when the data may answer.
 * `questionStart`: where the clause that asks begins (a month before it only says when).
 */
export function outsideTheData(words: QuestionWords): string | undefined {
  const { tokens, questionStart } = words;
  const shape = OUTSIDE_SHAPES.find(([asks]) => asks(words));
  if (shape) return typeof shape[1] === 'string' ? shape[1] : shape[1](words);
  const refused = NOT_IN_THE_DATA.find(([word]) => tokens.some((t) => word.test(t)));
  if (refused) return refused[1];
  if (asksPerPeriod(tokens.slice(questionStart)))
    return 'Jag har bara helårssiffror: budget, prognos och utfall per år. Fråga om ett helt år, till exempel "vad kostar Växtkraft 2027?".';
  const otherPlace = tokens.find((t) => OTHER_REGIONS.has(t));
  const forbundAt = tokens.findIndex((t) => FORBUND_WORDS.has(t));
  const namedForbund = forbundAt >= 0 ? tokens.slice(forbundAt + 1).find((t) => t !== 'i') : undefined;
  if (otherPlace || (namedForbund !== undefined && OTHER_REGIONS.has(namedForbund)))
    return 'Jag svarar bara för det här förbundets siffror, inte för andra samordningsförbund.';
  return undefined;
}

type Shape = readonly [asks: (words: QuestionWords) => boolean, why: string | ((words: QuestionWords) => string)];

/** Shapes of question no card answers, in the order they are tried: the first that fits says why. */
const OUTSIDE_SHAPES: readonly Shape[] = [
  [
    // "hur mycket medfinansierar Enköping Växtkraft?": the owner's money ("vad medfinansierar förbundet till Bryggan?" is the förbund's grant).
    ({ tokens }) =>
      tokens.some((t) => /^(med|mot|sam)finansier/.test(t)) &&
      tokens.some((t) => /^(enkoping|heby|habo|knivsta|tierp|uppsala|alvkarleby|osthammar|kommunen|kommunerna|regionen|region)/.test(t)) &&
      !tokens.some((t) => /^(forbundet|forbundets|samordningsforbundet)$/.test(t)),
    'Jag har förbundets medel till insatserna, inte vad insatsägarna själva lägger in. Fråga till exempel "vad får En väg in 2027?".',
  ],
  [
    // "antal arbetslösa i Tierp": statistics ("vilka insatser riktar sig till arbetslösa?" lists insatser).
    ({ tokens }) => tokens.some((t) => /^(arbetslosa|arbetslosheten|arbetsloshet)$/.test(t)) && !tokens.some((t) => /^insats/.test(t)),
    'Jag har förbundets ekonomi och insatser, inte statistik om arbetsmarknaden. Fråga till exempel "vilka insatser finansieras i år?".',
  ],
  [
    // "de finansiella intäkterna 2025", "resultatet efter finansiella poster" ("före finansiella poster" is the verksamhetens
    // resultat, which we have).
    ({ tokens }) =>
      tokens.some(
        (t, i) => /^finansiell/.test(t) && /^(intakt|kostnad|post)/.test(tokens[i + 1] ?? '') && !/^(exklusive|exkl|utan|fore)$/.test(tokens[i - 1] ?? ''),
      ),
    'Jag har inte förbundets finansiella intäkter och kostnader, bara verksamhetens intäkter och kostnader i budgeten och årsredovisningens nyckeltal. Fråga till exempel "resultat 2025".',
  ],
  [
    ({ phrasing }) => phrasing.asksToChange,
    'Jag kan inte ändra siffrorna. Budgeten ändras genom styrelsens beslut och en ny import av den ekonomiska informationen; en avvikelse i en insats anmäls med "ny avvikelse".',
  ],
  [
    ({ phrasing }) => phrasing.supposesAChange,
    'Jag räknar ut vad som blir kvar att besluta om när styrelsen beviljar ett belopp ("om vi beviljar 500 tkr 2027"), men inte följderna av att en insats förlängs, läggs ner eller lämnar tillbaka pengar.',
  ],
  [
    ({ phrasing }) => phrasing.changesByAmount,
    'Jag räknar ut vad som blir kvar att besluta om när styrelsen beviljar ett belopp ("om vi beviljar 500 tkr 2027"), men inte följderna av andra ändringar i budgeten.',
  ],
  [
    ({ tokens }) =>
      tokens.some((t, i) => /^(varje|per|each)$/.test(t) && PERSON_WORDS.test(tokens[i + 1] ?? '')) ||
      has(tokens, 'var', 'och', 'en') ||
      // "Vad får man i arvode som ledamot?": one person's fee.
      (tokens.some((t) => t.startsWith('arvode')) &&
        tokens.some((t) => /^(ledamot|ledamoten|ordforande|ordforanden|ordforandes|styrelseledamot)$/.test(t)) &&
        !tokens.some((t) => SUM_WORDS.test(t))),
    ({ tokens }) =>
      `Jag har inga siffror per person, bara förbundets och insatsernas belopp per år.${tokens.some((t) => t.startsWith('arvode')) ? ' Arvodena ingår i raden Förtroendevalda: skriv "förtroendevalda 2027".' : ''}`,
  ],
  [
    // "Hur mycket får vi flytta över till 2027 utan en avvikelse?": what the rules allow, not a figure.
    ({ tokens }) =>
      tokens.some(
        (t, i) =>
          /^(far|kan|fick|ska)$/.test(t) &&
          /^(vi|de|man|ni|insatsen)$/.test(tokens[i + 1] ?? '') &&
          /^(flytta|fora|overfora|spara|omfordela)$/.test(tokens[i + 2] ?? '') &&
          /^(over|pengar|medel|budget|budgeten)$/.test(tokens[i + 3] ?? ''),
      ),
    'Vad en insats får flytta mellan år eller poster avgörs av förbundets regler och styrelsens beslut, inte av siffrorna jag har. En förändring anmäls som en avvikelse: skriv "ny avvikelse".',
  ],
  [
    // "kostnaderna för personal 2025", "hur lång tid har vi kvar av mötet?": cost types and meetings, not the förbund's figures.
    ({ tokens }) =>
      has(tokens, 'for', 'personal') ||
      has(tokens, 'var', 'personal') ||
      has(tokens, 'lang', 'tid') ||
      // "Vad kostade revisionen 2025?", "vilken tid stänger kansliet?": a cost type and opening hours.
      tokens.some((t) => /^(revision|revisionen|revisionskostnad\w*|stanger|stangt|oppettider|oppettiderna)$/.test(t)) ||
      has(tokens, 'av', 'motet') ||
      tokens.some((t) => /^(minuter|dagordningen)$/.test(t)),
    'Jag har förbundets och insatsernas belopp per år, inte kostnadsslag, möten eller tider. Fråga kansliet.',
  ],
  [
    severalYearsSummed,
    'Jag summerar inte över flera år. Fråga om ett år i taget, till exempel "vad kostar Bryggan 2027?", eller om förändringen: "skillnaden mellan 2026 och 2027".',
  ],
  [
    ({ measures, tokens }) =>
      measures.includes('ranking') && (has(tokens, 'vilket', 'ar') || has(tokens, 'vilket', 'av', 'aren') || has(tokens, 'which', 'year')),
    'Jag rangordnar insatser, inte år. Fråga om ett år i taget, till exempel "beslutsutrymme 2027".',
  ],
  [
    ({ measures }) => measures.includes('ranking') && measures.includes('membershipFee'),
    'Jag rangordnar insatser, inte medlemmar. Fråga om en medlems avgift, till exempel "medlemsavgift Knivsta 2025".',
  ],
  [
    ({ tokens }) => tokens.some((t) => /^(snitt|snittet|genomsnitt|genomsnittet|genomsnittlig|genomsnittliga|genomsnittligt|average|mean)$/.test(t)),
    'Jag räknar inte ut genomsnitt. Fråga om ett år i taget, till exempel "vad kostar förvaltningen 2027?".',
  ],
  [
    // "de senaste två åren": which years, the words do not say.
    ({ tokens }) =>
      tokens.some(
        (t, i) =>
          /^(senaste|kommande|narmaste|forra|past|last|next|coming)$/.test(t) &&
          /^(\d|tva|tre|fyra|fem|two|three|four|five)/.test(tokens[i + 1] ?? '') &&
          /^(aren|years)$/.test(tokens[i + 2] ?? ''),
      ),
    'Vilka år menar du? Fråga om ett år i taget, till exempel "utfall Framsteget 2024" och sedan "och 2025?".',
  ],
  [
    ({ measures }) => measures.includes('share') && measures.includes('membershipFee'),
    'Jag har medlemsavgiften per medlem i kronor, inte som andel. Fråga till exempel "medlemsavgift Region Uppsala 2025".',
  ],
  [
    ({ difference, amount, tokens }) =>
      !difference &&
      amount === undefined &&
      tokens.some((t, i) => COMPARATIVES.test(t) && [tokens[i + 1], tokens[i + 2]].some((n) => n === 'an' || n === 'than')),
    'Jag jämför inte två insatser eller rader i ett svar. Fråga om en i taget, till exempel "vad kostar Bryggan 2027?" och sedan "och Växtkraft?".',
  ],
  [
    ({ tokens, amount, measures }) =>
      (has(tokens, 'pa', 'delegation') || tokens.some((t) => /^delegations(grans|ordning)/.test(t))) && amount === undefined && !measures.includes('whatIf'),
    'Hur stora belopp förbundschefen får bevilja på delegation står i förbundets delegationsordning. Jag svarar på vad som finns kvar: "om vi beviljar 400 tkr på delegation i år, vad blir kvar?".',
  ],
  [
    // "… hela ISA-projektet fått, alla parter sammanlagt?": what every party put in, not the förbund's share.
    ({ tokens, measures }) =>
      has(tokens, 'extern', 'finansiering') ||
      has(tokens, 'externa', 'medel') ||
      has(tokens, 'extern', 'medfinansiering') ||
      (has(tokens, 'alla', 'parter') && !measures.includes('membershipFee')),
    'Jag har förbundets medel till insatserna, inte vad de har fått från andra finansiärer.',
  ],
  [
    ({ tokens, amount, measures }) =>
      tokens.some((t) => /^(ansokan|ansokningar|ansokningarna|ansoka|soka)$/.test(t)) &&
      tokens.some((t) => /^(skickas|skicka|lamnas|lamna|soker|ansoker|via)$/.test(t)) &&
      amount === undefined &&
      !measures.includes('whatIf'),
    'Hur man söker pengar står i förbundets riktlinjer för ansökan. Här i chatten börjar du en ansökan med "ny ansökan".',
  ],
  [
    ({ tokens }) =>
      has(tokens, 'vilken', 'sida') ||
      has(tokens, 'vilka', 'sidor') ||
      tokens.some((t) => /^(protokollet|protokoll|justeras|justering|dagordning|dagordningen|sidnummer)$/.test(t)),
    'Jag svarar på frågor om förbundets ekonomi och insatser med siffrorna, inte om var de står i dokumenten eller om möten och protokoll. Fråga kansliet.',
  ],
  [
    ({ tokens, questionStart }) =>
      tokens.slice(questionStart).some((t) => /^(forlanga|forlangs|forlangning|forlangningen)$/.test(t)) && tokens.some((t) => /^kost/.test(t)),
    'Vad en förlängning kostar står i ansökan om den; jag har de belopp som är beviljade. Fråga till exempel "vad kostar Växtkraft 2027?".',
  ],
  [
    // "Vad lägger Håbo kommun själv in i Framsteget?": the owner's own money, which the förbund's figures do not hold.
    ({ tokens }) => tokens.some((t) => /^(sjalv|sjalva)$/.test(t)) && tokens.some((t) => /^(lagger|bidrar|satsar|skjuter|finansierar|betalar)$/.test(t)),
    'Jag har förbundets medel till insatserna, inte vad insatsägarna själva lägger in. Fråga till exempel "vad får Framsteget 2027?".',
  ],
  [
    // "Vem driver Bryggan, och vad kostar den?": the card names the insatsägare beside the figure asked.
    ({ tokens, measures }) =>
      // ("Vem får mest pengar i år?" ranks the insatser.)
      (tokens.includes('vem') && !measures.includes('ranking') && !(measures.length > 0 && (has(tokens, 'vem', 'driver') || has(tokens, 'vem', 'ager')))) ||
      has(tokens, 'vad', 'heter') ||
      tokens.some((t) => /^kontaktperson/.test(t)) ||
      (tokens.includes('vilka') && tokens.includes('personer')),
    'Jag svarar på frågor om förbundets ekonomi och insatser, inte om vem som gör vad. Fråga kansliet.',
  ],
  [
    (words) => countedThing(words) !== undefined,
    (words) =>
      `Jag räknar bara insatser ("hur många insatser finansieras 2027?"); andra antal har jag inga uppgifter om.${(countedThing(words) ?? '').startsWith('deltagar') ? ' Deltagare per insats och år finns i uppföljningen: skriv "uppföljning 2025".' : ''}`,
  ],
  [
    ({ tokens, measures, capitalised, amount }) =>
      asksForJudgement(tokens) ||
      // "Vad tycker du om Bryggan?", "Vad ska vi göra åt vakanserna i Växtkraft?": a judgement of something named.
      ((has(tokens, 'tycker', 'du', 'om') || has(tokens, 'vad', 'ska', 'vi', 'gora')) && capitalised.size > 0 && measures.every((m) => m === 'line')) ||
      // "vad tycker kansliet om vår kvartalsrapport?", "är Växtkraft en bra insats, tycker du?": an opinion, asked of no figure.
      // ("vad tycker du om vädret?" is small talk, for the help card.)
      // ("vad tycker styrelsen om att sänka medlemsavgiften?": an opinion of a change, whatever figure it names.)
      ((has(tokens, 'vad', 'tycker') || has(tokens, 'vad', 'anser')) && has(tokens, 'om', 'att') && amount === undefined) ||
      ((has(tokens, 'bra', 'insats') ||
        ((has(tokens, 'vad', 'tycker') || has(tokens, 'vad', 'anser')) && !has(tokens, 'tycker', 'du')) ||
        (has(tokens, 'tycker', 'du') && tokens.some((t) => t.startsWith('insats')))) &&
        measures.every((m) => m === 'line')),
    'Jag visar siffrorna, men jag bedömer inte om en insats är värd pengarna; det avgör styrelsen. Fråga till exempel "förbrukningsgrad Min framtid 2025" eller "vad kostar Min framtid 2027".',
  ],
];

/** "hur många deltagare …": what is counted, when it is no count the data has (insatser, kronor, år). */
function countedThing({ tokens, phrasing }: QuestionWords): string | undefined {
  const many = tokens.findIndex((t, i) => t === 'hur' && tokens[i + 1] === 'manga');
  // "hur många är arbetslösa": "är", not "år", when the question wrote it so.
  const counted = many >= 0 ? tokens[many + (phrasing.howManyAre && tokens[many + 2] === 'ar' ? 3 : 2)] : undefined;
  return counted !== undefined && !COUNTABLE_WORDS.has(counted) && !/^\d+$/.test(counted) ? counted : undefined;
}

const PERSON_WORDS =
  /^(styrelseledamot|ledamot|ledamoten|ledamoter|ersattare|person|personer|deltagare|anstalld|medarbetare|invanare|individ|capita|member|participant)$/;
const SUM_WORDS = /^(totalt|sammanlagt|sammanlagd|sammanlagda|tillsammans|summerat|summerad|summerade|altogether|combined)$/;

const has = (tokens: readonly string[], ...phrase: string[]) => tokens.some((_, i) => phrase.every((p, k) => tokens[i + k] === p));

/** "totalt 2026–2028", "sammanlagt sedan 2024", "under hela perioden": a sum over years, which no card shows. */
function severalYearsSummed(words: QuestionWords): boolean {
  const { tokens } = words;
  // "Hur mycket har Bryggan fått sedan starten 2023?": everything since it began.
  if (!words.difference && tokens.some((t, i) => /^(sedan|sen|since)$/.test(t) && /^(starten|start|begynnelsen|it)$/.test(tokens[i + 1] ?? ''))) return true;
  if (words.difference || (!tokens.some((t) => SUM_WORDS.test(t)) && !has(tokens, 'i', 'allt') && !has(tokens, 'in', 'total'))) return false;
  const period =
    tokens.some((t, i) => /^(sedan|sen|since)$/.test(t) && /^20\d\d$/.test(tokens[i + 1] ?? '')) ||
    tokens.some((t) => /^(perioden|insatsperioden|insatstiden|projektperioden|period)$/.test(t));
  return words.years.length >= 2 || period;
}

const PERIODS: ReadonlySet<string> = new Set([
  'manad',
  'manaden',
  'vecka',
  'veckan',
  'dag',
  'timme',
  'kvartal',
  'halvar',
  'mote',
  'styrelsemote',
  'sammantrade',
]);

const ORDINALS = /^(forsta|andra|tredje|fjarde|sista|senaste|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|\d{1,2})$/;

/**
 * "i september", "per månad", "i månaden", "månadsvis": the data holds whole years only. A
 * month in a date ("31 december 2025", "per 26 mars") is no such question.
 */
function asksPerPeriod(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => {
    const before = tokens[i - 1] ?? '';
    if (/^manads/.test(t) || t === 'manatligen') return true;
    if (/^(kvartal|kvartalet|kvartalen|kvartalens|manaderna|halvaret)$/.test(t) && ORDINALS.test(before)) return true;
    if (
      /^(hosten|varen|sommaren|vintern|hostterminen|varterminen|ht|vt)$/.test(t) &&
      (/^(under|i|pa|till|fram)$/.test(before) || /^20\d\d$/.test(tokens[i + 1] ?? ''))
    )
      return true;
    if (PERIODS.has(t)) return before === 'per' || ((t === 'manaden' || t === 'manad') && before === 'i');
    // "fastställdes i november": the month an event happened, not a month asked about.
    const event = /^(faststalldes|beslutades|beslots|antogs|togs|godkandes|fattades|decided|adopted)$/.test(tokens[i - 2] ?? '');
    return MONTHS.has(t) && /^(i|under|for|pa|sedan|in)$/.test(before) && !event;
  });
}

/** "Är Min framtid en bra investering?", "Should we cut RegExPro?": a judgement, which is the board's. */
function asksForJudgement(tokens: readonly string[]): boolean {
  return (
    tokens.some((t) =>
      /^(worth|should|recommend|rekommenderar|rekommendera|lonsam|lonsamt|lonsamma|investering|investeringen|investment|investments|klokt|klok|vettigt|rimligt|lampligt|smart|wise|sensible)$/.test(
        t,
      ),
    ) ||
    has(tokens, 'lonar', 'sig') ||
    has(tokens, 'tycker', 'du', 'att') ||
    has(tokens, 'ska', 'vi', 'forlanga') ||
    tokens.includes('borde') ||
    // "värt pengarna" ("vårt", written the same way without diacritics, takes no such word after it)
    tokens.some((t, i) => t === 'vart' && /^(pengarna|pengar|det|att|satsningen)$/.test(tokens[i + 1] ?? '')) ||
    tokens.some((t, i) => t === 'bor' && /^(vi|styrelsen|forbundet|man|ni)$/.test(tokens[i + 1] ?? '')) ||
    has(tokens, 'borde', 'vi') ||
    has(tokens, 'lagga', 'ner') ||
    has(tokens, 'dra', 'ner', 'pa')
  );
}
