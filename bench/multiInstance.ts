/**
 * npm run bench (part): budget questions at 16 concurrent conversations against one bot
 * process, then against three behind a round-robin proxy, all on one shared Cosmos server
 * (npm run cosmos's): turns per second, p50, p99 and Cosmos requests per question.
 */
import path from 'path';
import { startBotProcess, BotProcess } from './coldStart';
import { startEmbeddedCosmos } from '../src/store/embeddedCosmos';
import { startCaptureConnector } from '../test/helpers/captureConnector';
import { roundRobin } from '../test/helpers/roundRobinProxy';
import { teamsMessage } from '../test/helpers/teams';
import { makeTempDir } from '../test/helpers/tempDir';

// One user per conversation: a user has one personal chat (one user in sixteen chats would rewrite its conversation reference every turn).
const userOf = (c: number) => ({ id: `29:bench-${c}`, aadObjectId: `bench-user-${c}`, name: `Bench ${c}` });
const KEY = Buffer.from('bench-multi-instance-key-'.repeat(3)).toString('base64');
const CONVERSATIONS = 16;
const PER_CONVERSATION = 40;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function main() {
  const temp = makeTempDir('finsam-bench-multi-');
  const cosmos = await startEmbeddedCosmos(path.join(temp.dir, 'cosmos'), 0, { key: KEY, log: () => undefined });
  const connector = await startCaptureConnector();
  const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: KEY };
  const bots: BotProcess[] = [await startBotProcess(path.join(temp.dir, 'bot0'), env)];
  const load = async (base: string) => {
    const latencies: number[] = [];
    const requestsBefore = cosmos.requestCount();
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, c) => {
        for (let i = 0; i < PER_CONVERSATION; i += 1) {
          const start = process.hrtime.bigint();
          const res = await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(teamsMessage(connector.url, userOf(c), 'beslutsutrymme 2026?', { conversationId: `multi-${c}` })),
          });
          await res.text();
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    latencies.sort((a, b) => a - b);
    return {
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cosmosPerQuestion: (cosmos.requestCount() - requestsBefore) / latencies.length,
    };
  };
  const rows: string[] = [];
  try {
    await load(`http://127.0.0.1:${bots[0]?.port}`); // warm-up
    const one = await load(`http://127.0.0.1:${bots[0]?.port}`);
    rows.push(`| 1 | ${one.perSecond.toFixed(0)} | ${one.p50.toFixed(1)} | ${one.p99.toFixed(1)} | ${one.cosmosPerQuestion.toFixed(2)} |`);
    bots.push(...(await Promise.all([1, 2].map((i) => startBotProcess(path.join(temp.dir, `bot${i}`), env)))));
    const proxy = await roundRobin(() => bots.map((b) => b.port));
    await load(proxy.url); // warm-up of the new instances
    const three = await load(proxy.url);
    rows.push(
      `| 3 (round-robin proxy) | ${three.perSecond.toFixed(0)} | ${three.p50.toFixed(1)} | ${three.p99.toFixed(1)} | ${three.cosmosPerQuestion.toFixed(2)} |`,
    );
    await proxy.close();
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await connector.close();
    await cosmos.close();
    temp.cleanup();
  }
  console.log(`\nBudget questions, ${CONVERSATIONS} concurrent conversations × ${PER_CONVERSATION}, bot processes on one shared Cosmos server:`);
  console.log('| bot instances | questions/s | p50 ms | p99 ms | Cosmos requests per question |');
  console.log('|---|---|---|---|---|');
  rows.forEach((r) => console.log(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
