import assert from 'assert/strict';
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { ApplicationEntry, LedgerAdjustment, prognosisChanges } from '../../src/domain/deviations';
import { LedgerSnapshot } from '../../src/domain/ledger';
import { applyLedgerAdjustments } from '../../src/finance/ledgerAdjustments';
import { computeLedgerTotals } from '../../src/finance/ledgerTotals';
import { buildLedgerReport, columnHeading } from '../../src/exports/ledgerReport';
import { HEADER_ROW, ROW_LABELS, SHEET_NAME, lineLabel, ledgerWorkbook } from '../../src/exports/ledgerWorkbook';
import { ledgerPdf, pdfTkr } from '../../src/exports/ledgerPdf';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { readDataFile } from '../helpers/data';

const RESULTS = path.resolve(__dirname, '../../../test-results');
const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));

const adjustment: LedgerAdjustment = {
  caseId: 'avvikelse-test',
  dnr: 'Dnr 2026:7',
  decisionNumber: 'D 2026:3',
  decidedOn: '2026-05-04',
  initiativeId: 'vaxtkraft',
  initiativeName: 'Växtkraft',
  changes: prognosisChanges({ kind: 'budget-move', fromYear: 2026, amount: 80_000 }),
};
const grant: ApplicationEntry = {
  caseId: 'ansokan-test',
  dnr: 'Dnr 2026:9',
  name: 'Nya vägar',
  owner: 'Tierps kommun',
  submittedOn: '2026-04-02',
  requestedByYear: { 2027: 600_000, 2028: 400_000 },
  status: 'beviljad',
  decidedOn: '2026-06-01',
  grantedByYear: { 2027: 500_000, 2028: 400_000 },
};
const pending: ApplicationEntry = {
  caseId: 'ansokan-pending',
  dnr: 'Dnr 2026:11',
  name: 'Steget vidare',
  owner: 'Enköpings kommun',
  submittedOn: '2026-09-10',
  requestedByYear: { 2027: 300_000, 2028: 250_000 },
  status: 'inlämnad',
};

type Cell = ExcelJS.CellValue;
/** Evaluates the sheet's own formulas (SUM, + and - of cells and numbers), so a wrong reference is caught, not only a wrong cached result. */
function evaluate(sheet: ExcelJS.Worksheet, address: string, seen = new Set<string>()): number {
  assert.ok(!seen.has(address), `circular reference at ${address}`);
  const value: Cell = sheet.getCell(address).value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  const formula = (value as ExcelJS.CellFormulaValue).formula;
  assert.ok(formula, `${address} holds ${JSON.stringify(value)}`);
  const next = new Set(seen).add(address);
  const expr = formula
    .replace(/SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)/g, (_m, c1: string, r1: string, _c2: string, r2: string) => {
      let total = 0;
      for (let r = Number(r1); r <= Number(r2); r++) total += evaluate(sheet, `${c1}${r}`, next);
      return `(${total})`;
    })
    .replace(/\b([A-Z]+\d+)\b/g, (ref) => `(${evaluate(sheet, ref, next)})`);
  assert.match(expr, /^[\d()+\-\s]+$/, `unexpected formula ${formula}`);
  return Function(`return ${expr};`)() as number;
}

async function checkWorkbook(stored: LedgerSnapshot, adjustments: LedgerAdjustment[], applications: ApplicationEntry[]) {
  const report = buildLedgerReport(stored, adjustments, applications, '2026-11-24');
  const buffer = await ledgerWorkbook(report);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME)!;
  // The calculators on their own: the same path as the chat answers (findLedger).
  const { snapshot: adjusted } = applyLedgerAdjustments(stored, adjustments, applications);
  const totals = computeLedgerTotals(adjusted);
  const header = sheet.getRow(HEADER_ROW).values as Cell[];
  const columnOf = new Map(adjusted.columns.map((c) => [c.key, header.indexOf(columnHeading(c))]));
  for (const [key, index] of columnOf) assert.ok(index > 1, `no column for ${key}`);
  const rowOf = (label: string) => {
    const rows: number[] = [];
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === label) rows.push(n);
    });
    assert.equal(rows.length, 1, `row "${label}" found ${rows.length} times`);
    return rows[0]!;
  };
  let checked = 0;
  for (const line of adjusted.lines) {
    const r = rowOf(lineLabel(line));
    for (const column of adjusted.columns) {
      const cell = sheet.getCell(r, columnOf.get(column.key)!);
      assert.equal(cell.value ?? undefined, line.amounts[column.key], `${line.label} ${column.key}`);
      assert.equal(cell.numFmt, '#,##0;-#,##0');
      checked++;
    }
  }
  const fields = ['income', 'initiatives', 'cost', 'result', 'carriedIn', 'remaining', 'remainingAfterApplications'] as const;
  for (const field of fields) {
    const r = rowOf(ROW_LABELS[field]);
    for (const t of totals) {
      const cell = sheet.getCell(r, columnOf.get(t.column.key)!);
      const value = cell.value as ExcelJS.CellFormulaValue;
      assert.ok(value.formula, `${field} ${t.column.key} is a formula`);
      assert.equal(value.result, t[field], `${field} ${t.column.key} cached result`);
      assert.equal(evaluate(sheet, cell.address), t[field], `${field} ${t.column.key} formula ${value.formula}`);
      checked++;
    }
  }
  // Frozen header, widths, print setup.
  assert.deepEqual([sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number }).ySplit], ['frozen', HEADER_ROW]);
  assert.equal(sheet.pageSetup.orientation, 'landscape');
  assert.equal(sheet.pageSetup.paperSize, 9);
  assert.ok((sheet.getColumn(1).width ?? 0) >= 40);
  return { report, sheet, workbook, totals, checked, buffer };
}

