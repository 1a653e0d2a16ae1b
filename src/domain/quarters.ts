import { DateTime } from 'luxon';

/** A calendar quarter; the förbund's year is the calendar year, dates in Europe/Stockholm. */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const ZONE = 'Europe/Stockholm';

export const quarterKey = (q: Quarter) => `${q.year}-Q${q.quarter}`;
export const quarterLabel = (q: Quarter) => `kvartal ${q.quarter} ${q.year}`;

export function parseQuarterKey(key: string): Quarter | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] } : undefined;
}

export function quarterStart(q: Quarter): string {
  return DateTime.fromObject({ year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 }, { zone: ZONE }).toISODate() as string;
}

export function quarterEnd(q: Quarter): string {
  return DateTime.fromObject({ year: q.year, month: q.quarter * 3, day: 1 }, { zone: ZONE })
    .endOf('month')
    .toISODate() as string;
}

/** The report is due one month after the quarter ends: 30 April, 31 July, 31 October, 31 January. */
export function dueDate(q: Quarter): string {
  return DateTime.fromISO(quarterEnd(q), { zone: ZONE }).plus({ months: 1 }).endOf('month').toISODate() as string;
}

export function quarterOf(date: string): Quarter {
  const d = DateTime.fromISO(date, { zone: ZONE });
  return { year: d.year, quarter: Math.ceil(d.month / 3) as Quarter['quarter'] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** The newest quarter that has ended on `today`: the one a report is usually filed for. */
export function latestEndedQuarter(today: string): Quarter {
  return previousQuarter(quarterOf(today));
}

/** Whether a period (ISO dates, inclusive) overlaps the quarter. */
export function overlapsQuarter(period: { readonly start: string; readonly end: string }, q: Quarter): boolean {
  return period.start <= quarterEnd(q) && period.end >= quarterStart(q);
}

/** The quarters of a year up to and including `last`. */
export function quartersThrough(last: Quarter): Quarter[] {
  return Array.from({ length: last.quarter }, (_, i) => ({ year: last.year, quarter: (i + 1) as Quarter['quarter'] }));
}
