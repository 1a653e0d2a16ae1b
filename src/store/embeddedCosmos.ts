import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { promises as fs, mkdirSync } from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';
import { Journal, writeFileAtomic } from './journal';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
// The package exports only a server factory; persistence needs its account model and router.
const Account = require('@vercel/cosmosdb-server/lib/account').default;
const route = require('@vercel/cosmosdb-server/lib/routes').default;
const { parsePartitionKey } = require('@vercel/cosmosdb-server/lib/utils/get-partition-from-header');

/** A request signed more than this far from now is refused (a replayed capture). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

type Doc = Record<string, any>;
interface CollectionImage { data: Doc; ridCount: number; docs: Doc[] }
interface DatabaseImage { data: Doc; ridCount: number; collections: CollectionImage[] }
interface Snapshot { version: 1; ridCount: number; databases: DatabaseImage[] }
type JournalRecord =
  | { k: 'doc'; db: string; coll: string; id: string; pk: unknown; ridCount: number; doc: Doc | null }
  | { k: 'db'; id: string; ridCount: number; image: DatabaseImage | null };

export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly key: string;
  /** HTTP requests served so far (for benchmarks: Cosmos round trips per turn). */
  requestCount(): number;
  close(): Promise<void>;
}

const SNAPSHOT = 'cosmos-snapshot.json';
const JOURNAL = 'cosmos-journal.jsonl';
const LOCK = 'LOCK';

/**
 * Starts a Cosmos-compatible server (@vercel/cosmosdb-server) on 127.0.0.1 whose
 * data lives under `dataDir`. Every successful write is appended to a journal and
 * fsynced before the response leaves, so an acknowledged write survives a crash;
 * on start the last snapshot and the journal are replayed and compacted.
 */
