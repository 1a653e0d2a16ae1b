import assert from 'assert/strict';
import { execFile } from 'child_process';
import { writeFileSync } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmosStore';
import { CosmosLedgerRepository } from '../../src/store/cosmosLedgerRepository';
import { DATA_DIR, readDataFile } from '../helpers/data';
import { makeTempDir } from '../helpers/tempDir';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { buildLedgerReport } from '../../src/exports/ledgerReport';
import { ledgerWorkbook } from '../../src/exports/ledgerWorkbook';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../src/importer/cli.js');

async function importFile(file: string, dataDir: string, ...rest: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, file, ...rest], { env: { ...process.env, DATA_DIR: dataDir, COSMOS_ENDPOINT: '' } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function withStore<T>(dataDir: string, fn: (repo: CosmosLedgerRepository) => Promise<T>): Promise<T> {
  const store: CosmosStore = await openCosmosStore({ database: 'finsam', dataDir });
  try {
    return await fn(new CosmosLedgerRepository(store.container('ledger')));
  } finally {
    await store.close();
  }
}

describe('npm run import (ledger import CLI against the embedded store)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('rejects a bad file naming the offending path and stores nothing', async () => {
    const raw = readDataFile<any>('uppsala-2026-03-26.ledger.json');
    raw.lines[3].amounts['2026-budget'] = 'femhundra';
    raw.columns[1].kind = 'guess';
    const file = path.join(temp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(raw));
    const result = await importFile(file, path.join(temp.dir, 'store'));
    assert.equal(result.code, 1);
    assert.match(result.out, /\/lines\/3\/amounts\/2026-budget: ska vara av typen number/);
    assert.match(result.out, /\/columns\/1\/kind: ska vara ett av budget, forecast, preliminary/);
    assert.equal(await withStore(path.join(temp.dir, 'store'), (repo) => repo.hasAny('uppsala')), false);
  });

  it('reports printed totals that differ from the lines, marking 1 tkr as rounding', async () => {
    const raw = readDataFile<any>('uppsala-2026-03-26.ledger.json');
    raw.statedTotals['2026-forecast'].carriedIn = 6348;
    raw.statedTotals['2028-preliminary'].cost = 14040;
    const file = path.join(temp.dir, 'typo.json');
    writeFileSync(file, JSON.stringify(raw));
    const result = await importFile(file, path.join(temp.dir, 'store'));
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, /2026 prognos \(2026-forecast\), Över-\/underskott från tidigare år: angivet 6 348 tkr, beräknat 6 148 tkr, skillnad \+200 tkr\n/);
    assert.match(
      result.out,
      /2028 preliminär budget \(2028-preliminary\), S:A KOSTNADER: angivet 14 040 tkr, beräknat 14 039 tkr, skillnad \+1 tkr \(avrundning\)/,
    );
  });

  it('replaces a snapshot of the same date, keeps older ones, and answers a year from the snapshot that covers it', async () => {
    const store = path.join(temp.dir, 'store');
    assert.equal((await importFile(path.join(DATA_DIR, 'uppsala-2022-11-17.ledger.json'), store)).code, 0);
    assert.equal((await importFile(path.join(DATA_DIR, 'uppsala-2026-03-26.ledger.json'), store)).code, 0);
    const again = await importFile(path.join(DATA_DIR, 'uppsala-2026-03-26.ledger.json'), store);
    assert.match(again.out, /^Ersatte/);
    await withStore(store, async (repo) => {
      const latest = await repo.findSnapshotFor('uppsala');
      assert.equal(latest.snapshot?.asOf, '2026-03-26');
      const old = await repo.findSnapshotFor('uppsala', 2023);
      assert.equal(old.snapshot?.asOf, '2022-11-17');
      assert.equal(old.isLatest, false);
      assert.deepEqual(old.availableYears, [2023, 2026, 2027, 2028]);
    });
  });

  it('takes the same .xlsx as the chat: the exported table read back, dated as asked', async () => {
    const store = path.join(temp.dir, 'store');
    assert.equal((await importFile(path.join(DATA_DIR, 'uppsala-2026-03-26.ledger.json'), store)).code, 0);
    const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
    const file = path.join(temp.dir, 'tabell.xlsx');
    writeFileSync(file, await ledgerWorkbook(buildLedgerReport(snapshot, [], [], '2026-11-24')));
    const result = await importFile(file, store, '2026-12-01');
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, /^Läste in ekonomisk information för Samordningsförbundet Uppsala län per 2026-12-01: 4 kolumner/);
    assert.match(result.out, /Alla angivna summor stämmer med raderna/);
    await withStore(store, async (repo) => {
      const latest = await repo.findSnapshotFor('uppsala');
      assert.equal(latest.snapshot?.asOf, '2026-12-01');
      assert.deepEqual(
        latest.snapshot?.lines.map((l) => l.amounts),
        snapshot.lines.map((l) => l.amounts),
      );
    });
    const broken = path.join(temp.dir, 'trasig.xlsx');
    writeFileSync(broken, 'inte excel');
    const refused = await importFile(broken, store);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /inte en Excel-fil/);
  });
});
