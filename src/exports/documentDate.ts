import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors';
import { normalize } from '../questions/parser/text';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * The date a board document is made for: "per 2026-06-12", "inför styrelsemötet 12 juni",
 * "per 12 juni 2026". A day and month without a year is the next such day from today (a coming
 * meeting). Undefined when the text names no date; a date that does not exist is refused.
 */
export function documentDateInText(text: string, today: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[0]);
  const named = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})(?:\\s+(\\d{4}))?\\b`).exec(normalize(text));
  if (!named) return undefined;
  const day = Number(named[1]);
  const month = MONTHS.indexOf(named[2] as string) + 1;
  if (named[3]) return checked(Number(named[3]), month, day, named[0]);
  const year = Number(today.slice(0, 4));
  const thisYear = checked(year, month, day, named[0]);
  return thisYear >= today ? thisYear : checked(year + 1, month, day, named[0]);
}

function checked(year: number, month: number, day: number, written: string): string {
  const date = DateTime.fromObject({ year, month, day });
  if (!date.isValid)
    throw new InvalidInputError(
      `Datumet "${written}" finns inte. Skriv till exempel "ekonomisk information per 2026-06-12".`,
      `invalid document date ${written}`,
    );
  return date.toISODate() as string;
}
