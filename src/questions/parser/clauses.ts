import { questionTokens } from './text';

/** One clause of a question, and whether it asks (ends with "?" or opens with a question word) or states. */
interface Clause {
  readonly text: string;
  readonly asks: boolean;
}

// Sentence marks, "X: " and "word. " (not "S:a", "t.o.m." or "1.5"), a dash between words (not a range "2026 – 2028"), ", men"/", vad" ….
const CLAUSE_BREAK = /(\?+|!+|;|:\s|(?<=[a-zåäö]{2}|\d|\s)\.\s|\s[–—-]\s(?!\s*20\d\d\b)|,\s*(?=(?:men|vad|hur|vilken|vilket|vilka|när|nar)\b))/;
const QUESTION_OPENER = /^(men\s+)?(vad|hur|vilken|vilket|vilka|när|nar|what|how|which|when)\b/;

function clausesOf(text: string): Clause[] {
  const parts = text.split(CLAUSE_BREAK);
  const clauses: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const clause = (parts[i] ?? '').trim();
    if (clause === '') continue;
    clauses.push({ text: clause, asks: (parts[i + 1] ?? '').includes('?') || QUESTION_OPENER.test(clause) });
  }
  return clauses;
}

/** The clause that asks: the last one that does ("… kvar att besluta om? (reservfonden oräknad)"), else the last. */
function askingClause(clauses: readonly Clause[]): number {
  const asking = clauses.map((c, i) => (c.asks ? i : -1)).filter((i) => i >= 0);
  return asking.length > 0 ? (asking[asking.length - 1] as number) : clauses.length - 1;
}

/**
 * "Resultatet 2022 var 381 tkr, vad blev det 2023?", "Bryggan 2026 vet jag, men 2028?": when a
 * question has more than one clause, the years of the one that asks are the ones asked
 * ("Tabellen går 2026–2028. … sista året?": the last of the years). One clause keeps every
 * year (a range, a comparison); undefined leaves them as they are.
 */
function askedYearsOf(clauses: readonly Clause[], years: readonly number[]): number[] | undefined {
  if (years.length < 2 || clauses.length < 2) return undefined;
  const question = (clauses[askingClause(clauses)] as Clause).text;
  const asked = [...question.matchAll(/\b20\d\d\b/g)].map((m) => Number(m[0])).filter((y) => years.includes(y));
  // "… upp så mycket 2028? Hur stor är skillnaden mot 2027?": a change asked against one year is also about the year before.
  if (asked.length === 1 && /\bskillnad(en)?\b|\b(mot|jämfört med|jamfort med)\s+20\d\d\b/i.test(question)) return undefined;
  if (asked.length > 0) return asked.length < years.length ? asked : undefined;
  if (/\bsista\b/.test(question)) return [Math.max(...years)];
  if (/\b(forsta|första)\b/.test(question)) return [Math.min(...years)];
  return undefined;
}

/** The indices of the tokens written within parentheses; not the table's own "Lokussamordnare (Älvkarleby)", an owner in two words at most. */
export function asideTokens(text: string): Set<number> {
  const aside = new Set<number>();
  let at = 0;
  for (const part of text.split(/(\([^()]*\))/)) {
    const count = questionTokens(part).length;
    if (part.startsWith('(') && count > 2) for (let i = at; i < at + count; i += 1) aside.add(i);
    at += count;
  }
  return aside;
}

/** Where the clause that asks lies among a question's tokens, and what stands before it. */
export interface ClauseLayout {
  /** The index of its first token (0: the question is one clause), and one past its last. */
  readonly questionStart: number;
  readonly questionEnd: number;
  /** Whether only statements stand before it, and three words or more of them (see below). */
  readonly statedFirst: boolean;
  readonly askingText: string;
  /** The years asked, given those the whole question names: undefined keeps them all. */
  readonly askedYears: (years: readonly number[]) => number[] | undefined;
}

export function clauseLayout(text: string, tokenCount: number): ClauseLayout {
  const clauses = clausesOf(text);
  const asking = askingClause(clauses);
  const tokensIn = (c: Clause) => questionTokens(c.text).length;
  const questionStart = clauses.slice(0, asking).reduce((n, c) => n + tokensIn(c), 0);
  const questionEnd = questionStart + (clauses[asking] ? tokensIn(clauses[asking] as Clause) : tokenCount);
  // "S:A INTÄKTER — Prel budget 2027", pasted from the table, asks in no clause: nothing in it is only context;
  // nor is a condition ("om vi beviljar …, vad blir kvar?") or a topic named first ("reservfonden, hur stor är den …?").
  const statedFirst = questionStart >= 3 && (clauses[asking]?.asks ?? false) && clauses.slice(0, asking).every((c) => !c.asks && !/^(om|if)\b/.test(c.text));
  return { questionStart, questionEnd, statedFirst, askingText: clauses[asking]?.text ?? '', askedYears: (years) => askedYearsOf(clauses, years) };
}
