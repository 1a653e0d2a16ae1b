/**
 * The förbund has no legal basis to store personal data about participants, so
 * free text that looks like a personnummer or samordningsnummer is refused before
 * anything is stored. Deliberately broad: no Luhn check, since a mistyped number is
 * still personal data.
 */
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)/;

export function containsPersonnummer(text: string): boolean {
  return PERSONNUMMER.test(text);
}
