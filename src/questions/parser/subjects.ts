import { Initiative, shortOwner } from '../../domain/initiatives';
import { LedgerSnapshot } from '../../domain/ledger';
import { AGGREGATE_LINES, LINE_ALIASES, OWNER_WORDS, STOP_WORDS } from './lexicon';
import { findPhrase, matchesWord, tokenize } from './text';

/** Something a question can be about: an insats, a ledger line or a sum of lines. */
export interface SubjectEntity {
  readonly id: string;
  readonly name: string;
  /** The insatsägare as the board's table names it ("Heby", "Region Uppsala"); insatser only. */
  readonly owner?: string;
  readonly isInitiative: boolean;
  /** Phrases that name a fixed line ("kansliet" for Förvaltning). */
  readonly phrases: readonly (readonly string[])[];
}

const NAME_FILLER = new Set([
  'for',
  'och',
  'till',
  'av',
  'i',
  'med',
  'eller',
  'pa',
  'en',
  'in',
  'the',
  'kommun',
  'kommuns',
  'inkl',
  'steget',
  'vidare',
  'min',
  'arbete',
  'studier',
  'stod',
]);

export function significantWords(name: string): string[] {
  const all = tokenize(name);
  const kept = all.filter((w) => !NAME_FILLER.has(w));
  return kept.length > 0 ? kept : all;
}

/** The subjects of a ledger table: its insatser, its other lines, and the sums it prints. */
export function subjectsOfSnapshot(snapshot: LedgerSnapshot): SubjectEntity[] {
  const subjects: SubjectEntity[] = snapshot.lines.map((l) =>
    l.initiative
      ? { id: l.id, name: l.initiative.name, owner: shortOwner(l.initiative.owner), isInitiative: true, phrases: [] }
      : { id: l.id, name: l.label, isInitiative: false, phrases: LINE_ALIASES[l.label] ?? [significantWords(l.label)] },
  );
  for (const a of AGGREGATE_LINES) subjects.push({ id: a.id, name: a.name, isInitiative: false, phrases: a.phrases });
  return subjects;
}

export function subjectsOfRegistry(initiatives: readonly Initiative[]): SubjectEntity[] {
  return initiatives.map((i) => ({ id: i.id, name: i.name, owner: shortOwner(i.owner), isInitiative: true, phrases: [] }));
}

export interface SubjectMatch {
  /** Subjects that fit, best first; several means the question is ambiguous. */
  readonly candidates: readonly SubjectEntity[];
  /** Owners named, as the table spells them. */
  readonly owners: readonly string[];
  /** Tokens that name a subject or an owner. */
  readonly used: ReadonlySet<number>;
  /** Whether a subject was named by its name (not only by its owner). */
  readonly byName: boolean;
}

/**
 * Finds the subjects a question names: fixed lines by their phrases, insatser by the
 * first distinctive word of their name (typos and inflections allowed, the owner breaks
 * ties), and failing a name, the insatser of a named owner.
 */
