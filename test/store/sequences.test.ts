import assert from 'assert/strict';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmosStore';
import { CosmosSequenceRepository } from '../../src/store/cosmosSequenceRepository';
import { makeTempDir } from '../helpers/tempDir';

describe('Dnr sequences at constant cost per ärende', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: CosmosStore;
  let sequences: CosmosSequenceRepository;
  beforeEach(async () => {
    temp = makeTempDir();
    store = await openCosmosStore({ database: 'finsam', dataDir: temp.dir });
    sequences = new CosmosSequenceRepository(store.container('counters'));
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  const counterSize = async () => JSON.stringify((await store.container('counters').item('sequence-dnr-2026', 'uppsala').read()).resource).length;

  it('gives 60 simultaneous requests for 40 keys (double clicks included) the numbers 1–40, the same number for the same key', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `case-${i % 40}`);
    const numbers = await Promise.all(keys.map((k) => sequences.assign('uppsala', 'dnr', 2026, k)));
    const byKey = new Map<string, Set<number>>();
    keys.forEach((k, i) => byKey.set(k, (byKey.get(k) ?? new Set()).add(numbers[i] as number)));
    assert.ok(
      [...byKey.values()].every((s) => s.size === 1),
      'one number per key',
    );
    assert.deepEqual(
      [...new Set(numbers)].sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(await sequences.assign('uppsala', 'dnr', 2026, 'case-7'), numbers[7]);
    assert.equal(await sequences.assign('uppsala', 'dnr', 2027, 'case-7'), 1, 'each year its own sequence');
  });

  it('keeps the counter the same size however many numbers it has given', async () => {
    await sequences.assign('uppsala', 'dnr', 2026, 'first');
    const small = await counterSize();
    for (let i = 0; i < 50; i += 1) await sequences.assign('uppsala', 'dnr', 2026, `case-number-${i}`);
    assert.ok((await counterSize()) <= small + 20, `${small} → ${await counterSize()} bytes`);
  });

  it('loses no number when a crash came between moving the counter and recording the key', async () => {
    await sequences.assign('uppsala', 'dnr', 2026, 'a');
    const counters = store.container('counters');
    const { resource } = await counters.item('sequence-dnr-2026', 'uppsala').read();
    await counters.item('sequence-dnr-2026', 'uppsala').replace({ ...resource, last: 2, lastKey: 'crashed' });
    assert.equal(await sequences.assign('uppsala', 'dnr', 2026, 'b'), 3);
    assert.equal(await sequences.assign('uppsala', 'dnr', 2026, 'crashed'), 2, 'the crashed filing keeps its number');
  });

  it('still finds numbers given before, in a counter with the old map', async () => {
    await store.container('counters').items.create({
      id: 'sequence-dnr-2025',
      associationId: 'uppsala',
      type: 'sequence',
      series: 'dnr',
      year: 2025,
      last: 2,
      assigned: { old1: 1, old2: 2 },
    });
    assert.equal(await sequences.assign('uppsala', 'dnr', 2025, 'old2'), 2);
    assert.equal(await sequences.assign('uppsala', 'dnr', 2025, 'new'), 3);
  });
});