describe('export: ekonomisk information', function () {
  this.timeout(30_000);

  it('the workbook of the 2026-03-26 table: every cell equals the calculators, sums are formulas that compute the same', async () => {
    const { sheet, checked, totals } = await checkWorkbook(snapshot, [], []);
    assert.ok(checked >= snapshot.lines.length * 4 + 7 * 4);
    // The table's known figure: kvarvarande beslutsutrymme 2026 enligt prognos 3 038 tkr.
    assert.equal(totals.find((t) => t.column.key === '2026-forecast')?.remaining, 3_038_000);
    assert.match(String(sheet.getCell('A2').value), /per 2026-03-26.*inga beslut/);
  });

  it('with an approved avvikelse, a grant and a pending ansökan: applied, listed, and "efter ansökningar" as the calculators', async () => {
    const { sheet, workbook, totals, buffer } = await checkWorkbook(snapshot, [adjustment], [grant, pending]);
    assert.equal(totals.find((t) => t.column.key === '2026-forecast')?.remaining, 3_118_000);
    const after2028 = totals.find((t) => t.column.key === '2028-preliminary')!;
    assert.equal(after2028.remaining - after2028.remainingAfterApplications, 550_000);
    assert.match(String(sheet.getCell('A2').value), /D 2026:3.*Dnr 2026:9.*Ej beviljade ansökningar: Dnr 2026:11/);
    const decisions = workbook.getWorksheet('Beslut och ansökningar')!;
    const rows = (decisions.getSheetValues() as Cell[][]).filter(Boolean).map((r) => r.slice(1));
    assert.deepEqual(rows.slice(1), [
      ['Godkänd avvikelse', 'D 2026:3, Dnr 2026:7', '2026-05-04', 'Växtkraft', 2026, -80_000],
      ['Godkänd avvikelse', 'D 2026:3, Dnr 2026:7', '2026-05-04', 'Växtkraft', 2027, 80_000],
      ['Beviljad ansökan', 'Dnr 2026:9', '2026-06-01', 'Nya vägar (Tierps kommun)', 2027, 500_000],
      ['Beviljad ansökan', 'Dnr 2026:9', '2026-06-01', 'Nya vägar (Tierps kommun)', 2028, 400_000],
      ['Ansökan, ej beviljad', 'Dnr 2026:11', '2026-09-10', 'Steget vidare (Enköpings kommun)', 2027, 300_000],
      ['Ansökan, ej beviljad', 'Dnr 2026:11', '2026-09-10', 'Steget vidare (Enköpings kommun)', 2028, 250_000],
    ]);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'ekonomisk-information.xlsx'), buffer);
  });

  it('the PDF holds the title, every total and the chart, and its first page is rendered for people to look at', async () => {
    const report = buildLedgerReport(snapshot, [adjustment], [grant, pending], '2026-11-24');
    const pdf = await ledgerPdf(report);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'ekonomisk-information.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    assert.match(text, /Ekonomisk information per 2026-11-24/);
    assert.match(text, /Samordningsförbund|förbund/i);
    assert.match(text, /Sida 1 av \d/);
    assert.match(text, /Kvarvarande beslutsutrymme per år/);
    const linesOf = (label: string) => text.split('\n').filter((l) => l.trim().startsWith(label));
    for (const field of ['income', 'cost', 'result', 'remaining', 'remainingAfterApplications'] as const) {
      const [row] = linesOf(ROW_LABELS[field]);
      assert.ok(row, `no row ${field}`);
      const figures = report.totals.map((t) => pdfTkr(t[field]));
      assert.equal(
        row!
          .trim()
          .slice(ROW_LABELS[field].length)
          .trim()
          .split(/\s{2,}/)
          .join('|'),
        figures.join('|'),
        `${field}: ${row}`,
      );
    }
    assert.match(text, /3 118/);
    assert.match(text, /D 2026:3/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(RESULTS, 'ekonomisk-information')]);
  });
});
