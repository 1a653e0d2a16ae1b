/** Long lists are shown a page at a time: Teams refuses a card over about 28 KB. */

const PAGE_WORDS = /\s*\bsida\s+\d{1,4}\b/giu;

/** "sida 3" in a question, or 1. */
export const pageOf = (text: string): number => Number(/\bsida\s+(\d{1,4})\b/iu.exec(text)?.[1] ?? 1);

/** The same question asking for another page. */
export const withPage = (question: string, page: number): string =>
  `${question
    .replace(PAGE_WORDS, '')
    .replace(/[?!.\s]+$/u, '')
    .trim()} sida ${page}`;

/** One page of a list (clamped to the pages there are), and how many pages there are. */
export function pageSlice<T>(all: readonly T[], page: number, size: number): { readonly shown: readonly T[]; readonly page: number; readonly pages: number } {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const clamped = Math.min(Math.max(1, page), pages);
  return { shown: all.slice((clamped - 1) * size, clamped * size), page: clamped, pages };
}
