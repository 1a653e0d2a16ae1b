/** sv-SE writes dates as YYYY-MM-DD; one formatter, because building a time-zone formatter costs more than using it. */
const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/Stockholm, where the förbund's years and deadlines live. */
export function todayInStockholm(now: Date = new Date()): string {
  return STOCKHOLM_DATE.format(now);
}
