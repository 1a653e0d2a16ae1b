import { MAX_KRONOR } from '../domain/limits';
import { Kronor } from '../domain/money';
import { formatKr } from './swedish';

export type AmountParse = { readonly ok: true; readonly kronor: Kronor } | { readonly ok: false; readonly message: string };

export interface AmountOptions {
  /** Zero is a real answer in some fields (costs so far, a year granted nothing). */
  readonly allowZero?: boolean;
}

const UNIT_FACTOR: Readonly<Record<string, number>> = { '': 1, kr: 1, kronor: 1, ':-': 1, tkr: 1000, mkr: 1_000_000, miljoner: 1_000_000 };

/**
 * The one amount reader for every form: "80 000", "80 000 kr", "80 tkr", "900 tkr", "1,5 mkr",
 * "1 232 000". Spaces (also no-break spaces, as the bot's own formatted defaults carry) group
 * thousands, a comma is the decimal sign. The result must be a whole number of kronor,
 * positive unless zero is allowed.
 */
export function parseSwedishAmount(input: string, options: AmountOptions = {}): AmountParse {
  if (input.length > 100) return { ok: false, message: 'Det är inget belopp. Skriv till exempel 80 000, 80 tkr eller 1,5 mkr.' };
  const shown = input.trim().replace(/[\u00a0\u202f]/g, ' ');
  const text = shown.toLowerCase();
  const match = /^(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?\s*(kr|kronor|:-|tkr|mkr|miljoner)?\.?$/.exec(text);
  if (!match) return { ok: false, message: `"${shown}" är inget belopp. Skriv till exempel 80 000, 80 tkr eller 1,5 mkr.` };
  const whole = (match[1] as string).replace(/[ .]/g, '');
  const decimals = match[2] ?? '';
  const factor = UNIT_FACTOR[match[3] ?? ''] as number;
  // Exact integer arithmetic: scale the decimal digits instead of using floating point.
  const scale = 10 ** decimals.length;
  const numerator = BigInt(whole + decimals) * BigInt(factor);
  if (numerator % BigInt(scale) !== 0n) return { ok: false, message: `${shown} är inte ett helt antal kronor.` };
  const kronor = numerator / BigInt(scale);
  if (kronor <= 0n && !(options.allowZero && kronor === 0n)) return { ok: false, message: 'Beloppet måste vara större än noll.' };
  if (kronor > BigInt(MAX_KRONOR)) return { ok: false, message: `${shown} är orimligt stort; högst ${formatKr(MAX_KRONOR)}.` };
  return { ok: true, kronor: Number(kronor) };
}

export type AmountField = { readonly ok: true; readonly kronor: Kronor } | { readonly ok: false; readonly problem: string };

/** Reads one form field; a problem names the field by its label, the same wording in every form. */
export function readAmountField(
  label: string,
  value: string | undefined,
  options: AmountOptions & { readonly max?: Kronor; readonly maxLabel?: string } = {},
): AmountField {
  const text = (value ?? '').trim();
  if (text === '') return { ok: false, problem: `${label}: skriv ett belopp${options.allowZero ? ' (0 om inget)' : ''}.` };
  const parsed = parseSwedishAmount(text, options);
  if (!parsed.ok) return { ok: false, problem: `${label}: ${parsed.message}` };
  if (options.max !== undefined && parsed.kronor > options.max)
    return { ok: false, problem: `${label}: ${formatKr(parsed.kronor)} är mer än ${options.maxLabel ?? 'högsta tillåtna'} (${formatKr(options.max)}).` };
  return { ok: true, kronor: parsed.kronor };
}
