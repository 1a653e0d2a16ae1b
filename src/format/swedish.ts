import { Kronor, toWholeTkr } from '../domain/money';

/**
 * The one formatter for every amount, percentage and date the bot shows (cards, texts,
 * error messages, input defaults). Amounts group thousands with a no-break space and keep
 * their unit on the same line; ISO dates use non-breaking hyphens, so "1 903 512 kr" and
 * "2027-12-31" never wrap across two lines in a narrow card.
 */
export const NBSP = '\u00a0';
const NB_HYPHEN = '\u2011';
const MINUS = '\u2212';

/** 3038 -> "3 038", -3110 -> "−3 110" (no-break space as thousands separator, a real minus sign). */
export function formatInteger(value: number): string {
  const digits = Math.abs(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return value < 0 ? `${MINUS}${digits}` : digits;
}

export function formatTkr(amount: Kronor): string {
  return `${formatInteger(toWholeTkr(amount))}${NBSP}tkr`;
}

export function formatKr(amount: Kronor): string {
  return `${formatInteger(amount)}${NBSP}kr`;
}

/** The formal decision texts' "1 903 512 kronor". */
export function formatKronor(amount: Kronor): string {
  return `${formatInteger(amount)}${NBSP}kronor`;
}

/** Adds a plus sign to positive changes: "+80 tkr". */
export function formatTkrChange(amount: Kronor): string {
  const text = formatTkr(amount);
  return amount > 0 ? `+${text}` : text;
}

/** Adds a plus sign to positive changes: "+80 000 kr". */
export function formatKrChange(amount: Kronor): string {
  const text = formatKr(amount);
  return amount > 0 ? `+${text}` : text;
}

export function formatPercent(percent: number | undefined): string {
  return percent === undefined ? '–' : `${formatInteger(percent)}${NBSP}%`;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2026-03-26" -> "26 mars 2026", held together by no-break spaces. */
export function formatDateLong(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d}${NBSP}${MONTHS[(m ?? 1) - 1]}${NBSP}${y}`;
}

/** "2027-12-31" as shown in text: the same digits, with hyphens that do not break a line. */
export function formatDate(isoDate: string): string {
  return isoDate.replace(/-/g, NB_HYPHEN);
}

/** A period of two ISO dates: "2026-01-01 – 2027-12-31" (the line may break only around the dash). */
export function formatPeriod(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** Counts of women and men with the total first: "383 (229 K / 154 M)". */
export function formatByGender(women: number, men: number): string {
  return `${formatInteger(women + men)} (${formatInteger(women)}${NBSP}K / ${formatInteger(men)}${NBSP}M)`;
}

/** Undoes the display-only characters, for reading back what a user copied from a card. */
export function plainText(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/\u2212/g, '-');
}
