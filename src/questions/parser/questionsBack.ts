import { CLOSED_YEAR_MEASURES, FORBUND, Measure, Reading } from '../../domain/reading';
import { STOP_WORDS } from './lexicon';
import { QuestionWords } from './readQuestion';
import { SubjectEntity } from './subjects';
import type { InterpretContext, Interpretation } from './interpret';

/** The questions back: "Menade du …?" when two readings are close, and what to say when a name is unknown. */

export const MEASURE_WORDS: Partial<Record<Measure, string>> = {
  remaining: 'beslutsutrymme',
  whatIf: 'beslutsutrymme efter ett beviljande',
  income: 'intäkter',
  costs: 'kostnader',
  remainingAfterApplications: 'beslutsutrymme efter ansökningar',
  carriedIn: 'överskott från tidigare år',
  result: 'resultat',
  soliditet: 'soliditet',
  kassalikviditet: 'kassalikviditet',
  equity: 'eget kapital',
  reserveFund: 'reservfond',
};

function yearText(words: QuestionWords, currentYear: number): string {
  return String(words.years[0] ?? currentYear);
}

/** "beslutsutrymme för Bryggan": the measure is the förbund's; ask which was meant. */
export function forbundMeasureWithSubject(measure: Measure, candidates: readonly SubjectEntity[], words: QuestionWords): Interpretation {
  const subject = candidates[0] as SubjectEntity;
  const year = words.years[0] !== undefined ? ` ${words.years[0]}` : '';
  const what = MEASURE_WORDS[measure] ?? measure;
  return {
    kind: 'clarify',
    message: `${capitalise(what)} gäller hela förbundet, inte en enskild insats eller rad. Menade du något av detta?`,
    options: [
      { label: `Budget för ${subject.name}${year}`, question: `budget för ${subject.name}${year}` },
      { label: `Förbundets ${what}${year}`, question: `${what}${year}` },
    ],
  };
}

export function ambiguous(
  candidates: readonly SubjectEntity[],
  measure: Measure,
  words: QuestionWords,
  ctx: InterpretContext,
  previousYears?: readonly number[],
): Interpretation {
  const years = words.years.length > 0 ? words.years : (previousYears ?? [ctx.currentYear]);
  const year = words.years.length > 0 ? ` ${words.years.join(' och ')}` : '';
  const verb =
    measure === 'endDate'
      ? 'när slutar'
      : measure === 'startDate'
        ? 'när startade'
        : measure === 'utilisation'
          ? 'förbrukningsgrad'
          : measure === 'actual'
            ? 'utfall'
            : 'budget för';
  const options = candidates.slice(0, 3).map((c) => {
    const name = c.owner ? `${c.name} ${c.owner}` : c.name;
    return { label: c.owner ? `${c.name} (${c.owner})` : c.name, question: `${verb} ${name}${year}` };
  });
  // Kept for the next turn: "Älvkarleby" then picks one of these.
  const pending: Reading = {
    measure,
    subject: FORBUND,
    years,
    ...(words.columns[0] ? { column: words.columns[0] } : {}),
    candidates: candidates.map((c) => c.id),
  };
  return {
    kind: 'clarify',
    message: candidates.some((c) => c.isInitiative) ? `Flera insatser passar. Vilken menade du?` : `Flera rader i budgeten passar. Vilken menade du?`,
    options,
    pending,
  };
}

export function isBareSurplus(words: QuestionWords): boolean {
  const surplus = words.tokens.filter((t) => /^(overskott|overskottet)$/.test(t));
  const qualified = words.tokens.some((t) =>
    /^(arets|aret|resultat|resultatet|gar|ackumulerat|ackumulerade|tidigare|med|blev|gjorde|gjort|redovisade|underskott|underskottet|redovisat|beraknat|beraknade|prognos|prognosen|budget|budgeten)$/.test(
      t,
    ),
  );
  return surplus.length > 0 && !qualified && words.measures.length === 1;
}

export function bareSurplus(words: QuestionWords, ctx: InterpretContext): Interpretation {
  const year = yearText(words, ctx.currentYear);
  return {
    kind: 'clarify',
    message: `Menar du årets över- eller underskott ${year}, eller det överskott från tidigare år som förs in i ${year}?`,
    options: [
      { label: `Årets resultat ${year}`, question: `årets resultat ${year}` },
      { label: `Överskott från tidigare år ${year}`, question: `överskott från tidigare år ${year}` },
      { label: `Beslutsutrymme ${year}`, question: `beslutsutrymme ${year}` },
    ],
  };
}

