import { COUNTABLE_WORDS, FORBUND_WORDS, MONTHS, OTHER_REGIONS } from './lexicon';

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
    /^(egenfinansiering|egenfinansieringen|medfinansiering|medfinansieringen|motfinansiering|samfinansiering)$/,
    'Jag har förbundets medel till insatserna, inte vad insatsägarna själva lägger in. Fråga till exempel "vad får En väg in 2027?".',
  ],
  [
    /^(lon|loner|lonerna|lonekostnad|lonekostnader|lonekostnaderna|lokaler|lokalkostnad|lokalkostnader|hyra|hyran|personalkostnad|personalkostnader|salary|salaries|wages)$/,
    'Jag har insatsernas och förbundets belopp per år, inte uppdelade på löner, lokaler och annat.',
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
export function outsideTheData(tokens: readonly string[], questionStart: number): string | undefined {
  if (tokens.includes('vem') || (tokens.includes('vilka') && tokens.includes('personer')))
    return 'Jag svarar på frågor om förbundets ekonomi och insatser, inte om vem som gör vad. Fråga kansliet.';
  const many = tokens.findIndex((t, i) => t === 'hur' && tokens[i + 1] === 'manga');
  const counted = many >= 0 ? tokens[many + 2] : undefined;
  if (counted !== undefined && !COUNTABLE_WORDS.has(counted) && !/^\d+$/.test(counted))
    return `Jag har inga uppgifter om antal ${counted}, bara om förbundets ekonomi och insatser.${counted.startsWith('deltagar') ? ' Deltagare per insats och år finns i uppföljningen: skriv "uppföljning 2025".' : ''}`;
  if (asksForJudgement(tokens))
    return 'Jag visar siffrorna, men jag bedömer inte om en insats är värd pengarna; det avgör styrelsen. Fråga till exempel "förbrukningsgrad Min framtid 2025" eller "vad kostar Min framtid 2027".';
  const refused = NOT_IN_THE_DATA.find(([words]) => tokens.some((t) => words.test(t)));
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

const PERIODS: ReadonlySet<string> = new Set(['manad', 'manaden', 'vecka', 'veckan', 'dag', 'timme', 'kvartal', 'halvar', 'mote', 'sammantrade']);

/**
 * "i september", "per månad", "i månaden", "månadsvis": the data holds whole years only. A
 * month in a date ("31 december 2025", "per 26 mars") is no such question.
 */
function asksPerPeriod(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => {
    const before = tokens[i - 1] ?? '';
    if (/^manads/.test(t) || t === 'manatligen') return true;
    if (PERIODS.has(t)) return before === 'per' || ((t === 'manaden' || t === 'manad') && before === 'i');
    return MONTHS.has(t) && /^(i|under|for|pa|sedan|in)$/.test(before);
  });
}

/** "Är Min framtid en bra investering?", "Should we cut RegExPro?": a judgement, which is the board's. */
function asksForJudgement(tokens: readonly string[]): boolean {
  const has = (...phrase: string[]) => tokens.some((_, i) => phrase.every((p, k) => tokens[i + k] === p));
  return (
    tokens.some((t) =>
      /^(worth|should|recommend|rekommenderar|rekommendera|lonsam|lonsamt|lonsamma|investering|investeringen|investment|investments)$/.test(t),
    ) ||
    has('lonar', 'sig') ||
    has('tycker', 'du', 'att') ||
    has('ska', 'vi', 'forlanga') ||
    has('bor', 'vi') ||
    has('borde', 'vi') ||
    has('lagga', 'ner') ||
    has('dra', 'ner', 'pa')
  );
}
