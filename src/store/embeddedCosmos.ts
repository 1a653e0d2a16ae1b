import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { promises as fs, mkdirSync } from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';
import os from 'os';
import { Journal, JournalFaults, writeFileAtomic } from './journal';

/* eslint-disable @typescript-eslint/no-require-imports */
// The package exports only a server factory; persistence needs its account model and router.
const Account = require('@vercel/cosmosdb-server/lib/account').default;
const route = require('@vercel/cosmosdb-server/lib/routes').default;
const { parsePartitionKey } = require('@vercel/cosmosdb-server/lib/utils/get-partition-from-header');

/** A request signed more than this far from now is refused (a replayed capture). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

type Doc = Record<string, any>;
interface CollectionImage {
  data: Doc;
  ridCount: number;
  docs: Doc[];
}
interface DatabaseImage {
  data: Doc;
  ridCount: number;
  collections: CollectionImage[];
}
interface Snapshot {
  version: 1;
  ridCount: number;
  databases: DatabaseImage[];
}
type JournalRecord =
  | { k: 'doc'; db: string; coll: string; id: string; pk: unknown; ridCount: number; doc: Doc | null }
  | { k: 'db'; id: string; ridCount: number; image: DatabaseImage | null };

export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly key: string;
  /** HTTP requests served so far (for benchmarks: Cosmos round trips per turn). */
  requestCount(): number;
  /** Of those, the writes (the rest are point reads and queries). */
  writeCount(): number;
  /** False while the journal cannot be written (a full disk): every request gets 503 until it can. */
  writable(): boolean;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly log?: (entry: Record<string, unknown>) => void;
  /** How often a store whose journal failed tries to write again. */
  readonly recoveryIntervalMs?: number;
  readonly faults?: JournalFaults;
  /** The key clients sign with (npm run cosmos, shared by several bots); otherwise a fresh one per process. */
  readonly key?: string;
}

/** Faults a test injects into every embedded store's journal (a disk that fills up); empty in production. */
export const journalFaultsForTests: JournalFaults = {};

/** Requests a soak or test refuses before they reach the store (a Cosmos proxy failing some requests with 429/503); empty in production. */
export const requestFaultsForTests: { refuse?: (request: { readonly method: string; readonly url: string }) => 429 | 503 | undefined } = {};

const defaultLog = (entry: Record<string, unknown>) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry }));

const SNAPSHOT = 'cosmos-snapshot.json';
const JOURNAL = 'cosmos-journal.jsonl';
const LOCK = 'LOCK';

/**
 * Starts a Cosmos-compatible server (@vercel/cosmosdb-server) on 127.0.0.1 whose
 * data lives under `dataDir`. Every successful write is appended to a journal and
 * fsynced before the response leaves, so an acknowledged write survives a crash;
 * on start the last snapshot and the journal are replayed and compacted.
 */
