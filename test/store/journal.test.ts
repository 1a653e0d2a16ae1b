import assert from 'assert/strict';
import { spawn } from 'child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { Container, CosmosClient } from '@azure/cosmos';
import { EmbeddedCosmos, startEmbeddedCosmos } from '../../src/store/embeddedCosmos';
import { decodeRecord, encodeRecord } from '../../src/store/journal';
import { makeTempDir } from '../helpers/tempDir';

const JOURNAL = 'cosmos-journal.jsonl';

/** A store under dataDir with one container, through the real SDK. */
async function openStore(dir: string, options: Parameters<typeof startEmbeddedCosmos>[2] = {}) {
  const logs: Record<string, unknown>[] = [];
  const server = await startEmbeddedCosmos(dir, 0, { log: (e) => logs.push(e), recoveryIntervalMs: 20, ...options });
  const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
  const { database } = await client.databases.createIfNotExists({ id: 'finsam' });
  const { container } = await database.containers.createIfNotExists({ id: 'cases', partitionKey: { paths: ['/associationId'] } });
  return {
    server,
    container,
    logs,
    async close() {
      client.dispose();
      await server.close();
    },
  };
}

const ids = async (c: Container) => (await c.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources.map((r) => r.id).sort();

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe('the embedded store survives its disk', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('writes each record with its length and checksum, and knows a changed one', () => {
    const line = encodeRecord({ k: 'doc', id: 'a', doc: { dnr: 'Dnr 2026:14' } }).trimEnd();
    assert.deepEqual(decodeRecord(line), { ok: true, record: { k: 'doc', id: 'a', doc: { dnr: 'Dnr 2026:14' } } });
    const stillJson = line.replace('2026:14', '2026:15');
    assert.deepEqual(decodeRecord(stillJson), { ok: false, reason: 'checksum mismatch' });
    assert.equal(decodeRecord(line.slice(0, -5)).ok, false);
  });

  it('sets a corrupt record aside with a clear log line and loads the rest, also when it is still valid JSON', async () => {
    const first = await openStore(temp.dir);
    for (const id of ['a', 'b', 'c', 'd']) await first.container.items.create({ id, associationId: 'uppsala', dnr: `Dnr 2026:${id}` });
    await first.close();
    const journal = path.join(temp.dir, JOURNAL);
    const lines = readFileSync(journal, 'utf8').split('\n');
    const target = lines.findIndex((l) => l.includes('"id":"b"') && l.includes('Dnr 2026:b'));
    const torn = lines.findIndex((l) => l.includes('"id":"c"') && l.includes('Dnr 2026:c'));
    lines[target] = (lines[target] as string).replace('Dnr 2026:b', 'Dnr 2026:a'); // a silent duplicate, were it replayed
    lines[torn] = (lines[torn] as string).slice(0, 40); // a partial line now in the middle (a disk that filled once)
    writeFileSync(journal, lines.join('\n'));

    const second = await openStore(temp.dir);
    try {
      assert.deepEqual(await ids(second.container), ['a', 'd'], 'the rest is loaded');
      const notes = second.logs.map((l) => String(l.message));
      assert.equal(notes.filter((m) => /journalpost på rad \d+ är skadad .*läggs åt sidan och resten läses in/.test(m)).length, 2, notes.join('\n'));
      const setAside = readdirSync(temp.dir).filter((f) => f.startsWith('cosmos-journal.rejected-'));
      assert.equal(setAside.length, 1);
      const kept = readFileSync(path.join(temp.dir, setAside[0] as string), 'utf8');
      assert.match(kept, /Dnr 2026:a/);
      assert.equal(kept.trim().split('\n').length, 2);
    } finally {
      await second.close();
    }
  });

  it('stops taking writes when an append fails, answers 503, cuts the partial tail and takes writes again once the disk does', async () => {
    let full = false;
    const store = await openStore(temp.dir, {
      faults: {
        async beforeWrite(handle, bytes, position) {
          if (!full) return;
          // Half the batch reaches the disk before it is full.
          await handle.write(bytes, 0, Math.floor(bytes.length / 2), position);
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    try {
      await store.container.items.create({ id: 'before', associationId: 'uppsala' });
      full = true;
      await assert.rejects(store.container.items.create({ id: 'lost', associationId: 'uppsala' }), (err: { code?: number }) => err.code === 503);
      assert.equal(store.server.writable(), false);
      await assert.rejects(
        store.container.item('before', 'uppsala').read(),
        (err: { code?: number }) => err.code === 503,
        'nothing is served from a memory the disk does not have',
      );
      assert.ok(store.logs.some((l) => /kunde inte skriva journalen/.test(String(l.message))));
      full = false;
      await until(() => store.server.writable());
      assert.deepEqual(await ids(store.container), ['before'], 'the unacknowledged write is gone from memory too');
      await store.container.items.create({ id: 'after', associationId: 'uppsala' });
    } finally {
      await store.close();
    }
    const again = await openStore(temp.dir);
    try {
      assert.deepEqual(await ids(again.container), ['after', 'before']);
      assert.equal(
        again.logs.length,
        0,
        `a clean journal: ${JSON.stringify(again.logs)} ${readdirSync(temp.dir)
          .filter((f) => f.includes('rejected'))
          .map((f) => readFileSync(path.join(temp.dir, f), 'utf8'))
          .join()}`,
      );
    } finally {
      await again.close();
    }
  });

  it('cuts a partial tail left by a failed write at close, so the next start is clean', async () => {
    let full = false;
    const store = await openStore(temp.dir, {
      recoveryIntervalMs: 60_000,
      faults: {
        async beforeWrite(handle, bytes, position) {
          if (!full) return;
          await handle.write(bytes, 0, Math.floor(bytes.length / 2), position);
          throw new Error('EIO');
        },
      },
    });
    await store.container.items.create({ id: 'kept', associationId: 'uppsala' });
    full = true;
    await assert.rejects(store.container.items.create({ id: 'lost', associationId: 'uppsala' }));
    await store.close();
    const again = await openStore(temp.dir);
    try {
      assert.deepEqual(await ids(again.container), ['kept']);
      assert.equal(again.logs.length, 0);
    } finally {
      await again.close();
    }
  });

  describe('the lock', () => {
    const lockOf = (dir: string) => path.join(dir, 'LOCK');

    it('takes over a lock left by this PID in an earlier life (PID 1 in a restarted container)', async () => {
      writeFileSync(lockOf(temp.dir), JSON.stringify({ pid: process.pid, startTicks: '1', bootId: 'an-earlier-boot' }));
      const store = await openStore(temp.dir);
      assert.ok(store.logs.some((l) => /låset .* var kvar från en process som inte längre finns/.test(String(l.message))));
      await store.close();
      writeFileSync(lockOf(temp.dir), String(process.pid)); // the older format: a bare PID
      await (await openStore(temp.dir)).close();
    });

    it('takes over a lock whose PID now belongs to another process (PID reuse), and respects a live owner', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      try {
        await until(() => other.pid !== undefined && existsSync(`/proc/${other.pid}/stat`));
        const stat = readFileSync(`/proc/${other.pid}/stat`, 'utf8');
        const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string;
        const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
        writeFileSync(lockOf(temp.dir), JSON.stringify({ pid: other.pid, startTicks: String(Number(ticks) - 1000), bootId: boot }));
        await (await openStore(temp.dir)).close();
        writeFileSync(lockOf(temp.dir), JSON.stringify({ pid: other.pid, startTicks: ticks, bootId: boot }));
        await assert.rejects(startEmbeddedCosmos(temp.dir), /används redan av en annan process/);
      } finally {
        other.kill();
      }
    });

    it('refuses a second open in the same process', async () => {
      const store: EmbeddedCosmos = await startEmbeddedCosmos(temp.dir, 0, { log: () => undefined });
      try {
        await assert.rejects(startEmbeddedCosmos(temp.dir), /redan öppen i den här processen/);
      } finally {
        await store.close();
      }
    });
  });
});
