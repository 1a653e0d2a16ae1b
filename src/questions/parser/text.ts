/** Lower case, no diacritics (å→a, ä→a, ö→o, é→e), letters and digits only, single spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ');
}

const OWNER_COMPOUND =
  /^(enkoping|heby|habo|knivsta|tierp|uppsala|alvkarleby|osthammar)(s?)(insatsen|insatsens|insats|insatser|insatserna|projektet|projekt)$/i;

/** "lokussamordnartjänsten": the insats's name with a word for the post after it. */
const POST_COMPOUND = /^(lokussamordnar)e?(tjansten|tjanst|tjanster|tjansterna|funktionen|uppdraget)$/;

/** "Enköpingsinsatsen", "Hebyprojektet": the owner and the insats word, as if written apart; "lokussamordnartjänsten" the name alone. */
export function splitOwnerCompounds(tokens: readonly string[]): string[] {
  return tokens.flatMap((t) => {
    const m = OWNER_COMPOUND.exec(t);
    if (m) return [`${m[1]}${m[2] || 's'}`, m[3] as string];
    const post = POST_COMPOUND.exec(t);
    return post ? [`${post[1]}e`] : [t];
  });
}

const OWNER_NAME = /^(enkoping|heby|habo|knivsta|tierp|uppsala|alvkarleby|osthammar)$/;

/** A question's tokens: normalised, owner compounds written apart, "Heby's" one word ("hebys"). */
export function questionTokens(text: string): string[] {
  const tokens = tokenize(text);
  const joined = tokens.flatMap((t, i) =>
    t === 's' && OWNER_NAME.test(tokens[i - 1] ?? '') ? [] : OWNER_NAME.test(t) && tokens[i + 1] === 's' ? [`${t}s`] : [t],
  );
  return splitOwnerCompounds(joined);
}

/** Damerau–Levenshtein distance of at most one: one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const INFLECTIONS = ['t', 'n', 'en', 'et', 'na', 'er', 's', 'erna', 'arna'];

/** Keywords this long take a typo; a five-letter one only its inflections ("vägar" is no typo of "pågår", nor "dagar"). */
const TYPO_MIN_LENGTH = 6;

/**
 * A word matches a keyword when it is the keyword, an inflection of it (up to
 * four letters more: -t, -en, -erna) or, for longer keywords, one typo away from
 * either. Short keywords (under five letters) must match exactly, so typo
 * tolerance does not turn "in" into "i".
 */
export function matchesWord(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length < 5) return false;
  // Nothing further than an inflection (four letters) and one typo can match.
  const lengthDifference = word.length - keyword.length;
  if (lengthDifference < -1 || lengthDifference > 5) return false;
  // One edit leaves the first letter, or the second, or moves one of them by a place.
  const w0 = word.charCodeAt(0);
  const w1 = word.charCodeAt(1);
  const k0 = keyword.charCodeAt(0);
  const k1 = keyword.charCodeAt(1);
  if (w0 !== k0 && w1 !== k1 && w0 !== k1 && w1 !== k0) return false;
  return matchesInflectedOrTypo(word, keyword);
}

/** matchesWord's rule without its shortcuts (length, first letters), for keywords of five letters or more. */
export function matchesInflectedOrTypo(word: string, keyword: string): boolean {
  if (keyword.length < TYPO_MIN_LENGTH) return word.length - keyword.length >= 1 && word.length - keyword.length <= 4 && word.startsWith(keyword);
  if (withinOneEdit(word, keyword)) return true;
  // A typo in an inflected form: "beslutsutrymet" for "beslutsutrymmet".
  if (INFLECTIONS.some((suffix) => withinOneEdit(word, keyword + suffix))) return true;
  const extra = word.length - keyword.length;
  if (extra < 1 || extra > 4) return false;
  return word.startsWith(keyword) || withinOneEdit(word.slice(0, keyword.length), keyword) || withinOneEdit(word.slice(0, keyword.length + 1), keyword);
}

/** Finds a phrase (a sequence of keywords) in the tokens; returns the indices it covers. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[], from = 0): number[] | undefined {
  for (let start = from; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((kw, j) => matchesWord(tokens[start + j] as string, kw))) return phrase.map((_, j) => start + j);
  }
  return undefined;
}

/** The first place the phrase stands, word for word, in tokens not yet used. */
export function exactPhrase(tokens: readonly string[], phrase: readonly string[], used: ReadonlySet<number>): number[] | undefined {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((w, j) => tokens[start + j] === w && !used.has(start + j))) return phrase.map((_, j) => start + j);
  }
  return undefined;
}
