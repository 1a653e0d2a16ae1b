import { DateTime } from 'luxon';

/** Today's date in Europe/Stockholm, where the förbund's years and deadlines live. */
export function todayInStockholm(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone('Europe/Stockholm').toISODate() as string;
}
