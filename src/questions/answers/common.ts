import { KIND_LABEL, LedgerColumn, LedgerSnapshot } from '../../domain/ledger';
import { Reply } from '../../cards/viewModels';
import { formatDateLong, formatTkrChange } from '../../format/swedish';
import { LedgerAdjustment } from '../../domain/deviations';
import { applyLedgerAdjustments } from '../../finance/ledgerAdjustments';
import { QuestionContext } from '../context';
import { SnapshotLookup } from '../ports';

export interface AdjustedLookup extends SnapshotLookup {
  /** Approved avvikelser decided after the snapshot's date, already in its figures. */
  readonly applied: readonly LedgerAdjustment[];
}

/** The snapshot for a year with the approved avvikelser since its date applied: every ledger answer goes through here. */
export async function findLedger(ctx: QuestionContext, year?: number): Promise<AdjustedLookup> {
  const lookup = await ctx.repos.ledger.findSnapshotFor(ctx.associationId, year);
  if (!lookup.snapshot) return { ...lookup, applied: [] };
  const { snapshot, applied } = applyLedgerAdjustments(lookup.snapshot, lookup.adjustments, lookup.applications);
  return { ...lookup, snapshot, applied };
}

/** Names the approved avvikelser that moved the figures since the table was published. */
export function adjustmentNotes(asOf: string, applied: readonly LedgerAdjustment[]): { text: string }[] {
  if (applied.length === 0) return [];
  const parts = applied.map((a) => {
    const changes = a.changes.map((c) => `${formatTkrChange(c.amount)} ${c.year}`);
    const refs = [a.decisionNumber, a.dnr].filter(Boolean).join(', ');
    return `${a.initiativeName} ${listInSwedish(changes)} (${refs})`;
  });
  return [{ text: `Efter ${formatDateLong(asOf)} har godkända avvikelser ändrat prognosen: ${listInSwedish(parts)}.` }];
}

export function listInSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function sourceText(snapshot: LedgerSnapshot, column: LedgerColumn): string {
  return `Enligt ekonomisk information per ${snapshot.asOf}, ${KIND_LABEL[column.kind]}.`;
}

export function columnLabel(column: LedgerColumn): string {
  return `${KIND_LABEL[column.kind].replace(/^./, (c) => c.toUpperCase())} ${column.year}`;
}

/** A year no stored data covers; `message` says what exists instead. */
export function noDataReply(title: string, year: number, message: string): Reply {
  return {
    card: { template: 'figures', view: { title, headlineLabel: `Inga uppgifter för ${year}`, headlineValue: '–', facts: [], notes: [{ text: message }], source: '' } },
    text: `${title}: inga uppgifter för ${year}. ${message}`,
  };
}

/** What to say when no ledger snapshot covers a year: the years that do exist. */
export function ledgerYearsMessage(availableYears: readonly number[]): string {
  return availableYears.length > 0
    ? `Det finns ekonomisk information för ${listInSwedish(availableYears.map(String))}.`
    : 'Ingen ekonomisk information är inläst ännu.';
}

export function olderSnapshotNote(snapshot: LedgerSnapshot, year: number, isLatest: boolean): { text: string }[] {
  return isLatest ? [] : [{ text: `Svaret bygger på ekonomisk information per ${formatDateLong(snapshot.asOf)}, den senaste som omfattar ${year}.` }];
}

/** A plain-text rendering of a figures-style answer, used as fallback text. */
export function plainText(title: string, headline: string, facts: readonly { label: string; value: string }[], notes: readonly { text: string }[], source: string): string {
  return [`${title}: ${headline}`, ...facts.map((f) => `${f.label}: ${f.value}`), ...notes.map((n) => n.text), source].filter((s) => s !== '').join('\n');
}
