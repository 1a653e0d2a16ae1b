import assert from 'assert/strict';
import { appendFileSync, readFileSync } from 'fs';
import path from 'path';
import { openCosmosStore, CosmosStore } from '../../src/store/cosmosStore';
import { startEmbeddedCosmos } from '../../src/store/embeddedCosmos';
import { makeTempDir } from '../helpers/tempDir';

describe('embedded Cosmos DB through @azure/cosmos', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: CosmosStore | undefined;
  const open = async () => (store = await openCosmosStore({ database: 'finsam', dataDir: temp.dir }));

  beforeEach(() => (temp = makeTempDir()));
  afterEach(async () => {
    await store?.close();
    store = undefined;
    temp.cleanup();
  });

  it('creates, reads, replaces, queries with parameters and deletes documents', async () => {
    const c = (await open()).container('cases');
    await c.items.create({ id: 'a', associationId: 'uppsala', n: 1 });
    await c.items.create({ id: 'a', associationId: 'gavle', n: 2 });
    const { resource } = await c.item('a', 'uppsala').read();
    assert.equal(resource.n, 1);
    await c.item('a', 'uppsala').replace({ id: 'a', associationId: 'uppsala', n: 3 });
    const { resources } = await c.items
      .query(
        {
          query: 'SELECT * FROM c WHERE c.associationId = @a AND c.n > @n',
          parameters: [
            { name: '@a', value: 'uppsala' },
            { name: '@n', value: 2 },
          ],
        },
        { partitionKey: 'uppsala' },
      )
      .fetchAll();
    assert.deepEqual(
      resources.map((r) => [r.id, r.n]),
      [['a', 3]],
    );
    await c.item('a', 'uppsala').delete();
    assert.equal((await c.item('a', 'uppsala').read()).statusCode, 404);
    assert.equal((await c.item('a', 'gavle').read()).resource.n, 2, 'the other förbund keeps its own document');
  });

  it('refuses a replace with a stale ETag (412) and a duplicate create (409)', async () => {
    const c = (await open()).container('cases');
    const { resource: first } = await c.items.create({ id: 'x', associationId: 'uppsala', v: 1 });
    await c.item('x', 'uppsala').replace({ id: 'x', associationId: 'uppsala', v: 2 }, { accessCondition: { type: 'IfMatch', condition: first!._etag } });
    await assert.rejects(
      c.item('x', 'uppsala').replace({ id: 'x', associationId: 'uppsala', v: 3 }, { accessCondition: { type: 'IfMatch', condition: first!._etag } }),
      (err: { code?: number }) => err.code === 412,
    );
    await assert.rejects(c.items.create({ id: 'x', associationId: 'uppsala' }), (err: { code?: number }) => err.code === 409);
    assert.equal((await c.item('x', 'uppsala').read()).resource.v, 2);
  });

  it('keeps data, ETags included, across a restart', async () => {
    let c = (await open()).container('ledger');
    const { resource } = await c.items.create({ id: 'snap', associationId: 'uppsala', total: 3038000 });
    await c.items.upsert({ id: 'gone', associationId: 'uppsala' });
    await c.item('gone', 'uppsala').delete();
    await store!.close();
    store = undefined;
    c = (await open()).container('ledger');
    const { resource: again } = await c.item('snap', 'uppsala').read();
    assert.equal(again.total, 3038000);
    assert.equal(again._etag, resource!._etag);
    assert.equal((await c.item('gone', 'uppsala').read()).statusCode, 404);
    await c.items.create({ id: 'next', associationId: 'uppsala' });
    const { resources } = await c.items.query('SELECT c.id FROM c ORDER BY c.id').fetchAll();
    assert.deepEqual(
      resources.map((r) => r.id),
      ['next', 'snap'],
    );
  });

  it('loses no acknowledged write when the process dies mid-append (torn journal line)', async () => {
    const server = await startEmbeddedCosmos(temp.dir);
    const { CosmosClient } = await import('@azure/cosmos');
    const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
    const { database } = await client.databases.createIfNotExists({ id: 'finsam' });
    const { container } = await database.containers.createIfNotExists({ id: 'cases', partitionKey: { paths: ['/associationId'] } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => container.items.create({ id: `d${i}`, associationId: 'uppsala' })));
    client.dispose();
    await server.close();
    // Simulate a crash while the next record was being written: half a line at the end.
    const journal = path.join(temp.dir, 'cosmos-journal.jsonl');
    assert.ok(readFileSync(journal, 'utf8').split('\n').length > 20);
    appendFileSync(journal, '{"k":"doc","db":"finsam","coll":"cases","id":"torn"');
    const c = (await open()).container('cases');
    const { resources } = await c.items.query('SELECT VALUE COUNT(1) FROM c').fetchAll();
    assert.equal(resources[0], 20);
  });

  it('refuses a second process on the same data directory', async () => {
    await open();
    await assert.rejects(startEmbeddedCosmos(temp.dir), /används redan|redan öppen/);
  });

  it('accepts only requests signed with its own random key, a new one per process', async () => {
    const server = await startEmbeddedCosmos(temp.dir);
    const { CosmosClient } = await import('@azure/cosmos');
    try {
      const emulatorKey = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
      for (const key of [emulatorKey, Buffer.alloc(64, 1).toString('base64')]) {
        const stranger = new CosmosClient({ endpoint: server.endpoint, key, connectionPolicy: { enableEndpointDiscovery: false } });
        await assert.rejects(stranger.databases.createIfNotExists({ id: 'finsam' }), (err: { code?: number }) => err.code === 401);
        stranger.dispose();
      }
      const unsigned = await fetch(`${server.endpoint}dbs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ms-date': new Date().toUTCString() },
        body: JSON.stringify({ id: 'evil' }),
      });
      assert.equal(unsigned.status, 401);
      const owner = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
      const { database } = await owner.databases.createIfNotExists({ id: 'finsam' });
      assert.equal(database.id, 'finsam');
      owner.dispose();
    } finally {
      await server.close();
    }
    const again = await startEmbeddedCosmos(temp.dir);
    try {
      assert.notEqual(again.key, server.key, 'a fresh key for every start');
    } finally {
      await again.close();
    }
  });
});
