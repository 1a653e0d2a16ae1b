/**
 * The förbund has no legal basis to store personal data about participants, so
 * text that looks like a personnummer or samordningsnummer is refused before
 * anything is stored. Deliberately broad: no Luhn check, since a mistyped number is
 * still personal data.
 */
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01]) ?[-+]? ?\d{4}(?!\d)/;

/** Every dash a word processor or keyboard produces: hyphens, en/em dashes, U+2212 minus, small and fullwidth forms. */
const DASHES = /[\p{Pd}\u2212\u2796\u02D7]/gu;
/** Invisible characters that could split a number without being seen (zero-width spaces, joiners, bidi marks). */
const INVISIBLE = /[\p{Cf}]/gu;

/**
 * The form the guard reads text in: NFKC (fullwidth and other compatibility digits
 * become ASCII, no-break spaces become spaces), invisible characters removed, every
 * dash a hyphen and every run of white space one space.
 */
export function normaliseForGuard(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(/\s+/gu, ' ');
}

/**
 * A UUID is a machine's id (Teams' aadObjectId, tenant and card ids), not something a
 * person typed; about one in a few hundred has a personnummer-shaped run
 * ("ab900101-1234-…"), and refusing it would lock that user out of every flow.
 */
const UUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/giu;

export function containsPersonnummer(text: string): boolean {
  return PERSONNUMMER.test(normaliseForGuard(text).replace(UUID, ' '));
}

/**
 * Walks a value that is about to be stored (strings, arrays, objects, their keys) and
 * returns where a personnummer is, or undefined. Cosmos system properties (`_etag`, `_rid` …)
 * are the store's own and skipped.
 */
const SYSTEM_PROPERTIES = new Set(['_etag', '_rid', '_self', '_ts', '_attachments']);

export function findPersonnummer(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return containsPersonnummer(value) ? path || '(text)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findPersonnummer(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (SYSTEM_PROPERTIES.has(key)) continue;
      if (containsPersonnummer(key)) return `${path}{nyckel}`;
      const found = findPersonnummer(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