export async function startEmbeddedCosmos(dataDir: string, port = 0, options: EmbeddedOptions = {}): Promise<EmbeddedCosmos> {
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? defaultLog;
  const releaseLock = await acquireLock(dataDir, log);
  let account: any;
  let journal: Journal;
  try {
    account = await load(dataDir, port, log);
    await writeFileAtomic(path.join(dataDir, SNAPSHOT), JSON.stringify(snapshotOf(account)));
    await fs.writeFile(path.join(dataDir, JOURNAL), '');
    journal = await Journal.open(path.join(dataDir, JOURNAL), options.faults ?? journalFaultsForTests);
  } catch (err) {
    await releaseLock();
    throw err;
  }

  // A fresh key per process unless one is given: another local process (or a page in a browser) cannot write without it.
  const key = options.key ?? randomBytes(64).toString('base64');
  let requests = 0;
  let writes = 0;
  // Bumped when a write fails: a request that began before cannot have its change journaled.
  const state = { epoch: 0, recovering: false };
  const server = http.createServer((req, res) => {
    requests += 1;
    if (isWrite(req)) writes += 1;
    if (!isSignedWith(key, req)) {
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Unauthorized', message: "The request is not signed with this server's key." }));
      return;
    }
    if (journal.failed || state.recovering) {
      unavailable(res);
      return;
    }
    const refused = requestFaultsForTests.refuse?.({ method: req.method ?? '', url: req.url ?? '' });
    if (refused) {
      res.statusCode = refused;
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-ms-activity-id', nextActivityId());
      if (refused === 429) res.setHeader('x-ms-retry-after-ms', '10');
      res.end(JSON.stringify({ code: refused === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'injected fault' }));
      return;
    }
    void handle(account, journal, state, req, res, log);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${actualPort}/`;
  const locate = (a: any) => {
    const meta = a.read();
    meta.writableLocations = [{ name: 'Embedded', databaseAccountEndpoint: endpoint }];
    meta.readableLocations = [{ name: 'Embedded', databaseAccountEndpoint: endpoint }];
  };
  locate(account);

  // Once the disk takes writes again: cut the partial tail, then reload what is on disk, which
  // drops every change that was applied in memory but never journaled.
  const recovery = setInterval(() => {
    if (!journal.failed || state.recovering) return;
    state.recovering = true;
    void (async () => {
      try {
        await journal.reopen();
        const reloaded = await load(dataDir, actualPort, log);
        locate(reloaded);
        account = reloaded;
        log({ message: 'inbyggd Cosmos: journalen är skrivbar igen; data från disk återinläst' });
      } catch (err) {
        if (!journal.failed) log({ message: 'inbyggd Cosmos: återinläsning misslyckades', error: (err as Error).message });
      } finally {
        state.recovering = false;
      }
    })();
  }, options.recoveryIntervalMs ?? 1000);
  recovery.unref();

  return {
    endpoint,
    key,
    requestCount: () => requests,
    writeCount: () => writes,
    writable: () => !journal.failed && !state.recovering,
    async close() {
      clearInterval(recovery);
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
    segments = new URL(req.url ?? '/', 'http://embedded').pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return false;
  }
  // A feed (…/docs) is signed with its parent's link, an item (…/docs/id) with its own.
  const [type, link] =
    segments.length === 0
      ? ['', '']
      : segments.length % 2 === 1
        ? [segments[segments.length - 1] as string, segments.slice(0, -1).join('/')]
        : [segments[segments.length - 2] as string, segments.join('/')];
  const text = `${(req.method ?? '').toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
  const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function unavailable(res: http.ServerResponse): void {
  res.statusCode = 503;
  res.setHeader('content-type', 'application/json');
  res.setHeader('x-ms-activity-id', nextActivityId());
  res.setHeader('retry-after', '1');
  res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'The store cannot write to its disk; nothing was saved.' }));
}

async function handle(
  account: any,
  journal: Journal,
  state: { epoch: number },
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (entry: Record<string, unknown>) => void,
): Promise<void> {
  const epoch = state.epoch;
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
  } catch (err) {
    res.statusCode = 500;
    body = { message: (err as Error).message };
  }
  if (record) {
    try {
      if (epoch !== state.epoch) throw new Error('a write failed while this request ran');
      await journal.append(record);
    } catch (err) {
      // Not on disk, so not acknowledged: the change in memory is dropped when the store reloads.
      if (epoch === state.epoch)
        log({ message: 'inbyggd Cosmos: kunde inte skriva journalen; inga fler skrivningar förrän disken tar emot igen', error: (err as Error).message });
      state.epoch += 1;
      unavailable(res);
      return;
    }
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

/** A new account with the snapshot and the journal replayed; a damaged record is set aside to a file, never fatal. */
async function load(dataDir: string, port: number, log: (entry: Record<string, unknown>) => void): Promise<any> {
  const account = new Account('127.0.0.1', port);
  const snapshotText = await fs.readFile(path.join(dataDir, SNAPSHOT), 'utf8').catch((err) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (snapshotText) {
    const snapshot = JSON.parse(snapshotText) as Snapshot;
    account.databases._ridCount = snapshot.ridCount;
    snapshot.databases.forEach((image) => putDatabase(account, image));
  }
  const journalPath = path.join(dataDir, JOURNAL);
  const rejected: string[] = [];
  const setAside = (line: string, where: string, reason: string) => {
    rejected.push(line);
    log({ message: `inbyggd Cosmos: journalpost ${where} är skadad (${reason}); den läggs åt sidan och resten läses in`, file: rejectedFile });
  };
  const rejectedFile = path.join(dataDir, `cosmos-journal.rejected-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  const records = (await Journal.readAll(journalPath, (line, n, reason) => setAside(line, `på rad ${n}`, reason))) as JournalRecord[];
  records.forEach((record, i) => {
    try {
      apply(account, record);
    } catch (err) {
      setAside(JSON.stringify(record), `nummer ${i + 1}`, (err as Error).message);
    }
  });
  if (rejected.length > 0) await fs.writeFile(rejectedFile, rejected.map((l) => `${l}\n`).join(''));
  return account;
}

function apply(account: any, record: JournalRecord | { k: string }): void {
  if (record.k === 'db') {
    const r = record as Extract<JournalRecord, { k: 'db' }>;
    account.databases._ridCount = Math.max(account.databases._ridCount, r.ridCount);
    if (r.image) putDatabase(account, r.image);
    else if (account.database(r.id).read()) account.databases.delete(r.id, r.id);
    return;
  }
  if (record.k !== 'doc') return; // a marker (k: 'resumed') carries no data
  const r = record as Extract<JournalRecord, { k: 'doc' }>;
  // A request that changed nothing (a query the router saw as a write) left a record without an id: nothing to apply.
  if (r.id === undefined && r.doc === null) return;
  if (typeof r.id !== 'string' || typeof r.db !== 'string' || typeof r.coll !== 'string') throw new Error('record without its ids');
  const collection = account.database(r.db).collection(r.coll);
  if (!collection.read()) return;
  const documents = collection.documents;
  documents._ridCount = Math.max(documents._ridCount, r.ridCount);
  if (collection.document(r.id, r.pk).read()) documents.delete(r.id, r.pk);
  if (r.doc) documents._set(r.doc);
}

interface LockOwner {
  readonly pid: number;
  /** When the process started, in clock ticks since boot (/proc/<pid>/stat): tells a reused PID from the owner. */
  readonly startTicks?: string;
  readonly bootId?: string;
  readonly host?: string;
}

/** Data directories this process holds: the only sure sign of "already open here". */
const heldHere = new Set<string>();

async function procStartTicks(pid: number): Promise<string | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

async function bootId(): Promise<string | undefined> {
  return (await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => undefined))?.trim();
}

async function ownerOf(pid: number): Promise<LockOwner> {
  return { pid, startTicks: await procStartTicks(pid), bootId: await bootId(), host: os.hostname() };
}

/**
 * Whether the process named in a lock file still owns it. A lock from another boot, or
 * whose PID now belongs to a process started at another time (PID reuse; PID 1 again in
 * a restarted container), is stale.
 */
async function isLiveOwner(owner: LockOwner): Promise<boolean> {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.host && owner.host !== os.hostname()) return true; // another machine on a shared disk: cannot tell, so respect it
  const boot = await bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false;
  if (owner.pid === process.pid) return false; // not held here (see heldHere), so an earlier life of this PID
  if (!isAlive(owner.pid)) return false;
  const ticks = await procStartTicks(owner.pid);
  return !(owner.startTicks && ticks && owner.startTicks !== ticks);
}

/** One process owns a data directory; a second one (say, an import while the server runs) is refused. */
async function acquireLock(dataDir: string, log: (entry: Record<string, unknown>) => void): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, LOCK);
  const dir = path.resolve(dataDir);
  if (heldHere.has(dir)) throw new Error(`Datakatalogen ${dataDir} är redan öppen i den här processen.`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify(await ownerOf(process.pid)));
      await handle.close();
      heldHere.add(dir);
      return async () => {
        heldHere.delete(dir);
        await fs.rm(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const text = await fs.readFile(lockPath, 'utf8').catch(() => '');
      let owner: LockOwner;
      try {
        owner = text.trim().startsWith('{') ? (JSON.parse(text) as LockOwner) : { pid: Number(text) };
      } catch {
        owner = { pid: 0 };
      }
      if (await isLiveOwner(owner))
        throw new Error(`Datakatalogen ${dataDir} används redan av en annan process (pid ${owner.pid}). Stoppa servern först.`, { cause: err });
      log({ message: `inbyggd Cosmos: låset i ${dataDir} var kvar från en process som inte längre finns (pid ${owner.pid}); det tas över` });
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
