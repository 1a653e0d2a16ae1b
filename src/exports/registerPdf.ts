import { plainText } from '../format/swedish';
import { RegisterDocument } from './registerReport';
import { MARGIN, openPdf, stampPagesAndEnd } from './pdfPages';
import { pdfTkr } from './ledgerPdf';

/** The columns of the list, as wide as an A4 landscape page allows; text wraps inside its column. */
const COLUMNS = [
  { title: 'Nummer', width: 58 },
  { title: 'Datum', width: 62 },
  { title: 'Ärende', width: 150 },
  { title: 'Beslut och motivering', width: 200 },
  { title: 'Beslutsfattare', width: 105 },
  { title: 'Ekonomisk effekt', width: 125 },
  { title: 'Belopp, tkr', width: 55, right: true },
] as const;
const PAD = 4;
const FONT_SIZE = 8.5;

/** The standard PDF fonts (WinAnsi) have no no-break hyphen or minus sign: shown as plain ones. */
const pdfText = (text: string) => plainText(text);

export function registerPdf(document: RegisterDocument): Promise<Buffer> {
  const { doc, bytes } = openPdf(document.title, document.associationName, document.createdOn);
  doc.font('Helvetica-Bold').fontSize(16).text(document.title, MARGIN, MARGIN + 30);
  doc.font('Helvetica').fontSize(9).text(`${document.intro} ${document.items.length} beslut.`, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.5);
  const header = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
    let x = MARGIN;
    for (const c of COLUMNS) {
      doc.text(c.title, x, y, { width: c.width - PAD, align: 'right' in c ? 'right' : 'left', lineBreak: false });
      x += c.width;
    }
    doc.moveTo(MARGIN, y + 12).lineTo(x, y + 12).lineWidth(0.5).stroke();
    doc.y = y + 15;
  };
  header();
  doc.font('Helvetica').fontSize(FONT_SIZE);
  for (const item of document.items) {
    const cells = [
      item.number ?? 'D (tilldelas)',
      item.decidedOn,
      item.matter,
      `${item.decision}. ${item.reason}`,
      item.decider,
      item.financeEffect,
      item.amount === undefined ? '' : pdfTkr(item.amount),
    ].map(pdfText);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (COLUMNS[i] as { width: number }).width - PAD }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
      doc.font('Helvetica').fontSize(FONT_SIZE);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      const column = COLUMNS[i] as { width: number; right?: boolean };
      doc.text(text, x, y, { width: column.width - PAD, align: column.right ? 'right' : 'left' });
      x += column.width;
    });
    doc.moveTo(MARGIN, y + height - 3).lineTo(x, y + height - 3).lineWidth(0.25).strokeColor('#bbbbbb').stroke().strokeColor('black');
    doc.y = y + height;
  }
  if (document.items.length === 0) doc.text('Inga beslut.', MARGIN);
  else {
    doc.font('Helvetica-Bold').text(`Summa belopp: ${pdfTkr(document.total)} tkr`, MARGIN, doc.y + 4);
  }
  doc.x = MARGIN;
  stampPagesAndEnd(doc, document.associationName, document.createdOn);
  return bytes;
}
