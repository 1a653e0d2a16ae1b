import { Kronor } from '../../domain/money';
import { clauseLayout } from './clauses';

/** The amounts a question names ("500 tkr", "1,2 mkr", "300 000 kr"), and which of them grant nothing. */

// ("2027 400 000 kr": a year before the sum is no part of it.)
const AMOUNT = /(?<![\d,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.](\d+))?\s*(tkr|mkr|kr|kronor|miljoner|miljon|tusen|k)\b/g;
/** The same pattern to take every amount out of a text, and to test a text for one: built once, not per question. */
const ALL_AMOUNTS = new RegExp(AMOUNT.source, 'gi');
const AN_AMOUNT = new RegExp(AMOUNT.source, 'i');
const UNIT_FACTOR: Readonly<Record<string, number>> = {
  tkr: 1000,
  tusen: 1000,
  k: 1000,
  mkr: 1_000_000,
  miljoner: 1_000_000,
  miljon: 1_000_000,
  kr: 1,
  kronor: 1,
};
/** "2027 tkr": a year with its unit word, unless the question grants an amount. */
const looksLikeYear = (m: readonly (string | undefined)[]) => /^20\d\d$/.test(m[1] ?? '') && !m[2] && /^(tkr|kr|kronor)$/.test(m[3] ?? '');
/** Words that grant an amount, in a statement as much as in a condition: "Säg att vi ger 2,2 mkr", "Vi överväger att bevilja 3 500 tkr". */
// ("om den går igenom", "om vi får allt": granted, as the applicant says it.)
const GRANTING =
  /(bevilj|(?<![\p{L}])(ger|ge|minus|satsa|satsar|extra|tillför|tillfor|skjuter till|säger ja|sager ja|godkänner|godkanner|godkänns|godkanns|går igenom|gar igenom|får allt|far allt|får hela|far hela)(?![\p{L}]))/u;
/** What a statement says of an amount that grants nothing: an application's sum, a figure as it stood. */
const NOT_GRANTED = /(ansökan|ansokan|ansöker|ansoker|söker|soker|funderar|(?<![\p{L}])(var|är|ar|låg|lag|ligger|uppgick|uppgår)(?![\p{L}]).*\d)/u;
/** The question pointing back at the amount stated: "vad blir kvar då?", "kvar efter det?". */
const POINTS_BACK = /(?<![\p{L}])(då|sen|sedan|efter det|efter detta|därefter|i så fall|isåfall)(?![\p{L}])/u;
/** "vi tänker söka 950 tkr …, vad blir kvar?": what is left after an application ("… var 3 178 tkr. Vad blir kvar 2027?" quotes a figure). */
const LEFT_AFTER = /(?<![\p{L}])(blir kvar|blir det kvar|skulle .{0,20}kvar)(?![\p{L}])/u;
const APPLIES = /(ansökan|ansokan|ansöker|ansoker|söker|soker|söka|soka)/u;

export interface Amounts {
  /** The amount granted or asked about, in kronor; joined amounts ("600 tkr och 900 tkr") added. */
  readonly amount?: Kronor;
  /** "2027 tkr": a year with a unit word, which is the amount only when something is granted. */
  readonly yearOrAmount?: { readonly year: number; readonly amount: Kronor };
  /** "100 000 i år och 200 000 nästa år": more than one amount, not joined into one. */
  readonly several?: boolean;
}

/** The amounts of a question in lower case; none when the figure is only quoted to be checked. */
export function readAmounts(lower: string, quotedOnly: boolean): Amounts {
  let amount: Kronor | undefined;
  let yearOrAmount: Amounts['yearOrAmount'];
  let lastAmountEnd = 0;
  let several = false;
  let amountAt: number | undefined;
  const grantAt = lower.search(GRANTING);
  for (const m of lower.matchAll(AMOUNT)) {
    const whole = Number((m[1] as string).replace(/[ \u00a0]/g, ''));
    const decimals = m[2] ? Number(`0.${m[2]}`) : 0;
    const kronor = Math.round((whole + decimals) * (UNIT_FACTOR[m[3] as string] as number));
    if (looksLikeYear(m)) yearOrAmount ??= { year: whole, amount: kronor };
    else if (!quotedOnly) {
      // "om vi tar båda: 600 tkr och 900 tkr?": amounts joined are granted together.
      const joined = /^\s*(och|plus|\+)\s*$/.test(lower.slice(lastAmountEnd, m.index));
      // ("100 000 i år och 200 000 nästa år": a second grant for another year; "500 tkr av de 950 tkr de söker" is one.)
      // ("500 tkr till Bryggan och 300 tkr till Växtkraft", "100 000 i år och 200 000 nästa år": two grants; "500 tkr av de 950 tkr de söker" is one.)
      const between = lower.slice(lastAmountEnd, m.index);
      several ||= amount !== undefined && !joined && between.length <= 40 && /(?<![\p{L}])(och|samt|plus)(?![\p{L}])/u.test(between);
      // ("Har vi 2 mkr kvar 2027 om vi beviljar 500 tkr?": the amount after the grant word is the one granted.)
      const afterGrant = grantAt >= 0 && amount !== undefined && (amountAt ?? 0) < grantAt && (m.index as number) > grantAt;
      if (afterGrant) amount = kronor;
      else amount = amount !== undefined && joined ? amount + kronor : (amount ?? kronor);
      amountAt ??= m.index as number;
      lastAmountEnd = (m.index as number) + m[0].length;
    }
  }
  return { ...(amount !== undefined ? { amount } : {}), ...(yearOrAmount ? { yearOrAmount } : {}), ...(several ? { several } : {}) };
}

/** Amounts are not years: "2 000 tkr" names no year 2000. "Min framtid 2027 tkr" does, unless something is granted. */
export function dropAmounts(s: string): string {
  return s.replace(ALL_AMOUNTS, (m: string, digits: string, decimals: string | undefined, unit: string) =>
    looksLikeYear([m, digits, decimals, unit.toLowerCase()]) ? ` ${digits} ` : ' ',
  );
}

/**
 * "Vi funderar på en ansökan på ca 800 tkr. Hur stort är beslutsutrymmet 2027?", "… var beslutsutrymmet 1 032 tkr. Hur
 * stort är det 2028?": an amount an application asks for, or a figure quoted, before the question grants nothing — unless
 * the question points back at it ("… vad blir kvar då?", "kvar efter det?") or a word grants it.
 */
export function onlyStated(lower: string): boolean {
  const asking = clauseLayout(lower, 0).askingText;
  const stated = lower.slice(0, lower.length - asking.length);
  return (
    !GRANTING.test(lower) &&
    !POINTS_BACK.test(asking) &&
    !(LEFT_AFTER.test(asking) && APPLIES.test(stated)) &&
    !AN_AMOUNT.test(asking) &&
    (NOT_GRANTED.test(stated) || /\bi dagsläget\b|\bjust nu\b/.test(asking))
  );
}
