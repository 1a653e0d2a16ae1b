import { KIND_LABEL, LedgerSnapshot, TotalField } from '../domain/ledger';
import { TotalDifference, compareStatedTotals, computeLedgerTotals } from '../finance/ledgerTotals';
import { formatTkr, formatTkrChange } from '../format/swedish';
import { LedgerRepository } from '../ports/repositories';
import { parseLedgerFile } from './ledgerFile';

export interface ImportResult {
  readonly snapshot: LedgerSnapshot;
  readonly differences: readonly TotalDifference[];
  readonly replaced: boolean;
}

const FIELD_LABEL: Readonly<Record<TotalField, string>> = {
  income: 'S:A INTÄKTER',
  cost: 'S:A KOSTNADER',
  initiatives: 'S:a samverkansinsatser',
  result: 'ÅRETS BERÄKNADE RESULTAT',
  carriedIn: 'Över-/underskott från tidigare år',
  remaining: 'KVARVARANDE BESLUTSUTRYMME',
  remainingAfterApplications: 'BESLUTSUTRYMME efter föreslagna ansökningar',
};

/** Validates first (a bad file stores nothing), then stores the snapshot and reports printed totals that disagree with the lines. */
export async function importLedger(input: unknown, repository: LedgerRepository): Promise<ImportResult> {
  const snapshot = parseLedgerFile(input);
  const differences = compareStatedTotals(snapshot, computeLedgerTotals(snapshot));
  const { replaced } = await repository.saveSnapshot(snapshot);
  return { snapshot, differences, replaced };
}

export function describeImport(result: ImportResult): string {
  const { snapshot } = result;
  const lines = [
    `${result.replaced ? 'Ersatte' : 'Läste in'} ekonomisk information för ${snapshot.associationName} per ${snapshot.asOf}: ` +
      `${snapshot.columns.length} kolumner, ${snapshot.lines.length} rader.`,
  ];
  if (result.differences.length === 0) {
    lines.push('Alla angivna summor stämmer med raderna.');
    return lines.join('\n');
  }
  lines.push(`${result.differences.length} angivna summor stämmer inte med raderna:`);
  for (const d of result.differences) {
    const column = snapshot.columns.find((c) => c.key === d.columnKey);
    const columnText = column ? `${column.year} ${KIND_LABEL[column.kind]} (${d.columnKey})` : d.columnKey;
    lines.push(
      `- ${columnText}, ${FIELD_LABEL[d.field]}: angivet ${formatTkr(d.stated)}, beräknat ${formatTkr(d.computed)}, ` +
        `skillnad ${formatTkrChange(d.difference)}${d.rounding ? ' (avrundning)' : ''}`,
    );
  }
  return lines.join('\n');
}