export function matchSubjects(tokens: readonly string[], taken: ReadonlySet<number>, subjects: readonly SubjectEntity[]): SubjectMatch {
  const used = new Set<number>();
  const free = (i: number) => !taken.has(i) && !used.has(i);

  const owners: string[] = [];
  for (const [owner, phrases] of OWNER_WORDS) {
    for (const phrase of phrases) {
      const hit = exactPhraseAt(tokens, phrase, free);
      if (hit && !owners.includes(owner)) {
        owners.push(owner);
        hit.forEach((i) => used.add(i));
      }
    }
  }

  const lines: SubjectEntity[] = [];
  const byPhrase = subjects.filter((s) => s.phrases.length > 0).flatMap((s) => s.phrases.map((p) => ({ s, p })));
  // "isa 2027": the same words naming two lines ("ESF medel ISA", "Förvaltning ISA") make both candidates,
  // unless another word of one name stands in the question ("förv ISA", "förvaltningen av ISA-projektet").
  const named = new Map<string, SubjectEntity[]>();
  for (const { s, p } of byPhrase.sort((a, b) => b.p.length - a.p.length)) {
    const key = p.join(' ');
    const hit = findFree(tokens, p, free);
    if (!hit && !named.has(key)) continue;
    hit?.forEach((i) => used.add(i));
    named.set(key, [...(named.get(key) ?? []), s]);
    if (!lines.includes(s)) lines.push(s);
  }
  for (const [phrase, sharing] of named) {
    if (sharing.length < 2) continue;
    // ("vad kostar ISA 2027?": a cost is the cost line's, not the funding's.)
    const costWord = tokens.some((t) => /^(kostar|kostade|kostnad|kostnaden|kostnader|kostnaderna)$/.test(t));
    const hinted = sharing.filter(
      (l) =>
        significantWords(l.name).some((w) => !phrase.split(' ').includes(w) && tokens.some((t) => t.length >= 4 && w.startsWith(t.slice(0, 4)))) ||
        (costWord && !l.id.startsWith('external-funding')),
    );
    if (hinted.length === 1) lines.splice(0, lines.length, ...lines.filter((l) => !sharing.includes(l) || hinted.includes(l)));
  }

  const scored = subjects
    .filter((s) => s.isInitiative)
    .map((s) => {
      const words = significantWords(s.name);
      const first = words[0] as string;
      const at = tokens.findIndex((t, i) => free(i) && nameWordMatches(t, first));
      if (at < 0) return { s, score: 0, hits: [] as number[] };
      const hits = tokens.map((t, i) => (free(i) && words.some((w) => nameWordMatches(t, w)) ? i : -1)).filter((i) => i >= 0);
      const ownerBonus = s.owner && owners.includes(s.owner) ? 5 : 0;
      return { s, score: 10 + hits.length * 2 + ownerBonus, hits };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  // "förvaltningskostnaderna för ISA": Förvaltning ISA, not Förvaltning as well.
  const specific = lines.filter((l) => !lines.some((o) => o !== l && o.name.startsWith(`${l.name} `)));
  lines.splice(0, lines.length, ...specific);
  let initiatives: SubjectEntity[] = [];
  const partial = best ? [] : byLaterWords(tokens, free, subjects, owners);
  if (best) {
    initiatives = scored.filter((x) => x.score === best.score).map((x) => x.s);
    scored.filter((x) => x.score === best.score).forEach((x) => x.hits.forEach((i) => used.add(i)));
  } else if (partial.length > 0) {
    const top = partial[0]?.score;
    initiatives = partial.filter((x) => x.score === top).map((x) => x.s);
    partial.filter((x) => x.score === top).forEach((x) => x.hits.forEach((i) => used.add(i)));
  } else if (owners.length > 0) {
    initiatives = subjects.filter((s) => s.isInitiative && s.owner !== undefined && owners.includes(s.owner));
  }
  // "ekonomstöd, verksamhetsutvecklare och kompetenshöjande – vad blir det ihop?": the parts together are Övriga samverkansinsatser.
  const parts = lines.filter((l) => l.id.startsWith('other-initiative-'));
  const whole = subjects.find((s) => s.id === 'ovriga-samverkansinsatser');
  const compared = tokens.some((t) => /^(skillnad|skillnaden|jamfort|jamfor|mot|an|vs|versus|eller|diff)$/.test(t));
  const together = parts.length >= 3 || (parts.length >= 2 && tokens.some((t) => /^ovrig/.test(t)));
  if (together && whole && !compared && !tokens.includes('sig'))
    lines.splice(0, lines.length, ...lines.filter((l) => !parts.includes(l) && l !== whole && l.id !== 'samverkansinsatser'), whole);
  // "Region Uppsalas ESF-samordning RegExPro": beside an insats named with its owner, a funding word describes it.
  const only = initiatives.length === 1 ? initiatives[0] : undefined;
  if (best && only?.owner !== undefined && owners.includes(only.owner))
    lines.splice(0, lines.length, ...lines.filter((l) => !l.id.startsWith('external-funding')));
  return { candidates: [...initiatives, ...lines], owners, used, byName: Boolean(best) || partial.length > 0 || lines.length > 0 };
}

const GLUE = new Set(['for', 'och', 'till', 'av', 'i', 'med', 'eller', 'pa', 'en', 'in', 'the', 'kommun', 'kommuns']);

/** "stöd till arbete och studier": two or more later words of a name, when no name's first word was given. */
function byLaterWords(tokens: readonly string[], free: (i: number) => boolean, subjects: readonly SubjectEntity[], owners: readonly string[]) {
  return (
    subjects
      .filter((s) => s.isInitiative)
      .map((s) => {
        const words = tokenize(s.name).filter((w) => !GLUE.has(w) && w.length > 2);
        const hits = tokens
          .map((t, i) => (free(i) && !GLUE.has(t) && !STOP_WORDS.has(t) && t.length >= 4 && words.some((w) => nameWordMatches(t, w)) ? i : -1))
          .filter((i) => i >= 0);
        return { s, hits, score: hits.length + (s.owner && owners.includes(s.owner) ? 3 : 0) };
      })
      // One later word is enough when it is no glue word: "stödet" fits both "… stöd …" insatser, and that is asked back.
      .filter((x) => x.hits.length >= 1)
      .sort((a, b) => b.score - a.score)
  );
}

/** Names are matched loosely, but a short word must be the word itself. */
function nameWordMatches(token: string, word: string): boolean {
  if (STOP_WORDS.has(token) && token !== word) return false;
  if (word.length < 5) return token === word || (word.length >= 3 && [`${word}s`, `${word}et`, `${word}en`].includes(token));
  // A shortened name: "lokus" for Lokussamordnare, "regex" for RegExPro.
  if (token.length >= 5 && word.length > token.length && word.startsWith(token)) return true;
  return matchesWord(token, word);
}

function exactPhraseAt(tokens: readonly string[], phrase: readonly string[], free: (i: number) => boolean): number[] | undefined {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((w, j) => tokens[start + j] === w && free(start + j))) return phrase.map((_, j) => start + j);
  }
  return undefined;
}

function findFree(tokens: readonly string[], phrase: readonly string[], free: (i: number) => boolean): number[] | undefined {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    const window = tokens.slice(start, start + phrase.length);
    const hit = findPhrase(window, phrase);
    if (hit && hit.every((j) => free(start + j))) return hit.map((j) => start + j);
  }
  return undefined;
}
