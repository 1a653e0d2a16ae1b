import ExcelJS from 'exceljs';
import { ColumnKind, LedgerLine, LedgerSnapshot, TableRows, TotalField } from '../domain/ledger';
import { ValidationError } from '../errors';
import { lineLabel } from '../exports/ledgerWorkbook';
import { normalize } from '../questions/parser/text';
import { parseLedgerFile, slug } from './ledgerFile';

/** A table larger than this is not the förbund's ekonomisk information (the export is about 15 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const HEADING = /^(budget|prognos|prel budget|preliminar budget|preliminart)\s+(20\d{2})\b/;
const KIND: Readonly<Record<string, ColumnKind>> = { budget: 'budget', prognos: 'forecast' };

/** The printed totals, by the names the export and the board papers give them. */
const TOTALS: readonly (readonly [RegExp, TotalField])[] = [
  [/^s a intakter$/, 'income'],
  [/^s a kostnader$/, 'cost'],
  [/^s a samverkansinsatser$/, 'initiatives'],
  [/^arets (berakn\w* )?resultat$/, 'result'],
  [/^(over underskott |overskott )?fran tidigare ar$/, 'carriedIn'],
  [/^kvarvarande beslutsutrymme$/, 'remaining'],
  [/^beslutsutrymme efter (foreslagna )?ansokningar$/, 'remainingAfterApplications'],
];
const SECTION_HEADINGS = /^(intakter|kostnader|belopp i (kronor|tkr)|tkr|kr)$/;
const PENDING_HEADING = /^(nya ansokningar|foreslagna ansokningar)\b/;

/** A row whose name fits no line of the table, or several. */
export interface UnresolvedRow {
  readonly row: number;
  readonly label: string;
  /** Line ids the name fits (several: ambiguous; none: unknown). */
  readonly candidates: readonly string[];
}

/** How the user placed a row the names did not: a line id, a new line of its own, or left out. */
export type RowChoice = string | 'new' | 'skip';

export type LedgerAssembly = { readonly snapshot: LedgerSnapshot } | { readonly unresolved: readonly UnresolvedRow[] };

type CellValue = ExcelJS.CellValue;

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  return '';
}

/** A number in a cell, a computed formula, or a typed "2 753"; undefined for an empty cell; 'formula' when a formula has no computed value. */
function amount(value: CellValue): number | undefined | 'formula' | 'text' {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'formula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return typeof result === 'number' ? result : 'formula';
  }
  if (typeof value === 'object' && 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellSharedFormulaValue).result;
    return typeof result === 'number' ? result : 'formula';
  }
  const typed = text(value)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[\u2212\u2013]/g, '-')
    .replace(',', '.');
  if (typed === '' || typed === '-') return undefined;
  return /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : 'text';
}

/**
 * Reads a table laid out like the förbund's "Ekonomisk information" (the export's sheet, or
 * the board papers' table): lines by name in the first column, one column per heading such as
 * "Budget 2026", "Prognos 2026", "Prel. budget 2027"; totals become printed totals to compare.
 * Throws ValidationError with every problem in Swedish; nothing is stored here.
 */
