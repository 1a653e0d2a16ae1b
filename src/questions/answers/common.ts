import { KIND_LABEL, LedgerColumn, LedgerSnapshot } from '../../domain/ledger';
import { Fact, Reply } from '../../cards/viewModels';
import { formatDateLong, formatTkr, formatTkrChange, formatDate } from '../../format/swedish';
import { ApplicationEntry, LedgerAdjustment } from '../../domain/deviations';
import { applyLedgerAdjustments } from '../../finance/ledgerAdjustments';
import { QuestionContext } from '../context';
import { SnapshotLookup } from '../../ports/repositories';
import { Subject } from '../../domain/reading';

export type Note = { text: string };

export interface AdjustedLookup extends SnapshotLookup {
  /** Approved avvikelser decided after the snapshot's date, already in its figures. */
  readonly applied: readonly LedgerAdjustment[];
  /** Ansökningar granted after the snapshot's date, already in its figures as insats lines. */
  readonly grants: readonly ApplicationEntry[];
}

/** The snapshot for a year with the approved avvikelser and grants since its date applied: every ledger answer goes through here. */
export async function findLedger(ctx: QuestionContext, year?: number): Promise<AdjustedLookup> {
  const lookup = await ctx.repos.ledger.findSnapshotFor(ctx.associationId, year);
  if (!lookup.snapshot) return { ...lookup, applied: [], grants: [] };
  const { snapshot, applied } = applyLedgerAdjustments(lookup.snapshot, lookup.adjustments, lookup.applications);
  const grants = lookup.applications.filter((a) => a.status === 'beviljad' && (a.decidedOn ?? '') > snapshot.asOf);
  return { ...lookup, snapshot, applied, grants };
}

/** Names the approved avvikelser and grants that moved the figures since the table was published. */
export function adjustmentNotes(asOf: string, applied: readonly LedgerAdjustment[], grants: readonly ApplicationEntry[] = []): Note[] {
  const notes: Note[] = [];
  if (applied.length > 0) {
    const parts = applied.map((a) => {
      const changes = a.changes.map((c) => `${formatTkrChange(c.amount)} ${c.year}`);
      const refs = [a.decisionNumber, a.dnr].filter(Boolean).join(', ');
      return `${a.initiativeName} ${listInSwedish(changes)} (${refs})`;
    });
    notes.push({ text: `Efter ${formatDateLong(asOf)} har godkända avvikelser ändrat prognosen: ${listInSwedish(parts)}.` });
  }
  if (grants.length > 0) {
    const parts = grants.map((g) => {
      const years = Object.entries(g.grantedByYear ?? {}).map(([y, amount]) => `${formatTkr(amount)} ${y}`);
      return `${g.name} (${g.owner}, ${g.dnr}) ${listInSwedish(years)}`;
    });
    notes.push({ text: `Efter ${formatDateLong(asOf)} har beviljade ansökningar lagts till: ${listInSwedish(parts)}.` });
  }
  return notes;
}

export function listInSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function sourceText(snapshot: LedgerSnapshot, column: LedgerColumn): string {
  return `Enligt ekonomisk information per ${formatDate(snapshot.asOf)}, ${KIND_LABEL[column.kind]}.`;
}

export function columnLabel(column: LedgerColumn): string {
  return `${KIND_LABEL[column.kind].replace(/^./, (c) => c.toUpperCase())} ${column.year}`;
}

export function subjectText(subject: Subject): string {
  switch (subject.kind) {
    case 'forbund':
      return 'förbundet';
    case 'line':
      return subject.name;
    case 'owner':
      return `insatser med ${subject.owner} som insatsägare`;
    case 'member':
      return subject.words.join(' ');
  }
}

/** "Tolkat som: budget 2028 för Bryggan (Östhammar), ekonomisk information per 2026-03-26". */
export function readingLine(what: string, subject: Subject | undefined, source: string): string {
  const about = subject && subject.kind !== 'forbund' ? ` för ${subjectText(subject)}` : subject ? ' för förbundet' : '';
  return `Tolkat som: ${what}${about}${source ? `, ${source}` : ''}`;
}

