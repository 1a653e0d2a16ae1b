import { Quarter, latestEndedQuarter } from '../domain/quarters';
import { normalize } from '../questions/parser/text';

/** "kvartal 2 2026", "Q2 2026", "q2": a quarter named in the text, else undefined. */
export function quarterInText(text: string, today: string): Quarter | undefined {
  const t = normalize(text);
  const m = /\b(?:q|kvartal)\s*([1-4])\b(?:\s+(\d{4}))?/.exec(t);
  if (!m) return undefined;
  return { year: m[2] ? Number(m[2]) : latestEndedQuarter(today).year, quarter: Number(m[1]) as Quarter['quarter'] };
}

/**
 * The follow-up period: a year through its last ended quarter ("uppföljning 2025"),
 * the first half ("första halvåret 2026") or through a quarter ("kvartal 3 2026").
 */
export function followUpPeriodInText(text: string, today: string): { year: number; through: Quarter } {
  const t = normalize(text);
  const latest = latestEndedQuarter(today);
  const year = Number(/\b(20\d{2})\b/.exec(t)?.[1] ?? latest.year);
  const named = quarterInText(text, today);
  if (named) return { year: named.year, through: named };
  if (/\b(forsta halvaret|halvar 1|halvarsuppfoljning)\b/.test(t)) return { year, through: { year, quarter: 2 } };
  const through = year < latest.year ? { year, quarter: 4 as const } : latest;
  return { year: through.year, through };
}
