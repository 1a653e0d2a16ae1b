import ExcelJS from 'exceljs';
import { plainText } from '../format/swedish';
import { KRONOR_FORMAT } from './ledgerWorkbook';
import { RegisterDocument } from './registerReport';

export const REGISTER_SHEET = 'Delegationsbeslut';
export const REGISTER_HEADER_ROW = 4;
export const REGISTER_HEADERS = [
  'Nummer',
  'Datum',
  'Ärende',
  'Beslut',
  'Motivering',
  'Beslutsfattare',
  'Ekonomisk effekt',
  'Belopp (kr)',
  'Anmäld till styrelsen',
] as const;

/** The list as a workbook: one decision per row, dates as dates, amounts as numbers with a sum formula, frozen header, A4 landscape. */
export async function registerWorkbook(document: RegisterDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = document.associationName;
  workbook.created = new Date(`${document.createdOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}`,
    },
  });
  sheet.headerFooter.oddFooter = '&L' + document.associationName.replace(/&/g, '&&') + '&RSida &P av &N';
  sheet.columns = [12, 12, 36, 36, 44, 28, 32, 14, 14].map((width) => ({ width }));
  sheet.getCell('A1').value = `${document.associationName} – ${document.title}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = document.intro;
  sheet.getCell('A2').font = { italic: true, size: 9 };
  const header = sheet.getRow(REGISTER_HEADER_ROW);
  header.values = [...REGISTER_HEADERS];
  header.font = { bold: true };
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  document.items.forEach((item, i) => {
    const row = sheet.getRow(REGISTER_HEADER_ROW + 1 + i);
    row.values = [
      item.number ?? '',
      date(item.decidedOn),
      item.matter,
      item.decision,
      item.reason,
      item.decider,
      plainText(item.financeEffect),
      item.amount ?? null,
      item.reportedToBoard ? date(item.reportedToBoard) : 'ännu inte',
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(8).numFmt = KRONOR_FORMAT;
    row.getCell(9).numFmt = 'yyyy-mm-dd';
  });
  const first = REGISTER_HEADER_ROW + 1;
  const last = REGISTER_HEADER_ROW + document.items.length;
  const sumRow = sheet.getRow(last + 1);
  sumRow.getCell(1).value = 'Summa';
  sumRow.getCell(8).value = document.items.length === 0 ? 0 : { formula: `SUM(H${first}:H${last})`, result: document.total };
  sumRow.getCell(8).numFmt = KRONOR_FORMAT;
  sumRow.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
