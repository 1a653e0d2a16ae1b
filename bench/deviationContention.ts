/**
 * npm run bench (second part): what concurrency costs in the avvikelse flow. N people
 * file at the same moment (one Dnr sequence, optimistic concurrency with jittered
 * retries), and twenty clicks approve one avvikelse at once (one ETag-guarded write wins).
 */
import { randomUUID } from 'crypto';
import { startBot } from '../test/helpers/runningBot';
import { adaptiveCardInvoke, teamsMessage } from '../test/helpers/teams';

const FILER = { id: '29:d1', aadObjectId: '00000000-0000-0000-0000-0000000000d1', name: 'Insatsansvarig' };
const CHEF = { id: '29:c1', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Förbundschef' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const bot = await startBot({ CLOCK_DATE: '2026-11-23' });
  const embedded = bot.app.store.embedded;
  if (!embedded) throw new Error('the bench needs the embedded store');
  await bot.post(teamsMessage(bot.connector.url, CHEF, 'hjälp', { conversationId: 'a:chef' }));
  const file = async () => {
    const res = await bot.post(
      adaptiveCardInvoke(
        bot.connector.url,
        FILER,
        'submitDeviation',
        { formId: randomUUID(), initiativeId: 'vaxtkraft', kind: 'method', reason: 'Ny metod.', position: 'Tillstyrks.' },
        'a:filer',
      ),
    );
    const caseId = res.body?.value?.refresh?.action?.data?.caseId as string | undefined;
    if (!caseId) throw new Error(`filing failed: ${JSON.stringify(res.body).slice(0, 300)}`);
    return caseId;
  };
  const approve = (caseId: string) =>
    bot.post(adaptiveCardInvoke(bot.connector.url, CHEF, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'Ok.' }, 'a:chef'));
  const timed = async <T>(work: () => Promise<T>) => {
    const requests = embedded.requestCount();
    const t0 = process.hrtime.bigint();
    const result = await work();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, requests: embedded.requestCount() - requests, result };
  };

  for (let i = 0; i < 10; i += 1) await approve(await file()); // warm up

  console.log('| simultaneous filings | wall ms (median of 5) | ms per filing | Cosmos requests per filing |');
  console.log('|---|---|---|---|');
  for (const n of [1, 10, 50]) {
    const runs = [];
    for (let r = 0; r < 5; r += 1) runs.push(await timed(() => Promise.all(Array.from({ length: n }, file))));
    const ms = median(runs.map((x) => x.ms));
    console.log(`| ${n} | ${ms.toFixed(0)} | ${(ms / n).toFixed(1)} | ${median(runs.map((x) => x.requests / n)).toFixed(1)} |`);
  }

  const single = [];
  for (let i = 0; i < 20; i += 1) {
    const caseId = await file();
    single.push(await timed(() => approve(caseId)));
  }
  const burst = [];
  for (let i = 0; i < 5; i += 1) {
    const caseId = await file();
    burst.push(await timed(() => Promise.all(Array.from({ length: 20 }, () => approve(caseId)))));
  }
  console.log(`\nOne approval: median ${median(single.map((x) => x.ms)).toFixed(1)} ms, ${median(single.map((x) => x.requests))} Cosmos requests.`);
  console.log(
    `Twenty simultaneous approvals of one avvikelse: median ${median(burst.map((x) => x.ms)).toFixed(0)} ms for all twenty, ${median(burst.map((x) => x.requests))} Cosmos requests.`,
  );
  await bot.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
