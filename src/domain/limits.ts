import { DateTime } from 'luxon';

/** Free text (reasons, comments, report answers, application texts) is at most this many characters. */
export const FREE_TEXT_MAX = 4000;
/** Ids on cards (form, case, insats, ansökan). */
export const ID_MAX = 100;
/** No amount in a förbund's papers comes near this; a larger one is a typo or an attack. */
export const MAX_KRONOR = 1_000_000_000;
/** Dates the bot accepts anywhere (insatstid, decisions, meetings). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** An insats or a grant runs for at most this many years. */
export const MAX_PERIOD_YEARS = 10;

/** A real calendar date written YYYY-MM-DD within the sane years (2026-02-30 and 9999-12-31 are not). */
export function isSaneDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR && DateTime.fromISO(text).isValid;
}

/** Whether start–end (both sane dates, in order) spans at most MAX_PERIOD_YEARS. */
export function withinMaxPeriod(start: string, end: string): boolean {
  return DateTime.fromISO(end) <= DateTime.fromISO(start).plus({ years: MAX_PERIOD_YEARS });
}
