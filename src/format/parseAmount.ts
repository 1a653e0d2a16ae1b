import { MAX_KRONOR } from '../domain/limits';
import { Kronor } from '../finance/money';
import { formatKr } from './swedish';

export type AmountParse = { readonly ok: true; readonly kronor: Kronor } | { readonly ok: false; readonly message: string };

const UNIT_FACTOR: Readonly<Record<string, number>> = { '': 1, kr: 1, kronor: 1, ':-': 1, tkr: 1000, mkr: 1_000_000, miljoner: 1_000_000 };

/**
 * Reads an amount written the Swedish way: "80 000", "80 000 kr", "80 tkr", "1,5 mkr",
 * "1 232 000". Spaces (also non-breaking) group thousands, a comma is the decimal sign.
 * The result must be a positive whole number of kronor.
 */
export function parseSwedishAmount(input: string): AmountParse {
  if (input.length > 100) return { ok: false, message: 'Det är inget belopp. Skriv till exempel 80 000, 80 tkr eller 1,5 mkr.' };
  const text = input.trim().toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  const match = /^(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?\s*(kr|kronor|:-|tkr|mkr|miljoner)?\.?$/.exec(text);
  if (!match) return { ok: false, message: `"${input.trim()}" är inget belopp. Skriv till exempel 80 000, 80 tkr eller 1,5 mkr.` };
  const whole = (match[1] as string).replace(/[ .]/g, '');
  const decimals = match[2] ?? '';
  const factor = UNIT_FACTOR[match[3] ?? ''] as number;
  // Exact integer arithmetic: scale the decimal digits instead of using floating point.
  const scale = 10 ** decimals.length;
  const numerator = BigInt(whole + decimals) * BigInt(factor);
  if (numerator % BigInt(scale) !== 0n) return { ok: false, message: `${input.trim()} är inte ett helt antal kronor.` };
  const kronor = numerator / BigInt(scale);
  if (kronor <= 0n) return { ok: false, message: 'Beloppet måste vara större än noll.' };
  if (kronor > BigInt(MAX_KRONOR)) return { ok: false, message: `${input.trim()} är orimligt stort; högst ${formatKr(MAX_KRONOR)}.` };
  return { ok: true, kronor: Number(kronor) };
}