/** "hur mycket blev över 2025?" with nothing else: what the insatser left unused, or the förbund's own surplus? */
export function isBareLeftOver(words: QuestionWords): boolean {
  const t = words.tokens;
  const leftOver = t.some((w, i) => w === 'blev' && t[i + 1] === 'over');
  const qualified = t.some((w) =>
    /^(insats|insatsen|insatser|insatserna|insatsmedel|insatsmedlen|medel|medlen|budget|budgeten|budgeterat|pengarna|anslaget|anslagen)$/.test(w),
  );
  return leftOver && !qualified && words.measures.length === 1;
}

export function bareLeftOver(words: QuestionWords, ctx: InterpretContext): Interpretation {
  const year = yearText(words, ctx.currentYear - 1);
  return {
    kind: 'clarify',
    message: `Menar du det insatserna inte använde av sina medel ${year}, eller förbundets överskott ${year}?`,
    options: [
      { label: `Outnyttjade medel ${year}`, question: `outnyttjade medel ${year}` },
      { label: `Årets resultat ${year}`, question: `årets resultat ${year}` },
    ],
  };
}

/** "budget 2026" with nothing named: the förbund's budget has several figures. */
export function budgetWithoutSubject(words: QuestionWords, ctx: InterpretContext): Interpretation {
  const year = yearText(words, ctx.currentYear);
  const column = words.columns[0] === 'forecast' ? 'prognos' : 'budget';
  return {
    kind: 'clarify',
    message: `Vilken siffra i förbundets ${column} ${year} menade du?`,
    options: [
      { label: `Beslutsutrymme ${year} (${column})`, question: `beslutsutrymme ${year} enligt ${column}` },
      { label: `Resultat ${year} (${column})`, question: `resultat ${year} enligt ${column}` },
      { label: `Kostnader ${year} (${column})`, question: `kostnader ${year} enligt ${column}` },
    ],
  };
}

export function unknownSubject(words: QuestionWords, measure: Measure): Interpretation {
  const leftover = words.tokens.filter((t, i) => !words.used.has(i) && !STOP_WORDS.has(t) && t.length > 1);
  const named = leftover.length > 0 ? `Jag hittar ingen insats som heter "${leftover.join(' ')}". ` : '';
  const example = measure === 'endDate' ? 'när slutar Växtkraft?' : measure === 'startDate' ? 'när startade Bryggan?' : 'vad kostar Växtkraft 2026?';
  return {
    kind: 'notUnderstood',
    message: `${named}Vilken insats menar du? Skriv till exempel "${example}" eller fråga "vilka insatser finansieras i år?" för att se namnen.`,
  };
}

const capitalise = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/** "Kan du visa hur beslutsutrymmet räknades fram?" after a fee: the year belonged to an answer before the last one. */
export function whichYear(measure: Measure, ctx: InterpretContext, explain: boolean): Interpretation {
  const what = MEASURE_WORDS[measure] ?? OTHER_MEASURE_WORDS[measure] ?? 'siffran';
  const ask = explain ? `hur räknas ${what}` : what;
  // Closed-year measures have figures for the years before this one; the table's for this year on.
  // (A member's own fee is known for closed years only, too.)
  const years =
    CLOSED_YEAR_MEASURES.has(measure) || measure === 'membershipFee' ? [1, 2, 3].map((k) => ctx.currentYear - k) : [0, 1, 2].map((k) => ctx.currentYear + k);
  return {
    kind: 'clarify',
    message: `Jag minns bara din senaste fråga, och den gällde något annat. Vilket år menar du?`,
    options: years.map((y) => ({ label: `${capitalise(what)} ${y}`, question: `${ask} ${y}` })),
  };
}

const OTHER_MEASURE_WORDS: Partial<Record<Measure, string>> = {
  utilisation: 'förbrukningsgrad',
  actual: 'utfall',
  unused: 'outnyttjade medel',
  membershipFee: 'medlemsavgift',
  line: 'budget',
};

/** "Och för den insatsen jag frågade om först?": only the last reading is kept. */
export const EARLIER_QUESTION: Interpretation = {
  kind: 'notUnderstood',
  message: 'Jag minns bara din senaste fråga i den här konversationen. Skriv vad du menar, till exempel "förbrukningsgrad Växtkraft 2025".',
};
