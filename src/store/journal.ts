import { promises as fs } from 'fs';

/**
 * An append-only JSON-lines file with group commit: records appended while a
 * flush is under way are written and fsynced together, and append() resolves
 * only once its record is on disk.
 */
export class Journal {
  private pending: { line: string; done: (err?: Error) => void }[] = [];
  private flushing = false;

  private constructor(private readonly handle: fs.FileHandle) {}

  static async open(path: string): Promise<Journal> {
    return new Journal(await fs.open(path, 'a'));
  }

  append(record: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(record)}\n`, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((b) => b.line).join(''));
        await this.handle.datasync();
        batch.forEach((b) => b.done());
      } catch (err) {
        batch.forEach((b) => b.done(err as Error));
      }
    }
    this.flushing = false;
  }

  async close(): Promise<void> {
    while (this.flushing || this.pending.length > 0) await new Promise((r) => setImmediate(r));
    await this.handle.close();
  }

  /** Reads every complete record; a torn last line (a crash mid-append, never acknowledged) is ignored. */
  static async readAll(path: string): Promise<unknown[]> {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const records: unknown[] = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(line));
      } catch (err) {
        if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim() !== '')) throw new Error(`journal ${path} is corrupt at line ${i + 1}`);
      }
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
