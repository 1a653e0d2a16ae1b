/**
 * What a question's wording says before it is split into words: amounts and years written
 * out in words, a figure quoted to be checked, a change asked of the bot. Each of these
 * once gave a confident figure for another question ("om fem år" read as this year,
 * "en halv miljon" as no amount, "stämmer det att … är 3 178 tkr?" as a grant of 3 178 tkr).
 */

const COUNT_WORDS: Readonly<Record<string, number>> = {
  ett: 1,
  en: 1,
  tva: 2,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  atta: 8,
  nio: 9,
  tio: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
};
const COUNT = `(\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})`;
/** The units one to nine as words: the last part of "tjugoåtta", the decimal of "en komma fem". */
const UNITS = Object.keys(COUNT_WORDS)
  .filter((w) => COUNT_WORDS[w] !== undefined && (COUNT_WORDS[w] as number) < 10 && !/^(one|two|three|four|five|six)$/.test(w))
  .join('|');
const countOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : (COUNT_WORDS[s] as number));

const HUNDREDS = `(hundra|etthundra|tvåhundra|tvahundra|trehundra|fyrahundra|femhundra|sexhundra|sjuhundra|åttahundra|attahundra|niohundra)`;
const hundredsOf = (s: string) => 100 * (s === 'hundra' ? 1 : countOf(s.replace(/hundra$/, '')));

