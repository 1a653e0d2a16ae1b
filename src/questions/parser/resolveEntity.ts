import { matchesWord, tokenize } from './text';

export interface NamedEntity {
  readonly id: string;
  readonly name: string;
  /** Other names it goes by, e.g. "staten" or "FK" for Försäkringskassan/Arbetsförmedlingen. */
  readonly aliases?: readonly string[];
  /** Words that also identify it, e.g. the owner: used to tell "Lokussamordnare" in Uppsala from Älvkarleby. */
  readonly qualifiers: readonly string[];
}

export type Resolution<T> =
  { readonly kind: 'none' } | { readonly kind: 'one'; readonly entity: T } | { readonly kind: 'ambiguous'; readonly candidates: readonly T[] };

const NAME_FILLER = new Set(['for', 'och', 'till', 'av', 'i', 'med', 'eller', 'pa', 'en', 'in', 'the', 'kommun', 'kommuns', 'inkl', 'steget', 'vidare', 'min']);

function significant(text: string): string[] {
  const words = tokenize(text).filter((w) => !NAME_FILLER.has(w));
  return words.length > 0 ? words : tokenize(text);
}

/**
 * Loose matching of insats or member names: a name matches when its first
 * distinctive word appears (typos and inflections allowed); ties are broken by
 * how many of its other words and qualifiers appear.
 */
export function resolveEntity<T extends NamedEntity>(words: readonly string[], entities: readonly T[]): Resolution<T> {
  const present = (w: string) => words.some((q) => matchesWord(q, w));
  const scored = entities
    .map((entity) => {
      const qualifierBonus = entity.qualifiers.flatMap(significant).filter(present).length * 3;
      const nameScores = [entity.name, ...(entity.aliases ?? [])].map((name) => {
        const nameWords = significant(name);
        return present(nameWords[0] as string) ? 10 + nameWords.filter(present).length * 2 + qualifierBonus : 0;
      });
      return { entity, score: Math.max(...nameScores) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { kind: 'none' };
  const tied = scored.filter((s) => s.score === best.score).map((s) => s.entity);
  return tied.length === 1 ? { kind: 'one', entity: best.entity } : { kind: 'ambiguous', candidates: tied };
}
