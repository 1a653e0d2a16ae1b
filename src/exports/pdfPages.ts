import PDFDocument from 'pdfkit';

export const MARGIN = 40;

/** An A4 landscape document with fixed dates (the same data and day give the same file on any instance), and its bytes once ended. */
export function openPdf(title: string, author: string, createdOn: string): { readonly doc: PDFKit.PDFDocument; readonly bytes: Promise<Buffer> } {
  const created = new Date(`${createdOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN + 30, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Author: author, CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** The förbund's name, the date and "Sida n av m" on every page, once the number of pages is known; then ends the document. */
export function stampPagesAndEnd(doc: PDFKit.PDFDocument, associationName: string, createdOn: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(9).fillColor('#444444');
    doc.text(associationName, MARGIN, MARGIN, { lineBreak: false });
    doc.text(`Skapad ${createdOn}`, MARGIN, MARGIN, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.text(`Sida ${i + 1} av ${range.count}`, MARGIN, doc.page.height - MARGIN, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
  doc.end();
}
