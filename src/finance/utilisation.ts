import { DateTime } from 'luxon';
import { Kronor, sum, wholePercent } from '../domain/money';

/** Förbrukningsgrad: utfall ÷ budget, as a whole percent (undefined without a budget). */
export interface Utilisation {
  readonly actual: Kronor;
  readonly budget: Kronor;
  readonly percent: number | undefined;
}

export function utilisation(actual: Kronor, budget: Kronor): Utilisation {
  return { actual, budget, percent: wholePercent(actual, budget) };
}

/** Against the budget adjusted for approved avvikelser and tilläggsansökningar (signed kronor). */
export function utilisationAgainstAdjusted(actual: Kronor, budget: Kronor, adjustments: readonly Kronor[]): Utilisation {
  return utilisation(actual, budget + sum(adjustments));
}

/** A group or the total: summed utfall ÷ summed budget (not the mean of the percentages). */
export function groupUtilisation(items: readonly { readonly actual: Kronor; readonly budget: Kronor }[]): Utilisation {
  return utilisation(sum(items.map((i) => i.actual)), sum(items.map((i) => i.budget)));
}

/** Share of the calendar year that has passed at the end of `date` (Europe/Stockholm), as days/daysInYear. */
export function elapsedShareOfYear(date: string): { readonly days: number; readonly daysInYear: number } {
  const d = DateTime.fromISO(date, { zone: 'Europe/Stockholm' });
  if (!d.isValid) throw new RangeError(`not a date: ${date}`);
  return { days: d.ordinal, daysInYear: d.daysInYear };
}

/**
 * The linear expectation during the year: utfall hittills ÷ (årsbudget × andel av
 * året som gått). 100 % is on track.
 */
export function linearUtilisation(actualToDate: Kronor, annualBudget: Kronor, date: string): Utilisation & { readonly expected: Kronor } {
  const { days, daysInYear } = elapsedShareOfYear(date);
  const expected = Math.round((annualBudget * days) / daysInYear);
  return { actual: actualToDate, budget: annualBudget, expected, percent: wholePercent(actualToDate * daysInYear, annualBudget * days) };
}
