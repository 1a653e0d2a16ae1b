/**
 * Cold start: from spawning `node dist/src/index.js` (what App Service runs) to a 200 from
 * /healthz, with the embedded store and the demo data already on disk. One start seeds the
 * data, then five measured starts; prints each and the median. Also runnable alone:
 * `node dist/bench/coldStart.js`.
 */
import { spawn } from 'child_process';
import { readFileSync } from 'fs';
import { createServer } from 'net';
import path from 'path';
import { makeTempDir } from '../test/helpers/tempDir';

/** The project root (this file runs from dist/bench). */
const ROOT = path.resolve(__dirname, '../..');
/** Node's arguments exactly as `npm start` (and App Service) give them: the heap flags and the entry. */
const START_ARGS: readonly string[] = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .slice(1)
  .map((arg) => (arg.startsWith('-') ? arg : path.join(ROOT, arg)));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BotProcess {
  readonly port: number;
  readonly pid: number;
  readonly ms: number;
  readonly warnings: string;
  stop(): Promise<void>;
}

/** Starts the bot as `npm start` does, as its own process, and resolves once /healthz answers 200 (after its "listening" log line). */
export async function startBotProcess(dataDir: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...START_ARGS], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'on',
      BOT_ID: '',
      COSMOS_ENDPOINT: '',
      APPLICATIONINSIGHTS_CONNECTION_STRING: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Boten lyssnar på')) resolve();
      });
      void exited.then((code) => reject(new Error(`the bot exited (${code}) before it was ready: ${stderr}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const warnings = stderr
      .split('\n')
      .filter((l) => /warning|deprecat/i.test(l) && !/LOCAL ANONYMOUS MODE/.test(l))
      .join('\n');
    return {
      port,
      pid: child.pid as number,
      ms,
      warnings,
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (err) {
    child.kill('SIGTERM');
    await exited;
    throw err;
  }
}

async function startOnce(dataDir: string): Promise<{ ms: number; warnings: string }> {
  const bot = await startBotProcess(dataDir);
  await bot.stop();
  return bot;
}

export async function measureColdStart(runs = 5): Promise<{ runsMs: number[]; medianMs: number; warnings: string }> {
  const temp = makeTempDir('finsam-coldstart-');
  try {
    await startOnce(temp.dir); // seeds the demo data, so the measured starts find it present
    const runsMs: number[] = [];
    let warnings = '';
    for (let i = 0; i < runs; i += 1) {
      const r = await startOnce(temp.dir);
      runsMs.push(r.ms);
      warnings ||= r.warnings;
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] as number, warnings };
  } finally {
    temp.cleanup();
  }
}

if (require.main === module) {
  measureColdStart()
    .then(({ runsMs, medianMs, warnings }) => {
      console.log(
        `Cold start, node dist/src/index.js to 200 from /healthz (Node ${process.versions.node}, data present): median ${medianMs.toFixed(0)} ms of ${runsMs.map((m) => m.toFixed(0)).join(', ')} ms`,
      );
      if (warnings) console.log(`Warnings at start:\n${warnings}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
