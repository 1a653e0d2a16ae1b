/**
 * npm run bench: latency of a "beslutsutrymme 2026?" turn next to a "ping" echo turn
 * on the same stack (restify, CloudAdapter, card rendering, capture connector), at
 * 1 and 16 concurrent conversations; Cosmos requests per question; peak memory.
 */
import { readFileSync } from 'fs';
import { startBot } from '../test/helpers/runningBot';
import { startCaptureConnector } from '../test/helpers/captureConnector';
import { teamsMessage } from '../test/helpers/teams';
import { makeTempDir } from '../test/helpers/tempDir';
import { startBotProcess } from './coldStart';

// A board member of the demo roles: the one who asks budget questions (a stranger would cost an invitation check too).
const USER = { id: '29:bench', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Styrelseledamot (demo)' };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const ROUNDS = 5;

interface Latencies {
  /** Until the HTTP answer to /api/messages: the whole turn, the reading stored included. */
  readonly turn: number[];
  /** Until the reply reached the connector: what the user waits for. */
  readonly reply: number[];
}

async function main() {
  const bot = await startBot({ DEMO_DATA: 'on' });
  const embedded = bot.app.store.embedded;
  if (!embedded) throw new Error('the bench needs the embedded store');
  const turn = async (text: string, conversationId: string, into: Latencies) => {
    const seen = bot.connector.activities.length;
    const t0 = process.hrtime.bigint();
    const res = await bot.post(teamsMessage(bot.connector.url, USER, text, { conversationId }));
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    into.turn.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const reply = bot.connector.activities.slice(seen).find((a) => a.conversationId === conversationId);
    if (!reply?.receivedAt) throw new Error('no reply reached the connector');
    into.reply.push(Number(reply.receivedAt - t0) / 1e6);
  };
  const run = async (text: string, concurrency: number, perConversation: number): Promise<Latencies> => {
    const into: Latencies = { turn: [], reply: [] };
    await Promise.all(
      Array.from({ length: concurrency }, async (_, c) => {
        for (let i = 0; i < perConversation; i += 1) await turn(text, `bench-${c}`, into);
      }),
    );
    into.turn.sort((a, b) => a - b);
    into.reply.sort((a, b) => a - b);
    return into;
  };

  await run('beslutsutrymme 2026?', 4, 25); // warm up JIT, connections, SDK caches
  await run('ping', 4, 25);

  const questions = 200;
  const countRequests = async (text: string) => {
    const [requests, writes] = [embedded.requestCount(), embedded.writeCount()];
    await run(text, 1, questions);
    const written = (embedded.writeCount() - writes) / questions;
    return { all: (embedded.requestCount() - requests) / questions, reads: (embedded.requestCount() - requests) / questions - written, writes: written };
  };
  const perQuestion = await countRequests('beslutsutrymme 2026?');
  const perEcho = await countRequests('ping');

  // Question and echo alternate within each round, so a noisy neighbour slows both; the medians of the rounds are printed.
  const rows: string[] = [];
  for (const concurrency of [1, 16]) {
    const per = concurrency === 1 ? 300 : 40;
    const rounds: Record<string, number>[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const question = await run('beslutsutrymme 2026?', concurrency, per);
      const echo = await run('ping', concurrency, per);
      rounds.push({
        q50: percentile(question.turn, 50),
        e50: percentile(echo.turn, 50),
        q99: percentile(question.turn, 99),
        e99: percentile(echo.turn, 99),
        r50: percentile(question.turn, 50) / percentile(echo.turn, 50),
        r99: percentile(question.turn, 99) / percentile(echo.turn, 99),
        reply50: percentile(question.reply, 50) / percentile(echo.reply, 50),
      });
    }
    const m = (k: string) => median(rounds.map((x) => x[k] as number));
    const spread = (k: string) => `${Math.min(...rounds.map((x) => x[k] as number)).toFixed(2)}–${Math.max(...rounds.map((x) => x[k] as number)).toFixed(2)}`;
    rows.push(
      `| ${concurrency} | ${ROUNDS} × ${concurrency * per} | ${m('q50').toFixed(2)} / ${m('e50').toFixed(2)} | **${m('r50').toFixed(2)}×** (${spread('r50')}) | ${m('q99').toFixed(2)} / ${m('e99').toFixed(2)} | ${m('r99').toFixed(2)}× (${spread('r99')}) | ${m('reply50').toFixed(2)}× (${spread('reply50')}) |`,
    );
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await bot.stop();
  const botRss = await botProcessRss();
  console.log(
    '| concurrent conversations | turns per kind | turn p50 ms, question / echo | question/echo p50 (median of rounds, range) | turn p99 ms, question / echo | question/echo p99 | time to the reply, question/echo p50 |',
  );
  console.log('|---|---|---|---|---|---|---|');
  rows.forEach((r) => console.log(r));
  const split = (c: typeof perQuestion) => `${c.all.toFixed(2)} (${c.reads.toFixed(2)} reads, ${c.writes.toFixed(2)} writes)`;
  console.log(`\nCosmos requests per "beslutsutrymme 2026?" question: ${split(perQuestion)}; per echo turn: ${split(perEcho)}`);
  console.log(`Reads the question makes beyond the echo turn's: ${(perQuestion.reads - perEcho.reads).toFixed(2)}`);
  console.log(`Peak RSS of this process (bot + embedded Cosmos + this client): ${peakRssMb.toFixed(0)} MB`);
  console.log(
    `RSS of the bot's own process (node dist/src/index.js with its embedded Cosmos) under the same load: ${botRss.afterMb.toFixed(0)} MB after, ${botRss.peakMb.toFixed(0)} MB peak`,
  );
}

/** The same load against the bot as its own process (what App Service runs), reading its RSS from /proc. */
async function botProcessRss(): Promise<{ afterMb: number; peakMb: number }> {
  const temp = makeTempDir('finsam-bench-rss-');
  const connector = await startCaptureConnector();
  const bot = await startBotProcess(temp.dir);
  try {
    const post = async (text: string, conversationId: string) => {
      const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsMessage(connector.url, USER, text, { conversationId })),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.text();
    };
    for (const [concurrency, per] of [
      [1, 300],
      [16, 40],
    ] as const) {
      for (const text of ['beslutsutrymme 2026?', 'ping']) {
        await Promise.all(
          Array.from({ length: concurrency }, async (_, c) => {
            for (let i = 0; i < per; i += 1) await post(text, `rss-${c}`);
          }),
        );
      }
    }
    const status = readFileSync(`/proc/${bot.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { afterMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } finally {
    await bot.stop();
    await connector.close();
    temp.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
