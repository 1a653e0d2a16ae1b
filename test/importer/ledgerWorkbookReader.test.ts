import assert from 'assert/strict';
import ExcelJS from 'exceljs';
import { buildLedgerReport } from '../../src/exports/ledgerReport';
import { HEADER_ROW, SHEET_NAME, ledgerWorkbook, lineLabel } from '../../src/exports/ledgerWorkbook';
import { readLedgerWorkbook } from '../../src/importer/ledgerWorkbookReader';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { compareStatedTotals, computeLedgerTotals } from '../../src/finance/ledgerTotals';
import { ValidationError } from '../../src/errors';
import { readDataFile } from '../helpers/data';

const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));

async function exported(): Promise<Buffer> {
  return ledgerWorkbook(buildLedgerReport(snapshot, [], [], '2026-11-24'));
}

async function edited(bytes: Buffer, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook.getWorksheet(SHEET_NAME) as ExcelJS.Worksheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const problemsOf = async (bytes: Buffer, asOf?: string): Promise<string[]> => {
  try {
    await readLedgerWorkbook(bytes, snapshot, asOf);
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return [...err.problems];
  }
  assert.fail('the file was accepted');
};

describe('reading the ekonomisk information from an Excel file', () => {
  it('reads the exported table back to the same lines, columns and totals, dated as its title says', async () => {
    const { snapshot: read, unit } = await readLedgerWorkbook(await exported(), snapshot, undefined);
    assert.equal(unit, 'kr');
    assert.equal(read.asOf, '2026-11-24');
    assert.deepEqual(read.columns, snapshot.columns);
    assert.deepEqual(
      read.lines.map((l) => [l.id, l.amounts]),
      snapshot.lines.map((l) => [l.id, l.amounts]),
    );
    assert.deepEqual(read.openingSurplus, snapshot.openingSurplus);
    assert.deepEqual(compareStatedTotals(read, computeLedgerTotals(read)), []);
    assert.deepEqual(
      computeLedgerTotals(read).map((t) => t.remaining),
      computeLedgerTotals(snapshot).map((t) => t.remaining),
    );
  });

  it('a changed prognos cell is the one change, and the stale printed sums are reported against it', async () => {
    const line = snapshot.lines.find((l) => l.id === 'vaxtkraft');
    assert.ok(line);
    const bytes = await edited(await exported(), (sheet) => {
      sheet.eachRow((row) => {
        if (row.getCell(1).value === lineLabel(line)) row.getCell(3).value = (line.amounts['2026-forecast'] as number) - 100_000;
      });
    });
    const { snapshot: read } = await readLedgerWorkbook(bytes, snapshot, undefined);
    const changed = read.lines.flatMap((l) =>
      Object.entries(l.amounts)
        .filter(([k, v]) => snapshot.lines.find((s) => s.id === l.id)?.amounts[k] !== v)
        .map(([k, v]) => [l.id, k, v]),
    );
    assert.deepEqual(changed, [['vaxtkraft', '2026-forecast', (line.amounts['2026-forecast'] as number) - 100_000]]);
    const remaining = (s: typeof snapshot) => computeLedgerTotals(s).find((t) => t.column.key === '2026-forecast')?.remaining as number;
    assert.equal(remaining(read) - remaining(snapshot), 100_000);
    const differences = compareStatedTotals(read, computeLedgerTotals(read));
    assert.ok(
      differences.some((d) => d.columnKey === '2026-forecast' && d.field === 'cost' && d.difference === 100_000),
      JSON.stringify(differences),
    );
  });

  it('reads a table laid out like the board papers: tkr, lines by name, "Prel budget" headings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(['EKONOMISK INFORMATION per 2026-06-12, belopp i TSEK']);
    sheet.addRow([]);
    sheet.addRow(['', 'Budget 2026', 'Prognos 2026', 'Prel budget 2027']);
    sheet.addRow(['Medlemsavgifter', 23490, 23490, 23490]);
    sheet.addRow(['S:A INTÄKTER', 23490, 23490, 23490]);
    sheet.addRow(['KOSTNADER']);
    sheet.addRow(['Förvaltning', 4550, 4400, 4750]);
    sheet.addRow(['Växtkraft, Enköping', 2753, 2700, 2754]);
    sheet.addRow(['S:A KOSTNADER', 7303, 7100, 7504]);
    sheet.addRow(['Över-/underskott från tidigare år', 6148, 6148, 22335]);
    const { snapshot: read, unit } = await readLedgerWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), snapshot, undefined);
    assert.equal(unit, 'tkr');
    assert.equal(read.asOf, '2026-06-12');
    assert.deepEqual(
      read.columns.map((c) => c.key),
      ['2026-budget', '2026-forecast', '2027-preliminary'],
    );
    assert.equal(read.lines.find((l) => l.id === 'vaxtkraft')?.amounts['2026-forecast'], 2_700_000);
    assert.equal(read.openingSurplus.amount, 6_148_000);
    assert.deepEqual(
      compareStatedTotals(read, computeLedgerTotals(read)).filter((d) => d.field !== 'carriedIn'),
      [],
    );
  });

  it('refuses what is not the table, naming the problem, and stores nothing (it has no store)', async () => {
    assert.match((await problemsOf(Buffer.from('Budget 2026;Prognos 2026\n')))[0] as string, /inte en Excel-fil/);
    assert.match((await problemsOf(Buffer.alloc(0)))[0] as string, /tom/);
    assert.match((await problemsOf(Buffer.alloc(6 * 1024 * 1024, 1)))[0] as string, /för stor/);
    assert.match((await problemsOf(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)])))[0] as string, /gick inte att läsa/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Blad1').addRow(['Hej', 'då']);
    assert.match((await problemsOf(Buffer.from(await empty.xlsx.writeBuffer())))[0] as string, /rubrikrad/);
    const unknown = await edited(await exported(), (sheet) => sheet.spliceRows(HEADER_ROW + 2, 0, ['Ny insats som ingen känner', 100, 100]));
    assert.ok((await problemsOf(unknown)).some((p) => /"Ny insats som ingen känner" \(rad \d+\) finns inte/.test(p)));
    const formulaOnly = await edited(await exported(), (sheet) => {
      sheet.getCell(`B${HEADER_ROW + 2}`).value = { formula: 'B1*2' } as ExcelJS.CellFormulaValue;
    });
    assert.ok((await problemsOf(formulaOnly)).some((p) => /formel utan beräknat värde/.test(p)));
    const words = await edited(await exported(), (sheet) => {
      sheet.getCell(`B${HEADER_ROW + 2}`).value = 'ungefär tjugo';
    });
    assert.ok((await problemsOf(words)).some((p) => /inget belopp/.test(p)));
  });
});
