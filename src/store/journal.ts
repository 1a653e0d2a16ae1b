import { promises as fs } from 'fs';
import { crc32 } from 'zlib';

/**
 * Each record is one line: `J1 <bytes> <crc32> <json>`. The length and checksum catch
 * a torn write and a line that is corrupt yet still valid JSON (which would otherwise
 * be replayed as a real write).
 */
const MAGIC = 'J1';

export function encodeRecord(record: unknown): string {
  const json = JSON.stringify(record);
  return `${MAGIC} ${Buffer.byteLength(json)} ${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/** The record of one line, or why it is not one. Lines of the older format (bare JSON) are read as they are. */
export function decodeRecord(line: string): { ok: true; record: unknown } | { ok: false; reason: string } {
  try {
    if (line.startsWith('{')) return { ok: true, record: JSON.parse(line) };
    const match = /^J1 (\d+) ([0-9a-f]{8}) (.*)$/s.exec(line);
    if (!match) return { ok: false, reason: 'no record header' };
    const json = match[3] as string;
    if (Buffer.byteLength(json) !== Number(match[1])) return { ok: false, reason: `length ${Buffer.byteLength(json)}, header says ${match[1]}` };
    if (crc32(json).toString(16).padStart(8, '0') !== match[2]) return { ok: false, reason: 'checksum mismatch' };
    return { ok: true, record: JSON.parse(json) };
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
}

/** Fault injection for tests (a full disk); production never sets it. */
export interface JournalFaults {
  /** Called before each write with the bytes about to be written; may write part of them and throw. */
  beforeWrite?: (handle: fs.FileHandle, bytes: Buffer, position: number) => Promise<void>;
}

export class JournalUnavailableError extends Error {
  override readonly name = 'JournalUnavailableError';
}

/**
 * An append-only record file with group commit: records appended while a flush is under
 * way are written and fsynced together, and append() resolves only once its record is on
 * disk. After a failed write the journal refuses every append (its owner must reload
 * what is on disk) until reopen() has cut the partial tail and proved the disk writable.
 */
export class Journal {
  private pending: { bytes: Buffer; done: (err?: Error) => void }[] = [];
  private flushing = false;
  private failure?: Error;

  private constructor(
    private readonly handle: fs.FileHandle,
    private size: number,
    private readonly faults: JournalFaults,
  ) {}

  static async open(path: string, faults: JournalFaults = {}): Promise<Journal> {
    const handle = await fs.open(path, 'r+').catch(async (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fs.open(path, 'w+');
      throw err;
    });
    const { size } = await handle.stat();
    return new Journal(handle, size, faults);
  }

  /** Undefined while writable; the error that stopped it otherwise. */
  get failed(): Error | undefined {
    return this.failure;
  }

  append(record: unknown): Promise<void> {
    if (this.failure) return Promise.reject(new JournalUnavailableError(`journal not writable: ${this.failure.message}`));
    return new Promise((resolve, reject) => {
      this.pending.push({ bytes: Buffer.from(encodeRecord(record)), done: (err) => (err ? reject(err) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      if (this.failure) {
        const err = new JournalUnavailableError(`journal not writable: ${this.failure.message}`);
        batch.forEach((b) => b.done(err));
        continue;
      }
      const bytes = Buffer.concat(batch.map((b) => b.bytes));
      try {
        await this.writeAt(bytes, this.size);
        await this.handle.datasync();
        this.size += bytes.length;
        batch.forEach((b) => b.done());
      } catch (err) {
        this.failure = err as Error;
        batch.forEach((b) => b.done(err as Error));
      }
    }
    this.flushing = false;
  }

  private async writeAt(bytes: Buffer, position: number): Promise<void> {
    await this.faults.beforeWrite?.(this.handle, bytes, position);
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, position + written);
      written += bytesWritten;
    }
  }

  /**
   * After a failure: cuts whatever part of the failed batch reached the file and writes a
   * marker record, so the disk is known to take writes again. Throws while it does not.
   */
  async reopen(): Promise<void> {
    if (!this.failure) return;
    while (this.flushing) await new Promise((r) => setImmediate(r));
    await this.handle.truncate(this.size);
    const marker = Buffer.from(encodeRecord({ k: 'resumed', at: new Date().toISOString() }));
    await this.writeAt(marker, this.size);
    await this.handle.datasync();
    this.size += marker.length;
    this.failure = undefined;
  }

  async close(): Promise<void> {
    while (this.flushing || this.pending.length > 0) await new Promise((r) => setImmediate(r));
    // A failed batch may have left part of a line: cut it, so the next start reads a clean file.
    if (this.failure) await this.handle.truncate(this.size).catch(() => undefined);
    await this.handle.close();
  }

  /**
   * Reads every good record. A torn last line (a crash mid-append, never acknowledged) is
   * dropped; any other bad line is handed to `onBad` and skipped, so one damaged record
   * never keeps the store from starting.
   */
  static async readAll(path: string, onBad: (line: string, lineNumber: number, reason: string) => void = () => undefined): Promise<unknown[]> {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const records: unknown[] = [];
    const lines = text.split('\n');
    // Text after the last newline was never completed (and so never acknowledged).
    const complete = lines.slice(0, -1);
    complete.forEach((line, i) => {
      if (line.trim() === '') return;
      const decoded = decodeRecord(line);
      if (decoded.ok) records.push(decoded.record);
      else onBad(line, i + 1, decoded.reason);
    });
    return records;
  }
}

/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path);
  const dir = await fs.open(path.substring(0, path.lastIndexOf('/')) || '.', 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
