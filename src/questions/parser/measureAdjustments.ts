import { Measure } from '../../domain/reading';
import { NEGATIONS } from './lexicon';
import { exactPhrase } from './text';
import { readParticleVerbs } from './particleVerbs';

const YEAR_END: readonly (readonly string[])[] = [
  ['ar', 'slut'],
  ['vid', 'utgangen'],
  ['vid', 'arets', 'slut'],
  ['vid', 'slutet'],
  ['i', 'slutet'],
  ['at', 'the', 'end'],
];

/** What a question's measure cues found, and where: the words around them read the question. */
export interface CuedMeasures {
  readonly tokens: readonly string[];
  readonly cuedAt: Map<Measure, number[]>;
  readonly used: Set<number>;
  /** A year the words move ("från 2026" of what is carried in is 2027) is changed here. */
  readonly years: Set<number>;
  readonly askedInQuestion: Set<Measure>;
}

/**
 * The measures a question asks, once the words around the cues are read: "raden Medlemsavgifter" is the row,
 * "hur länge finns den kvar" the end, "betalar förbundet till Bryggan" a line, "in i 2028" what is carried in.
 */
export function adjustMeasures(found: readonly Measure[], cued: CuedMeasures): Measure[] {
  const { tokens, cuedAt, used, years, askedInQuestion } = cued;
  let measures = [...found];
  // "Raden Medlemsavgifter …": the row, not the members' fee its word also names ("raden beslutsutrymme" is the figure).
  tokens.forEach((t, i) => {
    if (!/^(raden|posten)$/.test(tokens[i - 1] ?? '')) return;
    for (const [measure, at] of cuedAt)
      if (measure === 'membershipFee' && at.length === 1 && at[0] === i) {
        used.delete(i);
        measures = measures.filter((m) => m !== measure);
        askedInQuestion.delete(measure);
      }
  });
  // "vad gjorde Bryggan av med 2024?", "fick förbundet in", "gick vi plus": a verb and its particle around other words.
  measures = readParticleVerbs(tokens, measures, cuedAt, used);
  // "Region Uppsalas del av medlemsavgiften": the member's part in kronor ("hur stor andel …", "i procent" ask a share).
  if (
    measures.includes('membershipFee') &&
    measures.includes('share') &&
    !tokens.some((t, i) => /^(andel|andelen|procent|procentuellt|kommunerna|kommunernas|vilken)$/.test(t) || (t === 'hur' && tokens[i + 1] === 'stor'))
  )
    measures = measures.filter((m) => m !== 'share');
  // "lokussamordnaren i Uppsala, hur länge finns den kvar?", "hur länge är vi finansierade?": how long, not what is left nor which are funded.
  if (measures.includes('endDate') && tokens.some((t, i) => t === 'hur' && tokens[i + 1] === 'lange'))
    measures = measures.filter((m) => m !== 'remaining' && m !== 'fundedInitiatives');
  // "hur många insatser har Enköping igång?": a count of insatser, not when one started.
  if (tokens.some((t, i) => t === 'hur' && tokens[i + 1] === 'manga' && /^insats/.test(tokens[i + 2] ?? '')))
    measures = measures.filter((m) => m !== 'startDate' && m !== 'endDate');
  // "hur mycket blir det 2027 när den tar slut?": an amount asked; the end only describes.
  if (
    measures.includes('endDate') &&
    tokens.some((t, i) => t === 'hur' && tokens[i + 1] === 'mycket') &&
    (cuedAt.get('endDate') ?? []).every((i) => tokens.slice(Math.max(0, i - 3), i).includes('nar'))
  )
    measures = measures.filter((m) => m !== 'endDate');
  // "när är Hebys insats klar?": when it ends.
  if (tokens[0] === 'nar' && tokens.some((t) => /^(klar|klart|fardig|fardigt)$/.test(t)) && measures.length === 0) {
    measures = ['endDate'];
    tokens.forEach((t, i) => /^(nar|klar|klart|fardig|fardigt)$/.test(t) && used.add(i));
  }
  // "hur många insatser betalar vi för nästa år?": a pay verb beside another measure is no medlemsavgift.
  const feeAt = cuedAt.get('membershipFee') ?? [];
  const paysOnly = feeAt.length > 0 && feeAt.every((i) => /^(betalar|betala|betalade|pay|paid|pays)$/.test(tokens[i] ?? ''));
  if (paysOnly && measures.includes('fundedInitiatives')) measures = measures.filter((m) => m !== 'membershipFee');
  // "hur mycket betalar förbundet till Bryggan?": what the förbund pays out is a line of its budget, not a fee paid in.
  // ("hur mycket betalar vi till förbundet?" is the fee.)
  const paidTo = tokens.some(
    (t, i) => t === 'till' && feeAt.some((f) => i > f && i <= f + 4) && !/^(forbundet|samordningsforbundet)$/.test(tokens[i + 1] ?? ''),
  );
  if (
    paysOnly &&
    paidTo &&
    feeAt.some((i) => /^(forbundet|samordningsforbundet|vi)$/.test(tokens[i + 1] ?? '') || /^(forbundet|samordningsforbundet)$/.test(tokens[i - 1] ?? ''))
  )
    measures = measures.map((m) => (m === 'membershipFee' ? 'line' : m));
  // "från 2027 in i 2028": what is carried into the later year.
  // (The last such year: "Vi gick in i 2026 med … Hur mycket tar vi med in i 2028?")
  const carriedInto = tokens.flatMap((t, i) => {
    const year = t === 'in' && tokens[i + 1] === 'i' ? tokens[i + 2] : t === 'into' ? tokens[i + 1] : undefined;
    return year !== undefined && /^20\d\d$/.test(year) ? [Number(year)] : [];
  });
  // "Vad tog vi med oss för överskott in i 2026?": the surplus carried in.
  if (measures.includes('result') && carriedInto.length > 0 && tokens.some((t) => /^(med|tog|tar)$/.test(t)))
    measures = measures.map((m) => (m === 'result' ? 'carriedIn' : m));
  // "hur mycket är överskott som följer med från 2026?": what goes from that year into the next.
  const carriedFrom = tokens.flatMap((t, i) => (t === 'fran' && /^20\d\d$/.test(tokens[i + 1] ?? '') ? [Number(tokens[i + 1])] : []));
  if (measures.includes('carriedIn') && carriedInto.length === 0 && carriedFrom.length === 1 && years.size === 1) {
    years.clear();
    years.add((carriedFrom[0] as number) + 1);
  }
  if (measures.includes('carriedIn') && carriedInto.length > 0) {
    years.clear();
    years.add(carriedInto[carriedInto.length - 1] as number);
  }
  // "eget kapital utöver reservfonden": at a year's end that is what was left to decide on.
  if (
    measures.includes('equity') &&
    tokens.some((t, i) => /^(utover|minus|utom|forutom|exklusive|exkl|utan)$/.test(t) && (tokens[i + 1] ?? '').startsWith('reserv'))
  )
    measures = ['remaining', ...measures.filter((m) => m !== 'equity' && m !== 'reserveFund')];
  // "ackumulerat överskott kvar när 2027 är slut": what goes out of the year, not what came in.
  if (measures.includes('carriedIn') && YEAR_END.some((p) => exactPhrase(tokens, p, new Set())))
    measures = measures.map((m) => (m === 'carriedIn' ? 'remaining' : m));
  // "i tkr, inte förbrukningsgrad": a measure named only right after a negation is the one not asked.
  const negated = new Set(tokens.flatMap((t, i) => (NEGATIONS.has(t) && ![...cuedAt.values()].some((at) => at.includes(i)) ? [i + 1, i + 2] : [])));
  if (measures.some((m) => !(cuedAt.get(m) ?? []).every((i) => negated.has(i))))
    measures = measures.filter((m) => !(cuedAt.get(m) ?? []).every((i) => negated.has(i)));
  return measures;
}
