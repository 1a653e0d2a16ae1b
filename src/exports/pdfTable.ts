import { MARGIN } from './pdfPages';

export interface PdfColumn {
  readonly title: string;
  readonly width: number;
  readonly right?: boolean;
}

const PAD = 4;

/** A table whose cells wrap inside their column; the header row comes again on every new page. */
export function drawPdfTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly { readonly cells: readonly string[]; readonly bold?: boolean }[],
  fontSize = 8.5,
): void {
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(fontSize);
    const y = doc.y;
    const height = Math.max(...columns.map((c) => doc.heightOfString(c.title, { width: c.width - PAD }))) + 3;
    let x = MARGIN;
    for (const c of columns) {
      doc.text(c.title, x, y, { width: c.width - PAD, align: c.right ? 'right' : 'left' });
      x += c.width;
    }
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.5)
      .strokeColor('black')
      .stroke();
    doc.y = y + height + 3;
  };
  header();
  for (const row of rows) {
    doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const height = Math.max(...row.cells.map((text, i) => doc.heightOfString(text || ' ', { width: (columns[i]?.width ?? 50) - PAD }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
      doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    }
    const y = doc.y;
    let x = MARGIN;
    row.cells.forEach((text, i) => {
      const column = columns[i] as PdfColumn;
      doc.text(text, x, y, { width: column.width - PAD, align: column.right ? 'right' : 'left' });
      x += column.width;
    });
    doc
      .moveTo(MARGIN, y + height - 3)
      .lineTo(x, y + height - 3)
      .lineWidth(0.25)
      .strokeColor('#bbbbbb')
      .stroke()
      .strokeColor('black');
    doc.y = y + height;
  }
  doc.x = MARGIN;
}
