import ExcelJS from 'exceljs';
import { LedgerLine } from '../domain/ledger';
import { ColumnTotals } from '../finance/ledgerTotals';
import { Kronor } from '../domain/money';
import { LedgerReport } from './ledgerReport';

/** Whole kronor with a thousands separator; Excel shows it with the reader's locale (space in Swedish). */
export const KRONOR_FORMAT = '#,##0;-#,##0';
export const SHEET_NAME = 'Ekonomisk information';
export const DECISIONS_SHEET = 'Beslut och ansökningar';
/** The row of the column headings; rows above it hold the title and the source. */
export const HEADER_ROW = 4;

/** Which total a row holds, so a reader (the tests, the import) can find it by label. */
export const ROW_LABELS = {
  income: 'S:a intäkter',
  initiatives: 'S:a samverkansinsatser',
  cost: 'S:a kostnader',
  result: 'Årets resultat',
  carriedIn: 'Från tidigare år',
  remaining: 'Kvarvarande beslutsutrymme',
  pendingHeading: 'Nya ansökningar, ej beviljade',
  remainingAfterApplications: 'Beslutsutrymme efter ansökningar',
} as const;

const colLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/**
 * The table as a real workbook: amounts are numbers in whole kronor with a number format,
 * every sum is a formula (with the calculators' result cached, so it shows before Excel
 * recalculates), the header row is frozen and the sheet prints on A4 landscape.
 */
