import { formatInteger, formatKr, plainText } from '../format/swedish';
import { FollowUpCell, FollowUpColumn, FollowUpDocument } from './followUpDocument';
import { MARGIN, openPdf, stampPagesAndEnd } from './pdfPages';
import { drawPdfTable } from './pdfTable';

const USABLE_WIDTH = 842 - 2 * MARGIN;

const show = (column: FollowUpColumn, value: FollowUpCell): string => {
  if (value === undefined || value === '') return column.kind === 'share' ? '–' : '';
  if (typeof value === 'string') return value;
  if (column.kind === 'kronor') return formatKr(value);
  if (column.kind === 'share') return `${Math.round(value * 100)} %`;
  return formatInteger(value);
};

/** The four tables, each from a new page, columns scaled to the page's width; the förbund, date and page numbers on every page. */
export function followUpPdf(document: FollowUpDocument): Promise<Buffer> {
  const { doc, bytes } = openPdf(document.title, document.associationName, document.createdOn);
  document.tables.forEach((table, t) => {
    if (t > 0) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(`${document.title}: ${table.sheet.toLowerCase()}`, MARGIN, MARGIN + 30);
    doc.font('Helvetica').fontSize(9).text(table.intro, { width: USABLE_WIDTH });
    doc.moveDown(0.5);
    const totalWidth = table.columns.reduce((sum, c) => sum + c.width, 0);
    const columns = table.columns.map((c) => ({ title: c.title, width: (c.width / totalWidth) * USABLE_WIDTH, right: c.kind !== 'text' }));
    const rows = [
      ...table.rows.map((cells) => ({ cells: table.columns.map((c, i) => plainText(show(c, cells[i]))) })),
      ...(table.totals ? [{ cells: table.columns.map((c, i) => plainText(show(c, table.totals?.[i]))), bold: true }] : []),
    ];
    drawPdfTable(doc, columns, rows, table.columns.length > 8 ? 7.5 : 8.5);
    doc.font('Helvetica').fontSize(8.5);
    for (const note of table.notes) doc.text(plainText(note), MARGIN, doc.y + 6, { width: USABLE_WIDTH });
  });
  stampPagesAndEnd(doc, document.associationName, document.createdOn);
  return bytes;
}
