import { Kronor, toWholeTkr } from '../domain/money';
import { ColumnTotals } from '../finance/ledgerTotals';
import { LedgerReport } from './ledgerReport';
import { ROW_LABELS, lineLabel } from './ledgerWorkbook';
import { MARGIN, openPdf, stampPagesAndEnd } from './pdfPages';

/** "3 038" tkr with plain spaces and a hyphen-minus: the PDF's standard fonts (WinAnsi) have no U+2212. */
export function pdfTkr(amount: Kronor): string {
  const tkr = toWholeTkr(amount);
  const digits = Math.abs(tkr)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return tkr < 0 ? `-${digits}` : digits;
}

const LABEL_WIDTH = 250;
const ROW_HEIGHT = 12;

type Row = { label: string; cells: (Kronor | undefined)[]; bold?: boolean; heading?: boolean };

/**
 * The table as a PDF for the kallelse: A4 landscape, the förbund's name, title and date on every
 * page, page numbers, the chart of beslutsutrymme per year, and tables that break across pages.
 */
export function ledgerPdf(report: LedgerReport): Promise<Buffer> {
  const { doc, bytes } = openPdf(report.title, report.associationName, report.createdOn);
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(report.title, MARGIN, MARGIN + 30);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${report.source} Belopp i tkr.`, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.5);
  drawTable(doc, report);
  drawDecisions(doc, report);
  drawChart(doc, report);
  stampPagesAndEnd(doc, report.associationName, report.createdOn);
  return bytes;
}

function tableRows(report: LedgerReport): Row[] {
  const keys = report.columns.map((c) => c.column.key);
  const totals = (pick: (t: ColumnTotals) => Kronor) => keys.map((k) => pick(report.totals.find((t) => t.column.key === k) as ColumnTotals));
  const line = (label: string, amounts: Readonly<Record<string, Kronor>>): Row => ({ label, cells: keys.map((k) => amounts[k]) });
  return [
    { label: 'Intäkter', cells: [], heading: true },
    ...report.incomeLines.map((l) => line(lineLabel(l), l.amounts)),
    { label: ROW_LABELS.income, cells: totals((t) => t.income), bold: true },
    { label: 'Kostnader', cells: [], heading: true },
    ...report.governanceAndAdministration.map((l) => line(lineLabel(l), l.amounts)),
    ...report.initiativeLines.map((l) => line(lineLabel(l), l.amounts)),
    { label: ROW_LABELS.initiatives, cells: totals((t) => t.initiatives), bold: true },
    ...report.otherCostLines.map((l) => line(lineLabel(l), l.amounts)),
    { label: ROW_LABELS.cost, cells: totals((t) => t.cost), bold: true },
    { label: ROW_LABELS.result, cells: totals((t) => t.result), bold: true },
    { label: ROW_LABELS.carriedIn, cells: totals((t) => t.carriedIn), bold: true },
    { label: ROW_LABELS.remaining, cells: totals((t) => t.remaining), bold: true },
    { label: ROW_LABELS.pendingHeading, cells: [], heading: true },
    ...report.pendingApplications.map((p) => line(`${p.name} (${p.owner})`, p.amounts)),
    { label: ROW_LABELS.remainingAfterApplications, cells: totals((t) => t.remainingAfterApplications), bold: true },
  ];
}

function drawTable(doc: PDFKit.PDFDocument, report: LedgerReport): void {
  const usable = doc.page.width - 2 * MARGIN - LABEL_WIDTH;
  const cellWidth = Math.min(90, usable / Math.max(1, report.columns.length));
  const header = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8.5);
    doc.text('Tkr', MARGIN, y, { width: LABEL_WIDTH, lineBreak: false });
    report.columns.forEach((c, i) => doc.text(c.heading, MARGIN + LABEL_WIDTH + i * cellWidth, y, { width: cellWidth - 4, align: 'right', lineBreak: false }));
    doc
      .moveTo(MARGIN, y + ROW_HEIGHT - 2)
      .lineTo(MARGIN + LABEL_WIDTH + report.columns.length * cellWidth, y + ROW_HEIGHT - 2)
      .lineWidth(0.5)
      .stroke();
    doc.y = y + ROW_HEIGHT;
  };
  header();
  for (const row of tableRows(report)) {
    if (doc.y + ROW_HEIGHT > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    doc.font(row.bold || row.heading ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    doc.text(row.label, MARGIN + (row.heading ? 0 : 6), y, { width: LABEL_WIDTH - 6, lineBreak: false, ellipsis: true });
    row.cells.forEach((amount, i) => {
      if (amount !== undefined) doc.text(pdfTkr(amount), MARGIN + LABEL_WIDTH + i * cellWidth, y, { width: cellWidth - 4, align: 'right', lineBreak: false });
    });
    doc.y = y + ROW_HEIGHT;
  }
  doc.x = MARGIN;
}

function drawDecisions(doc: PDFKit.PDFDocument, report: LedgerReport): void {
  const items = [
    ...report.applied.map(
      (a) =>
        `Godkänd avvikelse ${[a.decisionNumber, a.dnr].filter(Boolean).join(', ')} (${a.decidedOn}): ${a.initiativeName} ${a.changes.map((c) => `${c.amount > 0 ? '+' : ''}${pdfTkr(c.amount)} tkr ${c.year}`).join(', ')}`,
    ),
    ...report.grants.map(
      (g) =>
        `Beviljad ansökan ${g.dnr} (${g.decidedOn}): ${g.name} (${g.owner}) ${Object.entries(g.grantedByYear ?? {})
          .map(([y, a]) => `${pdfTkr(a)} tkr ${y}`)
          .join(', ')}`,
    ),
    ...report.pending.map(
      (p) =>
        `Ansökan ej beviljad ${p.dnr} (inlämnad ${p.submittedOn}): ${p.name} (${p.owner}) ${Object.entries(p.requestedByYear)
          .map(([y, a]) => `${pdfTkr(a)} tkr ${y}`)
          .join(', ')}`,
    ),
  ];
  if (items.length === 0) return;
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(10).text('Beslut och ansökningar efter tabellens datum', MARGIN);
  doc.font('Helvetica').fontSize(8.5);
  for (const item of items) doc.text(`• ${item}`, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

const SERIES = [
  { key: 'budget', label: 'Budget', color: '#9db4d0' },
  { key: 'forecast', label: 'Prognos', color: '#2f5d8a' },
  { key: 'afterApplications', label: 'Efter ansökningar', color: '#d08c2f' },
] as const;

/** Grouped bars of kvarvarande beslutsutrymme per year, with a zero line for negative years. */
function drawChart(doc: PDFKit.PDFDocument, report: LedgerReport): void {
  const height = 200;
  if (doc.y + height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  else doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(10).text('Kvarvarande beslutsutrymme per år (tkr)', MARGIN);
  const top = doc.y + 8;
  const left = MARGIN + 40;
  const width = Math.min(560, doc.page.width - 2 * MARGIN - 40);
  const values = report.chart.flatMap((y) => SERIES.map((s) => y[s.key] ?? 0));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const yOf = (v: number) => top + ((max - v) / span) * height;
  doc.lineWidth(0.5).strokeColor('#888888');
  doc
    .moveTo(left, yOf(0))
    .lineTo(left + width, yOf(0))
    .stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  doc.text(pdfTkr(max), MARGIN, yOf(max) - 3, { width: 36, align: 'right', lineBreak: false });
  if (min < 0) doc.text(pdfTkr(min), MARGIN, yOf(min) - 3, { width: 36, align: 'right', lineBreak: false });
  const groupWidth = width / Math.max(1, report.chart.length);
  const barWidth = Math.min(40, (groupWidth - 20) / SERIES.length);
  report.chart.forEach((year, g) => {
    const x0 = left + g * groupWidth + (groupWidth - barWidth * SERIES.length) / 2;
    SERIES.forEach((s, i) => {
      const v = year[s.key];
      if (v === undefined) return;
      const x = x0 + i * barWidth;
      const y = Math.min(yOf(v), yOf(0));
      doc.rect(x + 2, y, barWidth - 4, Math.max(0.5, Math.abs(yOf(v) - yOf(0)))).fill(s.color);
      doc
        .fillColor('#222222')
        .text(pdfTkr(v), x - 4, v >= 0 ? y - 9 : y + Math.abs(yOf(v) - yOf(0)) + 2, { width: barWidth + 8, align: 'center', lineBreak: false });
    });
    doc
      .fillColor('black')
      .fontSize(8)
      .text(String(year.year), left + g * groupWidth, top + height + 8, { width: groupWidth, align: 'center', lineBreak: false });
    doc.fontSize(7);
  });
  const legendY = top + height + 24;
  SERIES.forEach((s, i) => {
    const x = left + i * 130;
    doc.rect(x, legendY, 10, 8).fill(s.color);
    doc
      .fillColor('black')
      .fontSize(8)
      .text(s.label, x + 14, legendY, { lineBreak: false });
  });
  doc.strokeColor('black').fillColor('black');
  doc.x = MARGIN;
  doc.y = legendY + 16;
}