export async function startEmbeddedCosmos(dataDir: string, port = 0): Promise<EmbeddedCosmos> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = await acquireLock(dataDir);
  const account = new Account('127.0.0.1', port);
  await restore(account, dataDir);
  await writeFileAtomic(path.join(dataDir, SNAPSHOT), JSON.stringify(snapshotOf(account)));
  await fs.writeFile(path.join(dataDir, JOURNAL), '');
  const journal = await Journal.open(path.join(dataDir, JOURNAL));

  // A fresh key per process: another local process (or a page in a browser) cannot write without it.
  const key = randomBytes(64).toString('base64');
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    if (!isSignedWith(key, req)) {
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Unauthorized', message: 'The request is not signed with this server\'s key.' }));
      return;
    }
    void handle(account, journal, req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${actualPort}/`;
  const meta = account.read();
  meta.writableLocations = [{ name: 'Embedded', databaseAccountEndpoint: endpoint }];
  meta.readableLocations = [{ name: 'Embedded', databaseAccountEndpoint: endpoint }];

  return {
    endpoint,
    key,
    requestCount: () => requests,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await journal.close();
      await releaseLock();
    },
  };
}

/**
 * Checks Cosmos DB's master-key signature (HMAC-SHA256 over verb, resource type, resource
 * link and x-ms-date), the same scheme the SDK uses against Azure.
 */
export function isSignedWith(key: string, req: http.IncomingMessage): boolean {
  const date = String(req.headers['x-ms-date'] ?? '');
  const when = Date.parse(date);
  if (!date || Number.isNaN(when) || Math.abs(Date.now() - when) > MAX_CLOCK_SKEW_MS) return false;
  let auth: string;
  try {
    auth = decodeURIComponent(String(req.headers.authorization ?? ''));
  } catch {
    return false;
  }
  const match = /^type=master&ver=1\.0&sig=(.+)$/.exec(auth);
  if (!match) return false;
  const given = Buffer.from(match[1] as string, 'base64');
  let segments: string[];
  try {
    segments = new URL(req.url ?? '/', 'http://embedded').pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  } catch {
    return false;
  }
  // A feed (…/docs) is signed with its parent's link, an item (…/docs/id) with its own.
  const [type, link] = segments.length === 0 ? ['', ''] : segments.length % 2 === 1 ? [segments[segments.length - 1] as string, segments.slice(0, -1).join('/')] : [segments[segments.length - 2] as string, segments.join('/')];
  const text = `${(req.method ?? '').toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
  const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handle(account: any, journal: Journal, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const matched = route(req);
  let body: any;
  let record: JournalRecord | undefined;
  try {
    if (!matched) {
      res.statusCode = 400;
      body = { message: 'no route' };
    } else {
      const [params, handler] = matched;
      body = (await handler(account, req, res, params)) ?? {};
      if (res.statusCode > 399 && body.message === undefined) body.message = '';
      if (res.statusCode < 300 && isWrite(req)) record = journalRecord(account, req, params, body);
    }
    if (record) await journal.append(record);
  } catch (err) {
    res.statusCode = 500;
    body = { message: (err as Error).message };
  }
  if (body && body._etag) res.setHeader('etag', body._etag);
  res.setHeader('content-type', 'application/json');
  res.setHeader('x-ms-activity-id', nextActivityId());
  res.setHeader('x-ms-request-charge', '1');
  res.end(res.statusCode === 204 ? undefined : JSON.stringify(body));
}

let activity = 0;
function nextActivityId(): string {
  activity += 1;
  return `00000000-0000-0000-0000-${activity.toString(16).padStart(12, '0')}`;
}

function isWrite(req: http.IncomingMessage): boolean {
  if (req.method === 'GET') return false;
  if (req.method === 'POST' && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true') return false;
  return true;
}

function journalRecord(account: any, req: http.IncomingMessage, params: any, body: any): JournalRecord {
  const isDocRoute = /\/docs(\/|$)/.test(req.url ?? '') && params.collId && !String(req.headers['x-ms-cosmos-is-batch-request'] ?? '');
  if (isDocRoute) {
    const collection = account.database(params.dbId).collection(params.collId);
    const id: string = params.docId ?? body.id;
    const header = req.headers['x-ms-documentdb-partitionkey'];
    const pk = params.docId && header ? parsePartitionKey(String(header), id) : collection.documents._getPartition(body);
    const doc = collection.document(id, pk).read() ?? null;
    return { k: 'doc', db: params.dbId, coll: params.collId, id, pk, ridCount: collection.documents._ridCount, doc };
  }
  const dbId: string = params.dbId ?? body.id;
  const database = account.database(dbId);
  return { k: 'db', id: dbId, ridCount: account.databases._ridCount, image: database.read() ? imageOf(database) : null };
}

function imageOf(database: any): DatabaseImage {
  return {
    data: database.read(),
    ridCount: database.collections._ridCount,
    collections: [...database.collections._data.values()].map((collection: any) => ({
      data: collection.read(),
      ridCount: collection.documents._ridCount,
      docs: [...collection.documents._data.values()].map((d: any) => d.read()),
    })),
  };
}

function snapshotOf(account: any): Snapshot {
  return { version: 1, ridCount: account.databases._ridCount, databases: [...account.databases._data.values()].map(imageOf) };
}

function putDatabase(account: any, image: DatabaseImage): void {
  if (account.database(image.data.id).read()) account.databases.delete(image.data.id, image.data.id);
  account.databases._set(image.data);
  const database = account.database(image.data.id);
  database.collections._ridCount = image.ridCount;
  for (const c of image.collections) {
    database.collections._set(c.data);
    const collection = database.collection(c.data.id);
    collection.documents._ridCount = c.ridCount;
    for (const doc of c.docs) collection.documents._set(doc);
  }
}

async function restore(account: any, dataDir: string): Promise<void> {
  const snapshotText = await fs.readFile(path.join(dataDir, SNAPSHOT), 'utf8').catch((err) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (snapshotText) {
    const snapshot = JSON.parse(snapshotText) as Snapshot;
    account.databases._ridCount = snapshot.ridCount;
    snapshot.databases.forEach((image) => putDatabase(account, image));
  }
  for (const record of (await Journal.readAll(path.join(dataDir, JOURNAL))) as JournalRecord[]) {
    if (record.k === 'db') {
      account.databases._ridCount = Math.max(account.databases._ridCount, record.ridCount);
      if (record.image) putDatabase(account, record.image);
      else if (account.database(record.id).read()) account.databases.delete(record.id, record.id);
      continue;
    }
    const collection = account.database(record.db).collection(record.coll);
    if (!collection.read()) continue;
    const documents = collection.documents;
    documents._ridCount = Math.max(documents._ridCount, record.ridCount);
    if (collection.document(record.id, record.pk).read()) documents.delete(record.id, record.pk);
    if (record.doc) documents._set(record.doc);
  }
}

/** One process owns a data directory; a second one (say, an import while the server runs) is refused. */
async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fs.rm(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(await fs.readFile(lockPath, 'utf8').catch(() => ''));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`Datakatalogen ${dataDir} används redan av en annan process (pid ${pid}). Stoppa servern först.`);
      }
      if (pid === process.pid) throw new Error(`Datakatalogen ${dataDir} är redan öppen i den här processen.`);
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new Error(`Kunde inte låsa datakatalogen ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