export async function readTableRows(bytes: Buffer, asOfHint: string | undefined): Promise<TableRows> {
  if (bytes.length === 0) throw new ValidationError(['Filen är tom.']);
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ValidationError([`Filen är för stor (högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Ekonomisk information är en tabell på en flik.`]);
  // An .xlsx is a zip archive; anything else is refused before a parser sees it.
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004')
    throw new ValidationError(['Filen är inte en Excel-fil (.xlsx). Spara tabellen som Excel-arbetsbok och skicka den igen.']);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError(['Filen gick inte att läsa som Excel-arbetsbok (.xlsx).']);
  }
  const found = workbook.worksheets.map((sheet) => ({ sheet, header: findHeader(sheet) })).find((s) => s.header);
  if (!found?.header) throw new ValidationError(['Ingen flik har en rubrikrad med kolumner som "Budget 2026", "Prognos 2026" eller "Prel. budget 2027".']);
  const { sheet, header } = found;
  const problems: string[] = [];

  // The unit and the date are named above the table: "belopp i tkr", "… per 2026-06-12".
  const above = Array.from({ length: header.row }, (_, i) => sheet.getRow(i + 1).values as CellValue[])
    .flat()
    .map(text)
    .join(' ');
  const unitOf = (t: string) => (/\btkr\b|\btsek\b/i.test(t) ? 'tkr' : /\bkr\b|\bkronor\b|\bsek\b/i.test(t) ? 'kr' : undefined);
  // The header's own label ("Belopp i kronor", "tkr") first; the board papers print "belopp i TSEK" in the title.
  const unit: 'kr' | 'tkr' = unitOf(text(sheet.getRow(header.row).getCell(header.labelColumn).value)) ?? unitOf(above) ?? 'tkr';
  const asOf = asOfHint ?? /\bper\s+(\d{4}-\d{2}-\d{2})\b/.exec(above)?.[1];
  if (!asOf)
    problems.push(
      'Tabellens datum saknas. Skicka filen med texten "importera ekonomisk information per 2026-06-12", eller skriv "per <datum>" i tabellens rubrik.',
    );

  const lines: { row: number; label: string; amounts: Record<string, number> }[] = [];
  const pending: { name: string; owner: string; amounts: Record<string, number> }[] = [];
  const statedTotals: Record<string, Partial<Record<TotalField, number>>> = {};
  let inPending = false;
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const label = text(row.getCell(header.labelColumn).value);
    if (!label) continue;
    const n = normalize(label);
    const amounts: Record<string, number> = {};
    for (const column of header.columns) {
      const value = amount(row.getCell(column.index).value);
      const address = row.getCell(column.index).address;
      if (value === 'formula')
        problems.push(`Cell ${address} ("${label}") har en formel utan beräknat värde. Öppna filen i Excel, spara den och skicka den igen.`);
      else if (value === 'text') problems.push(`Cell ${address} ("${label}") är inget belopp.`);
      else if (value !== undefined) amounts[column.key] = value;
    }
    if (PENDING_HEADING.test(n)) {
      inPending = true;
      continue;
    }
    const total = TOTALS.find(([pattern]) => pattern.test(n))?.[1];
    if (total) {
      for (const [key, value] of Object.entries(amounts)) (statedTotals[key] ??= {})[total] = value;
      continue;
    }
    if (SECTION_HEADINGS.test(n) || Object.keys(amounts).length === 0) continue;
    if (inPending) {
      const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(label);
      pending.push({ name: (m?.[1] ?? label).trim(), owner: (m?.[2] ?? '').trim() || 'okänd', amounts });
    } else lines.push({ row: r, label: label.slice(0, 200), amounts });
  }
  if (lines.length === 0 && problems.length === 0) problems.push('Tabellen har inga rader med belopp.');
  if (problems.length > 0) throw new ValidationError(problems);
  return { asOf: asOf as string, unit, columns: header.columns.map(({ key, year, kind }) => ({ key, year, kind })), lines, pending, statedTotals };
}

/** The template's lines a row's name fits: its label as the export writes it, its own label, or "insats, ägare" as the board papers do. */
export function candidatesFor(label: string, template: LedgerSnapshot): readonly LedgerLine[] {
  const n = normalize(label);
  return template.lines.filter((l) =>
    [lineLabel(l), l.label, l.initiative ? `${l.initiative.name} ${l.initiative.owner}` : ''].some((name) => name !== '' && normalize(name) === n),
  );
}

/**
 * Matches the rows to the förbund's current table (`template`), whose ids, groups and insatser
 * they keep, and checks the result against the import contract. Rows the names do not place
 * come back as `unresolved` unless `choices` (by row number) says where they go.
 */
