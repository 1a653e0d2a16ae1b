import { Kronor, toWholeTkr } from '../finance/money';

const MINUS = '\u2212';

/** 3038 -> "3 038", -3110 -> "−3 110" (space as thousands separator, a real minus sign). */
export function formatInteger(value: number): string {
  const digits = Math.abs(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return value < 0 ? `${MINUS}${digits}` : digits;
}

export function formatTkr(amount: Kronor): string {
  return `${formatInteger(toWholeTkr(amount))} tkr`;
}

export function formatKr(amount: Kronor): string {
  return `${formatInteger(amount)} kr`;
}

/** Adds a plus sign to positive changes: "+80 tkr". */
export function formatTkrChange(amount: Kronor): string {
  const text = formatTkr(amount);
  return amount > 0 ? `+${text}` : text;
}

export function formatPercent(percent: number | undefined): string {
  return percent === undefined ? '–' : `${formatInteger(percent)} %`;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2026-03-26" -> "26 mars 2026". */
export function formatDateLong(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
