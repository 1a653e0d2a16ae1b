import { plainText } from '../format/swedish';
import { RegisterDocument } from './registerReport';
import { MARGIN, openPdf, stampPagesAndEnd } from './pdfPages';
import { pdfTkr } from './ledgerPdf';
import { PdfColumn, drawPdfTable } from './pdfTable';

/** The columns of the list, as wide as an A4 landscape page allows; text wraps inside its column. */
const COLUMNS: readonly PdfColumn[] = [
  { title: 'Nummer', width: 58 },
  { title: 'Datum', width: 62 },
  { title: 'Ärende', width: 150 },
  { title: 'Beslut och motivering', width: 200 },
  { title: 'Beslutsfattare', width: 105 },
  { title: 'Ekonomisk effekt', width: 125 },
  { title: 'Belopp, tkr', width: 55, right: true },
];

export function registerPdf(document: RegisterDocument): Promise<Buffer> {
  const { doc, bytes } = openPdf(document.title, document.associationName, document.createdOn);
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(document.title, MARGIN, MARGIN + 30);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${document.intro} ${document.items.length} beslut.`, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.5);
  // The standard PDF fonts (WinAnsi) have no no-break hyphen or minus sign: plainText shows plain ones.
  const rows = document.items.map((item) => ({
    cells: [
      item.number ?? 'D (tilldelas)',
      item.decidedOn,
      item.matter,
      `${item.decision}. ${item.reason}`,
      item.decider,
      item.financeEffect,
      item.amount === undefined ? '' : pdfTkr(item.amount),
    ].map(plainText),
  }));
  drawPdfTable(doc, COLUMNS, rows);
  if (document.items.length === 0) doc.font('Helvetica').text('Inga beslut.', MARGIN);
  else doc.font('Helvetica-Bold').text(`Summa belopp: ${pdfTkr(document.total)} tkr`, MARGIN, doc.y + 4);
  doc.x = MARGIN;
  stampPagesAndEnd(doc, document.associationName, document.createdOn);
  return bytes;
}
