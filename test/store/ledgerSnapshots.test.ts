import assert from 'assert/strict';
import { LedgerSnapshot } from '../../src/domain/ledger';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { CosmosLedgerRepository } from '../../src/store/cosmosLedgerRepository';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmosStore';
import { readDataFile } from '../helpers/data';
import { makeTempDir } from '../helpers/tempDir';

describe('ledger snapshots in Cosmos: immutable versions, one read per question', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: CosmosStore;
  const march = () => parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
  const requests = () => store.embedded?.requestCount() ?? NaN;

  beforeEach(async () => {
    temp = makeTempDir();
    store = await openCosmosStore({ database: 'finsam', dataDir: temp.dir });
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('reads the snapshot once per process; after that a lookup is the catalog read alone', async () => {
    const repo = new CosmosLedgerRepository(store.container('ledger'));
    await repo.saveSnapshot(march());
    let before = requests();
    const first = await repo.findSnapshotFor('uppsala', 2026);
    assert.equal(requests() - before, 2, 'catalog + snapshot the first time');
    assert.equal(first.snapshot?.asOf, '2026-03-26');
    for (let i = 0; i < 5; i += 1) {
      before = requests();
      const again = await repo.findSnapshotFor('uppsala', 2026);
      assert.equal(requests() - before, 1, 'the catalog only');
      assert.deepEqual(again.snapshot, first.snapshot);
    }
  });

  it('an import of the same date writes a new version that every instance sees at once; the old one stays', async () => {
    const instanceA = new CosmosLedgerRepository(store.container('ledger'));
    const instanceB = new CosmosLedgerRepository(store.container('ledger'));
    assert.deepEqual(await instanceA.saveSnapshot(march()), { replaced: false });
    assert.equal((await instanceA.findSnapshotFor('uppsala', 2026)).snapshot?.reserveFund, march().reserveFund);
    assert.equal((await instanceB.findSnapshotFor('uppsala', 2026)).snapshot?.reserveFund, march().reserveFund);

    const corrected: LedgerSnapshot = { ...march(), reserveFund: march().reserveFund + 12_345 };
    assert.deepEqual(await instanceB.saveSnapshot(corrected), { replaced: true });
    for (const instance of [instanceA, instanceB]) assert.equal((await instance.findSnapshotFor('uppsala', 2026)).snapshot?.reserveFund, corrected.reserveFund);

    const { resources } = await store
      .container('ledger')
      .items.query<{ id: string; snapshot: LedgerSnapshot }>({ query: "SELECT * FROM c WHERE c.type = 'ledgerSnapshot'" }, { partitionKey: 'uppsala' })
      .fetchAll();
    assert.deepEqual(resources.map((r) => [r.id, r.snapshot.reserveFund]).sort(), [
      ['snapshot-2026-03-26-v1', march().reserveFund],
      ['snapshot-2026-03-26-v2', corrected.reserveFund],
    ]);
  });

  it('still reads a snapshot stored by an earlier release (no version in the catalog)', async () => {
    const ledger = store.container('ledger');
    await ledger.items.create({ id: 'snapshot-2026-03-26', associationId: 'uppsala', type: 'ledgerSnapshot', snapshot: march() });
    await ledger.items.create({
      id: 'catalog',
      associationId: 'uppsala',
      type: 'ledgerCatalog',
      entries: [{ asOf: '2026-03-26', years: [2025, 2026, 2027, 2028] }],
    });
    const repo = new CosmosLedgerRepository(ledger);
    assert.equal((await repo.findSnapshotFor('uppsala', 2026)).snapshot?.asOf, '2026-03-26');
    await repo.saveSnapshot({ ...march(), reserveFund: 1 });
    assert.equal((await repo.findSnapshotFor('uppsala', 2026)).snapshot?.reserveFund, 1);
  });
});
