import { randomBytes } from 'crypto';

/** Hex digits spelled as letters: a random id of digits could, by chance, look like a personnummer. */
const LETTERS = 'abcdefghijklmnop';

/**
 * A random id (128 bits) made of letters only, so neither the personnummer guard on
 * stored text nor the one on card ids can ever refuse it. A UUID does, about once in
 * a few hundred ("…ab900101-1234-…").
 */
export function newOpaqueId(): string {
  return Array.from(randomBytes(16), (b) => LETTERS.charAt(b >> 4) + LETTERS.charAt(b & 15)).join('');
}