/** A pattern of whole words: JavaScript's \b knows no å, ä or ö ("\bökar" never matches). */
function wholeWords(source: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${source})(?![\\p{L}\\d])`, `iu${flags}`);
}

/**
 * Writes counted years and amounts in words as the reader reads them: "om tre år" → the
 * year, "för fem år sedan" → the year, "en halv miljon" → "500 tkr", "300 000:-" → "300 000 kr".
 */
/** The chat's short forms of the table's words: "tot kostn", "beslutsutr", "eget kap", "sos", "RU". */
const SHORT_FORMS: readonly (readonly [RegExp, string])[] = [
  [wholeWords('tot', 'g'), 'totala'],
  [wholeWords('kostn', 'g'), 'kostnader'],
  [wholeWords('beslutsutr', 'g'), 'beslutsutrymme'],
  [wholeWords('eget\\s+kap', 'g'), 'eget kapital'],
  [wholeWords('sos', 'g'), 'Samordnat stöd'],
  [wholeWords('ru', 'g'), 'Region Uppsala'],
  // "mer eller mindre 3 miljoner": about, not a change.
  [/mer eller mindre\s+(?=\d)(?!20\d\d\b)/gi, 'ungefär '],
];

export function spellOutNumbers(text: string, currentYear: number): string {
  const year = (offset: number) => ` ${currentYear + offset} `;
  const count = (n: string) => countOf(n.toLowerCase());
  return (
    SHORT_FORMS.reduce((t, [form, word]) => t.replace(form, word), text)
      // "1,2 mille", "3 milj", "2 mnkr": the chat's words for millions.
      .replace(/(\d)\s*(?:mille|millen|milj|mnkr)(?![a-zåäö])/gi, '$1 miljoner')
      .replace(wholeWords(`om\\s+${COUNT}\\s+(?:år|ar)`, 'g'), (_, n: string) => year(count(n)))
      .replace(wholeWords(`in\\s+${COUNT}\\s+years?`, 'g'), (_, n: string) => year(count(n)))
      .replace(wholeWords(`(?:för\\s+|for\\s+)?${COUNT}\\s+(?:år|ar)\\s+(?:sedan|sen)`, 'g'), (_, n: string) => year(-count(n)))
      .replace(wholeWords(`${COUNT}\\s+years?\\s+ago`, 'g'), (_, n: string) => year(-count(n)))
      // "en komma fem miljoner": a decimal amount in words.
      .replace(wholeWords(`${COUNT}\\s+komma\\s+(${UNITS})\\s+(?:miljon|miljoner|mkr)`, 'g'), (_, n: string, d: string) => ` ${count(n)},${count(d)} mkr `)
      // Amounts in words: "en och en halv miljon", "en halv miljon", "trekvarts miljon", "två miljoner", "femhundra tusen"
      // (millions written in mkr: "2000 tkr" would read as the year 2000).
      .replace(wholeWords(`${COUNT}\\s+och\\s+en\\s+halv\\s+miljon(?:er)?`, 'g'), (_, n: string) => ` ${count(n)},5 mkr `)
      .replace(wholeWords('(?:en\\s+|ett\\s+)?(halv|kvarts|trekvarts|tre\\s+kvarts)\\s+miljon(?:er)?', 'g'), (_, part: string) => {
        const share = part.toLowerCase().replace(/\s+/g, '');
        return ` ${share === 'halv' ? 500 : share === 'kvarts' ? 250 : 750} tkr `;
      })
      .replace(wholeWords(`${COUNT}\\s+(?:miljon|miljoner|mkr)`, 'g'), (m, n: string) => (/^\d/.test(n) ? m : ` ${count(n)} mkr `))
      .replace(wholeWords(`${HUNDREDS}\\s*tusen`, 'g'), (_, h: string) => ` ${hundredsOf(h.toLowerCase())} tkr `)
      .replace(/(\d)\s*:-/g, '$1 kr')
      // "tjugotjugosju", "två tusen tjugoåtta", "tjugotjugo": a year in words, as dictation writes it.
      .replace(wholeWords(`(?:tjugo|två\\s*tusen|tva\\s*tusen)\\s*tjugo(${UNITS})?`, 'g'), (_, n: string | undefined) => ` ${2020 + (n ? count(n) : 0)} `)
  );
}

/** After a number, words that make it a count, an amount, a day or a rank ("25 procent", "20 deltagare", "26 mars", "15 största"), not a year. */
const COUNTED =
  '%|procent\\w*|proc|tkr|mkr|mnkr|milj\\w*|kr|kronor|sek|ksek|msek|tusen|k|st|stycken|pers|personer|deltagare|unga|ungdomar|inskrivna|avslut|' +
  'dagar|dag|veckor|mån|man|månader|manader|år|ar|åringar|aringar|timmar|tim|min|minuter|insatser|kommuner|medlemmar|ledamöter|ledamoter|' +
  'ansökningar|ansokningar|möten|moten|invånare|invanare|gånger|ganger|anställda|anstallda|platser|största|storsta|minsta|dyraste|billigaste|' +
  'jan\\w*|feb\\w*|mars|april|maj|juni|juli|aug\\w*|sep\\w*|okt\\w*|nov\\w*|dec\\w*';
/** Before a number, words that make it a week, a time, a page, an amount or a value ("vecka 34", "kl. 15", "ca 25", "om det är 25", "beviljar 30"). */
const NUMBERING =
  'vecka|v|kl|klockan|nr|nummer|sid|sida|sidan|s|punkt|paragraf|§|kapitel|rad|raden|bilaga|dnr|diarienummer|topp|top|ca|cirka|runt|omkring|ungefär|ungefar|är|ar|under|över|over|mellan|sina|beviljar|bevilja|beviljas|ger|ge|satsar|lägger|lagger';
const NOT_A_YEAR_AFTER = `(?!\\s*(?:${COUNTED})(?![\\p{L}\\d]))`;
const NOT_A_YEAR_BEFORE = `(?<!(?<![\\p{L}])(?:${NUMBERING})\\.?\\s*)`;
const TWO_DIGITS = `(?<![\\p{L}\\d,.:/'’´–—-])(1[5-9]|[2-4]\\d)`;
/** "24 180", "28 000": thousands written with a space, an amount; "27," and "27." end a year, "27,5" is a number. */
const NOT_A_NUMBER_GOING_ON = `(?![\\p{L}\\d%-]|[,.:/]\\d|\\s\\d{3}(?!\\d))`;
const SHORT_RANGE = new RegExp(`${NOT_A_YEAR_BEFORE}${TWO_DIGITS}\\s*[-–—]\\s*(1[5-9]|[2-4]\\d)${NOT_A_NUMBER_GOING_ON}${NOT_A_YEAR_AFTER}`, 'giu');
const SHORT_YEAR = new RegExp(`${NOT_A_YEAR_BEFORE}${TWO_DIGITS}${NOT_A_NUMBER_GOING_ON}${NOT_A_YEAR_AFTER}`, 'giu');

/**
 * Writes a year typed with two digits as the year: "bryggan 27", "beslutsutrymme 28 prel",
 * "och 24?", "bu 26-28" (on a phone nobody types 2027). A number with a unit, a count or a
 * day after it, or a week, page or rank before it, stays a number.
 */
export function writeOutTwoDigitYears(text: string): string {
  return text
    .replace(SHORT_RANGE, (m, from: string, to: string) => (Number(from) < Number(to) ? `20${from}–20${to}` : m))
    .replace(SHORT_YEAR, (_, year: string) => `20${year}`);
}

/** "Har vi 1,5 milj kvar i år?", "Är beslutsutrymmet 2027 2,8 milj?": a yes/no question about a figure checks it. */
const YES_NO_FIGURE = /^\s*(?:har|finns|är|ar|blir|ligger)\s+(?:\S+\s+){0,4}?(?!20\d\d(?!\d))\d/i;
/** "…, 2,8 miljoner eller?": a figure put up to be confirmed. */
const TAG = /eller\s*\?*\s*$|eller hur/;
/** "Har vi råd med 1,5 miljoner 2027?": what would be left after it. */
const AFFORD = wholeWords('råd\\s+med|rad\\s+med|råd\\s+att|rad\\s+att|räcker|racker|bevilja\\w*|ge|ger|satsa\\w*|efter\\s+(?:en|ett|att)');
/** "vår", "vårt", "våra" written with their å. */
const OURS_WRITTEN = wholeWords('vår|vårt|våra');

export interface Phrasing {
  /** "tack, det var det jag behövde": with å, ä and ö written elsewhere, a "var" without one is the verb, not "vår". */
  /** "vår", "vårt", "våra" typed with their å: a "var" token is then surely one of them. */
  readonly oursWritten: boolean;
  readonly varIsTheVerb: boolean;
  /** "stämmer det att … är 3 178 tkr?": a figure quoted to be checked, not an amount granted. */
  readonly checksAFigure: boolean;
  /** A grant or decision on an amount: "om vi beviljar", "ger", "lägger", "säger ja till". */
  readonly grants: boolean;
  /** "om avgifterna höjs med 1 miljon": a change to the budget that is not a grant. */
  readonly changesByAmount: boolean;
  /** "om Bryggan läggs ner", "om Samordnat stöd förlängs": a change that is no grant of an amount. */
  readonly supposesAChange: boolean;
  /** "ändra Bryggans budget", "radera", "uppdatera": something the bot is asked to do. */
  readonly asksToChange: boolean;
  /** "vad betyder beslutsutrymme?", "vad menas med förbrukningsgrad?". */
  readonly asksWhatItMeans: boolean;
  /** "hur många är arbetslösa?": a count of people; "är", which the words alone confuse with "år". */
  readonly howManyAre: boolean;
  /** "vad kostar Bryggan det året?": the year of the last question. */
  readonly sameYearAsBefore: boolean;
}

const CHECK = wholeWords('stämmer|stämde|stammer|stamde|korrekt|rätt|ratt|verify|correct|väl|val|eller hur|eller\\s*\\?*\\s*$');
/** "du sa 3 038 tkr": the bot's own answer quoted back, no amount of the question's. */
const QUOTES_AN_ANSWER = wholeWords(
  '(?:du|boten)\\s+(?:sa|sade|skrev|svarade|angav|visade)\\s+(?:(?:att|ju|nyss|förut|forut|innan)\\s+){0,2}(?:det\\s+(?:är|ar|var|blir)\\s+)?\\d+',
);
/** The figure checked stands after its verb: "är 3 178 tkr", "ligger på 2,3 miljoner". */
const QUOTED = wholeWords(
  '(?:är|blir|blev|var|har|hade|ligger\\s+på|landar\\s+på|uppgår\\s+till|is|was)\\s+(?:(?:ca|cirka|ungefär|ungefar|runt|omkring|väl|val|typ|nästan|nastan|drygt)\\s+){0,3}\\d+',
);
/** A grant as a condition: "om vi beviljar", "om styrelsen ger", "if we grant" ("kvar att besluta om" grants nothing). */
const GRANT = wholeWords(
  '(?:om|if|ifall)\\s+(?:\\S+\\s+){0,2}(?:bevilja\\w*|ger|ge|delar\\s+ut|satsar|lägger|lagger|beslutar|säger\\s+ja|sager\\s+ja|godkänner|godkanner|grants?|give|spend)',
);
const CHANGING = 'höjs|höja|höjer|sänks|sänka|sänker|ökar|ökas|öka|minskar|minskas|minska|hojs|hoja|hojer|sanks|sanka|sanker|okar|okas|raised?|raises|cut';
const AN_AMOUNT = `(?:\\d+|${Object.keys(COUNT_WORDS).join('|')}|halv|kvarts)`;
/** "höjs med 1 miljon", and "om … höjs till 25 mkr" (without "om", "minskar till 150 tkr" states what the table holds). */
const CHANGE = wholeWords(`(?:${CHANGING})\\s+(?:med|by)\\s+${AN_AMOUNT}|(?:om|if|ifall)\\s+(?:\\S+\\s+){0,4}(?:${CHANGING})\\s+(?:till|to)\\s+${AN_AMOUNT}`);
const ACTION = wholeWords(
  '^(?:(?:kan|kunde|skulle)\\s+(?:du|ni)\\s+|snälla\\s+|vänligen\\s+|please\\s+|could\\s+you\\s+|can\\s+you\\s+)?(?:ändra|uppdatera|radera|lägg\\s+in|registrera|sätt|skicka(?!\\s+mig)|change|update|delete|set)',
);
const CHANGE_A_FIGURE = wholeWords(
  '(?:ändra|ändrar(?!\\s+sig)|uppdatera|uppdaterar|radera|raderar)\\s+(?:\\S+\\s+){0,3}(?:budget\\w*|siffr\\w*|beloppet|prognos\\w*)',
);
const MEANING = wholeWords(
  'vad\\s+(?:betyder|innebär|innebar|menas\\s+med)(?!\\s+(?:det|detta)\\s)|vad\\s+står\\s+\\S+\\s+för\\s*\\??\\s*$|vad\\s+är\\s+(?:ett\\s+|en\\s+)?\\S+(?:\\s+\\S+)?\\s+för\\s+något|what\\s+(?:does|is\\s+meant\\s+by)(?:\\s+\\S+)+\\s+mean|förklara\\s+begreppet|definition\\s+av',
);
// ("det året efter", "det året innan" count from it.)
const SAME_YEAR = wholeWords(
  '(?:det|samma|that|same)\\s+(?:året|aret)(?!\\s+(?:efter|innan|före|fore|senare|tidigare|after|before))|samma\\s+år|(?:that|same)\\s+year',
);
const HOW_MANY_ARE = wholeWords('hur\\s+många\\s+är');
/** "om" as "if", opening a clause ("… berätta om insatserna som avslutas" asks about them). */
const SUPPOSED_CHANGE = new RegExp(
  '(?:^|[,.;:!?–—-]\\s*|(?<![\\p{L}])(?:och|men|händer)\\s+)(?:om|if|ifall)\\s+(?:(?!som\\s)\\S+\\s+){1,4}(?:förlängs|forlangs|läggs\\s+ner|laggs\\s+ner|avslutas|stängs|stangs|upphör|upphor|lämnar\\s+tillbaka|lamnar\\s+tillbaka|återbetalar|aterbetalar|dras\\s+ner|drar\\s+ner|is\\s+extended|is\\s+closed|closes)(?![\\p{L}])',
  'iu',
);

export function readPhrasing(text: string): Phrasing {
  const lower = text.toLowerCase().trim();
  return {
    checksAFigure:
      (CHECK.test(lower) && (QUOTED.test(lower) || TAG.test(lower))) ||
      (YES_NO_FIGURE.test(lower) && !GRANT.test(lower) && !AFFORD.test(lower)) ||
      (QUOTES_AN_ANSWER.test(lower) && !GRANT.test(lower)),
    grants: GRANT.test(lower),
    changesByAmount: CHANGE.test(lower),
    asksToChange: ACTION.test(lower) || CHANGE_A_FIGURE.test(lower),
    asksWhatItMeans: MEANING.test(lower),
    sameYearAsBefore: SAME_YEAR.test(lower),
    howManyAre: HOW_MANY_ARE.test(lower),
    supposesAChange: SUPPOSED_CHANGE.test(lower),
    varIsTheVerb: /[åäö]/.test(lower) && !OURS_WRITTEN.test(lower),
    oursWritten: OURS_WRITTEN.test(lower),
  };
}