export const ledgerSourceShort = (snapshot: LedgerSnapshot) => `ekonomisk information per ${formatDate(snapshot.asOf)}`;

/** A year no stored data covers; `message` says what exists instead. */
export function noDataReply(title: string, year: number, message: string, reading = ''): Reply {
  return {
    card: {
      template: 'figures',
      view: { title, reading, headlineLabel: `Inga uppgifter för ${year}`, headlineValue: '–', facts: [], notes: [{ text: message }], source: '' },
    },
    text: `${title}: inga uppgifter för ${year}. ${message}`,
  };
}

/** What to say when no ledger snapshot covers a year: the years that do exist. */
export function ledgerYearsMessage(availableYears: readonly number[]): string {
  return availableYears.length > 0
    ? `Det finns ekonomisk information för ${listInSwedish(availableYears.map(String))}.`
    : 'Ingen ekonomisk information är inläst ännu.';
}

export function olderSnapshotNote(snapshot: LedgerSnapshot, year: number, isLatest: boolean): Note[] {
  return isLatest ? [] : [{ text: `Svaret bygger på ekonomisk information per ${formatDateLong(snapshot.asOf)}, den senaste som omfattar ${year}.` }];
}

/** A plain-text rendering of a figures-style answer, used as fallback text. */
export function plainText(title: string, headline: string, facts: readonly Fact[], notes: readonly Note[], source: string, reading = ''): string {
  return [`${title}: ${headline}`, ...facts.map((f) => `${f.label}: ${f.value}`), ...notes.map((n) => n.text), source, reading]
    .filter((s) => s !== '')
    .join('\n');
}

export function figuresReply(title: string, headlineLabel: string, headlineValue: string, facts: Fact[], notes: Note[], source: string, reading = ''): Reply {
  return {
    card: { template: 'figures', view: { title, reading, headlineLabel, headlineValue, facts, notes, source } },
    text: plainText(title, headlineValue, facts, notes, source, reading),
  };
}

export interface TableRow {
  readonly name: string;
  readonly a: string;
  readonly b: string;
}

export function tableReply(
  title: string,
  headers: [string, string, string],
  rows: TableRow[],
  notes: Note[],
  source: string,
  extra: { reading?: string; headlineLabel?: string; headlineValue?: string } = {},
): Reply {
  const text = [
    title,
    extra.headlineValue ? `${extra.headlineLabel}: ${extra.headlineValue}` : '',
    ...rows.map((r) => `${r.name}: ${r.a}${r.b ? `, ${r.b}` : ''}`),
    ...notes.map((n) => n.text),
    source,
    extra.reading ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  return { card: { template: 'table', view: { title, headers, rows, notes, source, ...extra } }, text };
}

/** "Menade du …?": the likely readings as buttons that ask them. */
export function clarifyReply(title: string, message: string, options: readonly { label: string; question: string }[] = []): Reply {
  return {
    card: { template: 'clarify', view: { title, message, options } },
    text: [title, message, ...options.map((o) => `- ${o.label}`)].join('\n'),
  };
}

/** "Skillnaden mellan budget och prognos 2026": the second column named minus the first, both shown. */
export function columnChangeReply(
  title: string,
  first: { readonly column: LedgerColumn },
  second: { readonly column: LedgerColumn },
  firstValue: number,
  secondValue: number,
  snapshot: LedgerSnapshot,
  reading: string,
): Reply {
  const [a, b] = [columnLabel(first.column), columnLabel(second.column)];
  return figuresReply(
    title,
    `Skillnad ${b.toLowerCase()} − ${a.toLowerCase()}`,
    formatTkrChange(secondValue - firstValue),
    [
      { label: a, value: formatTkr(firstValue) },
      { label: b, value: formatTkr(secondValue) },
    ],
    [],
    sourceText(snapshot, second.column),
    reading,
  );
}