export async function ledgerWorkbook(report: LedgerReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.associationName;
  // Fixed dates keep the file the same for the same data and day (it may be regenerated on another instance).
  workbook.created = new Date(`${report.createdOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  sheet.headerFooter.oddFooter = '&L' + report.associationName.replace(/&/g, '&&') + '&RSida &P av &N';
  const cols = report.columns;
  sheet.columns = [{ width: 44 }, ...cols.map(() => ({ width: 16 }))];

  sheet.getCell('A1').value = `${report.associationName} – ${report.title}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = report.source;
  sheet.getCell('A2').font = { italic: true, size: 9 };
  const header = sheet.getRow(HEADER_ROW);
  header.values = ['Belopp i kronor', ...cols.map((c) => c.heading)];
  header.font = { bold: true };
  header.alignment = { horizontal: 'right' };
  sheet.getCell(`A${HEADER_ROW}`).alignment = { horizontal: 'left' };

  let rowNumber = HEADER_ROW;
  const totalsOf = (key: string) => report.totals.find((t) => t.column.key === key) as ColumnTotals;
  const addLabel = (label: string, bold = false) => {
    rowNumber += 1;
    const cell = sheet.getCell(`A${rowNumber}`);
    cell.value = label;
    if (bold) cell.font = { bold: true };
    return rowNumber;
  };
  const addLine = (label: string, amounts: Readonly<Record<string, Kronor>>) => {
    const r = addLabel(label);
    cols.forEach((c, i) => {
      const amount = amounts[c.column.key];
      const cell = sheet.getCell(`${colLetter(i + 1)}${r}`);
      if (amount !== undefined) cell.value = amount;
      cell.numFmt = KRONOR_FORMAT;
    });
    return r;
  };
  const addFormula = (label: string, formula: (letter: string, key: string) => string, result: (t: ColumnTotals) => Kronor) => {
    const r = addLabel(label, true);
    cols.forEach((c, i) => {
      const letter = colLetter(i + 1);
      const cell = sheet.getCell(`${letter}${r}`);
      cell.value = { formula: formula(letter, c.column.key), result: result(totalsOf(c.column.key)) };
      cell.numFmt = KRONOR_FORMAT;
      cell.font = { bold: true };
    });
    return r;
  };
  const range = (rows: readonly number[]) => (letter: string) => (rows.length === 0 ? '0' : `SUM(${letter}${rows[0]}:${letter}${rows[rows.length - 1]})`);
  const lines = (list: readonly LedgerLine[]) => list.map((l) => addLine(lineLabel(l), l.amounts));

  addLabel('Intäkter', true);
  const incomeRows = lines(report.incomeLines);
  const incomeRow = addFormula(ROW_LABELS.income, range(incomeRows), (t) => t.income);
  addLabel('Kostnader', true);
  const adminRows = lines(report.governanceAndAdministration);
  const initiativeRows = lines(report.initiativeLines);
  const initiativesRow = addFormula(ROW_LABELS.initiatives, range(initiativeRows), (t) => t.initiatives);
  const otherRows = lines(report.otherCostLines);
  const costRow = addFormula(
    ROW_LABELS.cost,
    (letter) => [range(adminRows)(letter), `${letter}${initiativesRow}`, range(otherRows)(letter)].join('+'),
    (t) => t.cost,
  );
  const resultRow = addFormula(
    ROW_LABELS.result,
    (letter) => `${letter}${incomeRow}-${letter}${costRow}`,
    (t) => t.result,
  );
  // Each year carries in what the previous year's latest estimate leaves: a formula pointing at that cell.
  const carriedRow = rowNumber + 1;
  const remainingRow = rowNumber + 2;
  const letterOf = (key: string) => colLetter(cols.findIndex((c) => c.column.key === key) + 1);
  addFormula(
    ROW_LABELS.carriedIn,
    (letter, key) => {
      const from = cols.find((c) => c.column.key === key)?.carriedFromKey;
      return from ? `${letterOf(from)}${remainingRow}` : String(totalsOf(key).carriedIn);
    },
    (t) => t.carriedIn,
  );
  addFormula(
    ROW_LABELS.remaining,
    (letter) => `${letter}${carriedRow}+${letter}${resultRow}`,
    (t) => t.remaining,
  );
  addLabel(ROW_LABELS.pendingHeading, true);
  const pendingRows = report.pendingApplications.map((p) => addLine(`${p.name} (${p.owner})`, p.amounts));
  addFormula(
    ROW_LABELS.remainingAfterApplications,
    (letter, key) => {
      const from = cols.find((c) => c.column.key === key)?.carriedFromKey;
      const before = from ? `-(${letterOf(from)}${remainingRow}-${letterOf(from)}${rowNumber})` : '';
      const pendingSum = pendingRows.length > 0 ? `-${range(pendingRows)(letter)}` : '';
      return `${letter}${remainingRow}${pendingSum}${before}`;
    },
    (t) => t.remainingAfterApplications,
  );

  addDecisionsSheet(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function lineLabel(line: LedgerLine): string {
  return line.initiative && !line.label.includes(line.initiative.owner) ? `${line.label} (${line.initiative.owner})` : line.label;
}

function addDecisionsSheet(workbook: ExcelJS.Workbook, report: LedgerReport): void {
  const sheet = workbook.addWorksheet(DECISIONS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { header: 'Typ', width: 22 },
    { header: 'Nummer', width: 22 },
    { header: 'Datum', width: 12 },
    { header: 'Insats', width: 44 },
    { header: 'År', width: 8 },
    { header: 'Belopp (kr)', width: 16, style: { numFmt: KRONOR_FORMAT } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const a of report.applied) {
    for (const c of a.changes)
      sheet.addRow(['Godkänd avvikelse', [a.decisionNumber, a.dnr].filter(Boolean).join(', '), a.decidedOn, a.initiativeName, c.year, c.amount]);
  }
  for (const g of report.grants) {
    for (const [year, amount] of Object.entries(g.grantedByYear ?? {}))
      sheet.addRow(['Beviljad ansökan', g.dnr, g.decidedOn ?? '', `${g.name} (${g.owner})`, Number(year), amount]);
  }
  for (const p of report.pending) {
    for (const [year, amount] of Object.entries(p.requestedByYear))
      sheet.addRow(['Ansökan, ej beviljad', p.dnr, p.submittedOn, `${p.name} (${p.owner})`, Number(year), amount]);
  }
  if (sheet.rowCount === 1) sheet.addRow(['Inga beslut eller ansökningar efter tabellens datum.']);
}
