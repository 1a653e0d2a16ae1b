/** A problem with what the user typed and the input it concerns ('' for the form as a whole), so a card can show it beside the field. */
export interface FieldProblem {
  readonly field: string;
  readonly text: string;
}

/** Collects a form's problems per field, in the order they were found. */
export class FieldProblems {
  readonly list: FieldProblem[] = [];
  add(field: string, text: string): void {
    this.list.push({ field, text });
  }
  /** A sink for one field, for checks that only know how to push a message. */
  for(field: string): { push(text: string): void } {
    return { push: (text: string) => this.add(field, text) };
  }
  get length(): number {
    return this.list.length;
  }
}

/** The problems of one field, joined; '' when it has none. */
export const problemAt = (problems: readonly FieldProblem[], field: string) =>
  problems
    .filter((p) => p.field === field)
    .map((p) => p.text)
    .join(' ');

/** What stands next to the submit button when something needs fixing. */
export const problemSummary = (count: number, nothingDone = 'Inget skickades in') =>
  count === 0
    ? ''
    : `${nothingDone}: ${count === 1 ? '1 sak behöver' : `${count} saker behöver`} rättas. ${count === 1 ? 'Den är markerad' : 'De är markerade'} i formuläret ovan.`;

/** Problems found at the edge (a text cut to its limit) concern the form as a whole. */
export const formProblems = (texts: readonly string[] = []): FieldProblem[] => texts.map((text) => ({ field: '', text }));
