import ExcelJS from 'exceljs';
import { KRONOR_FORMAT } from './ledgerWorkbook';
import { FollowUpDocument, FollowUpTable } from './followUpDocument';

export const FOLLOW_UP_HEADER_ROW = 4;
const COUNT_FORMAT = '#,##0';
const SHARE_FORMAT = '0%';

const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * The four follow-up tables, a sheet each: amounts and counts as numbers, each share a formula
 * over its row (empty when nothing was reported), a totals row of SUM formulas with the
 * calculators' results cached, frozen header, A4 landscape.
 */
export async function followUpWorkbook(document: FollowUpDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = document.associationName;
  workbook.created = new Date(`${document.createdOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const table of document.tables) addSheet(workbook, document, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, document: FollowUpDocument, table: FollowUpTable): void {
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FOLLOW_UP_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${FOLLOW_UP_HEADER_ROW}:${FOLLOW_UP_HEADER_ROW}`,
    },
  });
  sheet.headerFooter.oddFooter = '&L' + document.associationName.replace(/&/g, '&&') + '&RSida &P av &N';
  sheet.columns = table.columns.map((c) => ({ width: c.width }));
  sheet.getCell('A1').value = `${document.associationName} – ${table.title}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = table.intro;
  sheet.getCell('A2').font = { italic: true, size: 9 };
  const header = sheet.getRow(FOLLOW_UP_HEADER_ROW);
  header.values = table.columns.map((c) => c.title);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };

  const first = FOLLOW_UP_HEADER_ROW + 1;
  const last = FOLLOW_UP_HEADER_ROW + table.rows.length;
  const write = (rowNumber: number, cells: readonly (string | number | undefined)[], total: boolean) => {
    const row = sheet.getRow(rowNumber);
    table.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value = cells[i];
      if (column.kind === 'share' && column.ratio) {
        const [n, d] = column.ratio.map((index) => `${letter(index)}${rowNumber}`) as [string, string];
        cell.value = { formula: `IF(OR(${n}="",${d}=0),"",${n}/${d})`, result: value ?? '' };
        cell.numFmt = SHARE_FORMAT;
      } else if (total && (column.kind === 'kronor' || column.kind === 'count') && table.rows.length > 0) {
        // The budget total counts only the insatser that reported costs (column C), as the calculators do.
        const sum = table.sheet === 'Budget' && i === 1 ? `SUMIF(C${first}:C${last},"<>",B${first}:B${last})` : `SUM(${letter(i)}${first}:${letter(i)}${last})`;
        cell.value = { formula: sum, result: value ?? 0 };
      } else if (value !== undefined) {
        cell.value = value;
      }
      if (column.kind === 'kronor') cell.numFmt = KRONOR_FORMAT;
      if (column.kind === 'count') cell.numFmt = COUNT_FORMAT;
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (total) row.font = { bold: true };
  };
  table.rows.forEach((cells, i) => write(first + i, cells, false));
  if (table.totals) write(last + 1, table.totals, true);
  table.notes.forEach((note, i) => {
    const cell = sheet.getCell(`A${last + 3 + i}`);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
  });
}