export function assembleLedger(table: TableRows, template: LedgerSnapshot, choices: Readonly<Record<number, RowChoice>> = {}): LedgerAssembly {
  const problems: string[] = [];
  const unresolved: UnresolvedRow[] = [];
  const lines = new Map<string, { line: LedgerLine; amounts: Readonly<Record<string, number>> }>();
  for (const row of table.lines) {
    const choice = choices[row.row];
    if (choice === 'skip') continue;
    const candidates = candidatesFor(row.label, template);
    let line: LedgerLine | undefined = candidates.length === 1 ? candidates[0] : undefined;
    if (choice === 'new') line = { id: `ny-${slug(row.label)}`.slice(0, 60), section: 'cost', group: 'other_initiative', label: row.label, amounts: {} };
    else if (choice !== undefined) line = template.lines.find((l) => l.id === choice);
    if (!line) {
      unresolved.push({ row: row.row, label: row.label, candidates: candidates.map((c) => c.id) });
      continue;
    }
    if (lines.has(line.id)) problems.push(`Raden "${row.label}" (rad ${row.row}) och en annan rad är samma rad i tabellen (${lineLabel(line)}).`);
    lines.set(line.id, { line, amounts: row.amounts });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (unresolved.length > 0) return { unresolved };

  const first = table.columns[0] as { key: string; year: number };
  const inUnit = (kronor: number) => (table.unit === 'tkr' ? kronor / 1000 : kronor);
  const carriedIn = table.statedTotals[first.key]?.carriedIn;
  if (carriedIn === undefined && template.openingSurplus.year !== first.year)
    throw new ValidationError([`Raden "Från tidigare år" saknas för ${first.year}: den behövs för beslutsutrymmet.`]);
  const raw = {
    schemaVersion: 1,
    association: { id: template.associationId, name: template.associationName },
    asOf: table.asOf,
    unit: table.unit,
    reserveFund: inUnit(template.reserveFund),
    openingSurplus: { year: first.year, amount: carriedIn ?? inUnit(template.openingSurplus.amount) },
    columns: table.columns,
    lines: [...lines.values()].map(({ line, amounts }) => ({
      id: line.id,
      section: line.section,
      group: line.group,
      ...(line.initiative ? { initiative: line.initiative } : { label: line.label }),
      ...(line.initiative && line.label !== line.initiative.name ? { label: line.label } : {}),
      amounts,
      ...(line.note ? { note: line.note } : {}),
    })),
    pendingApplications: table.pending,
    statedTotals: table.statedTotals,
  };
  return { snapshot: parseLedgerFile(raw) };
}

/** Both steps, for a file whose names all fit (the CLI and the tests): an unplaced row is a problem named in Swedish. */
export async function readLedgerWorkbook(
  bytes: Buffer,
  template: LedgerSnapshot,
  asOfHint: string | undefined,
): Promise<{ readonly snapshot: LedgerSnapshot; readonly unit: 'kr' | 'tkr' }> {
  const table = await readTableRows(bytes, asOfHint);
  const assembled = assembleLedger(table, template);
  if ('unresolved' in assembled) {
    throw new ValidationError(
      assembled.unresolved.map((u) =>
        u.candidates.length === 0
          ? `Raden "${u.label}" (rad ${u.row}) finns inte i förbundets tabell. Använd radnamnen från "ekonomisk information" (skriv det till mig för tabellen som Excel).`
          : `Raden "${u.label}" (rad ${u.row}) passar flera rader: ${u.candidates.join(', ')}. Skriv insatsägaren inom parentes.`,
      ),
    );
  }
  return { snapshot: assembled.snapshot, unit: table.unit };
}

interface HeaderColumn {
  readonly index: number;
  readonly key: string;
  readonly year: number;
  readonly kind: ColumnKind;
}

/** The first row (of the first 40) with year headings; the label column is the first one left of them with text below. */
function findHeader(sheet: ExcelJS.Worksheet): { row: number; labelColumn: number; columns: HeaderColumn[] } | undefined {
  for (let r = 1; r <= Math.min(40, sheet.rowCount); r++) {
    const columns: HeaderColumn[] = [];
    sheet.getRow(r).eachCell((cell, index) => {
      const m = HEADING.exec(normalize(text(cell.value)));
      if (!m) return;
      const word = (m[1] as string).replace(/\s+/g, ' ');
      const kind: ColumnKind = KIND[word] ?? 'preliminary';
      const year = Number(m[2]);
      columns.push({ index, key: `${year}-${kind}`, year, kind });
    });
    if (columns.length > 0) {
      const keys = new Set(columns.map((c) => c.key));
      if (keys.size !== columns.length) continue;
      return { row: r, labelColumn: Math.max(1, Math.min(...columns.map((c) => c.index)) - 1), columns };
    }
  }
  return undefined;
}
