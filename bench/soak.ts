/**
 * npm run soak: the bot under steady load with faults, bounded and on loopback only.
 * SOAK_SECONDS (default 300) at SOAK_RATE turns/s (default 50): 95 % budget questions from
 * board members, 5 % avvikelse filings; the embedded Cosmos refuses SOAK_FAULTS (default
 * 10 %) of its requests with 429 or 503. Prints per minute turns, p50/p99, RSS and errors,
 * then waits one repair period and checks: every acknowledged filing present once with its
 * Dnr and its decider told, the Dnr sequence gap-free, nothing half-done.
 */
import { randomUUID } from 'crypto';
import { startBot } from '../test/helpers/runningBot';
import { adaptiveCardInvoke, teamsMessage, cardTexts } from '../test/helpers/teams';
import { requestFaultsForTests } from '../src/store/embeddedCosmos';

const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const rate = Number(process.env.SOAK_RATE ?? 50);
const faultShare = Number(process.env.SOAK_FAULTS ?? 0.1);
const repairMs = 5000;

const board = { id: '29:board', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Styrelseledamot (demo)' };
const lead = { id: '29:d2', aadObjectId: '00000000-0000-0000-0000-0000000000d2', name: 'Insatsansvarig (demo)' };
const chef = { id: '29:chef', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Förbundschef (demo)' };
const QUESTIONS = ['beslutsutrymme 2026?', 'vad kostar Växtkraft 2026?', 'resultat 2027 enligt budget', 'förbrukningsgrad 2025', 'vilka insatser slutar i år?'];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const bot = await startBot({ CLOCK_DATE: '2026-11-23', REPAIR_INTERVAL_MS: String(repairMs), REPAIR_GRACE_MS: '2000' });
  const chefChat = `a:chat-${chef.id}`;
  await bot.post(teamsMessage(bot.connector.url, chef, 'hjälp', { conversationId: chefChat }));
  requestFaultsForTests.refuse = () => (Math.random() < faultShare ? (Math.random() < 0.5 ? 429 : 503) : undefined);

  const acknowledged = new Map<string, string>(); // formId → Dnr
  const refusedFilings: string[] = [];
  const receivedFilings: string[] = []; // stored, Dnr or notification still to come from the repair
  let minute = { turns: 0, errors: 0, latencies: [] as number[] };
  const minutes: { turns: number; errors: number; p50: number; p99: number; rssMb: number }[] = [];
  const started = Date.now();
  const closeMinute = () => {
    const sorted = [...minute.latencies].sort((a, b) => a - b);
    const row = {
      turns: minute.turns,
      errors: minute.errors,
      p50: Math.round(percentile(sorted, 50)),
      p99: Math.round(percentile(sorted, 99)),
      rssMb: mb(process.memoryUsage().rss),
    };
    minutes.push(row);
    console.log(`minute ${minutes.length}: ${row.turns} turns, p50 ${row.p50} ms, p99 ${row.p99} ms, RSS ${row.rssMb} MB, errors ${row.errors}`);
    minute = { turns: 0, errors: 0, latencies: [] };
  };

  const turn = async (i: number) => {
    const t0 = performance.now();
    try {
      if (i % 20 === 0) {
        const formId = randomUUID();
        const res = await bot.post(
          adaptiveCardInvoke(
            bot.connector.url,
            lead,
            'submitDeviation',
            { formId, initiativeId: 'forstarkt-stod', kind: 'method', reason: `Metodändring ${i}.`, position: 'Styrgruppen tillstyrker.' },
            `a:chat-${lead.id}`,
          ),
        );
        const shown = typeof res.body?.value === 'string' ? res.body.value : cardTexts(res.body?.value).join('\n');
        const dnr = /Dnr 2026:\d+/.exec(shown)?.[0];
        if (res.status !== 200) minute.errors += 1;
        else if (dnr) acknowledged.set(formId, dnr);
        else if (/Inget sparades/.test(shown)) refusedFilings.push(formId);
        else if (/mottagen men kunde inte diarieföras/.test(shown)) receivedFilings.push(formId);
        else minute.errors += 1;
      } else {
        const res = await bot.post(teamsMessage(bot.connector.url, board, QUESTIONS[i % QUESTIONS.length] as string, { conversationId: `a:board-${i % 8}` }));
        if (res.status !== 200) minute.errors += 1;
      }
    } catch {
      minute.errors += 1;
    }
    minute.turns += 1;
    minute.latencies.push(performance.now() - t0);
  };

  // Open loop: a turn every 1/rate s whatever the answers take, as real users would.
  const inFlight = new Set<Promise<void>>();
  let i = 0;
  let nextMinute = started + 60_000;
  while (Date.now() - started < seconds * 1000) {
    const p = turn(i).finally(() => inFlight.delete(p));
    inFlight.add(p);
    i += 1;
    if (Date.now() >= nextMinute) {
      closeMinute();
      nextMinute += 60_000;
    }
    // The capture connector keeps what it receives; keep only the förbundschef's chat, which the check reads.
    if (i % 500 === 0) {
      const kept = bot.connector.activities.filter((a) => a.conversationId === chefChat);
      bot.connector.activities.splice(0, bot.connector.activities.length, ...kept);
    }
    const due = started + (i * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  }
  await Promise.all(inFlight);
  if (minute.turns > 0) closeMinute();

  // Faults off: the background repair (its backoff after the faults at most 5 periods) finishes what they left half-done.
  delete requestFaultsForTests.refuse;
  const { openCosmosStore } = await import('../src/store/cosmosStore');
  const { cosmosRepositories } = await import('../src/store/repositories');
  const live = cosmosRepositories(bot.app.store);
  const faultsOff = Date.now();
  while (Date.now() - faultsOff < 6 * repairMs + 5000 && (await live.deviations.listUnfinished()).length > 0) await new Promise((r) => setTimeout(r, 500));
  const settledMs = Date.now() - faultsOff;
  const dataDir = bot.dataDir;
  await bot.app.close();
  const store = await openCosmosStore({ database: 'finsam', dataDir });
  const repos = cosmosRepositories(store);
  const all = await repos.deviations.listByStatus('uppsala', ['registreras', 'inlämnad']);
  const unfinished = await repos.deviations.listUnfinished();
  await store.close();
  await bot.connector.close();

  const byForm = new Map(all.map((d) => [d.id.replace(/^avvikelse-/, ''), d]));
  const lost = [...acknowledged].filter(([formId, dnr]) => byForm.get(formId)?.dnr !== dnr);
  const receivedLost = receivedFilings.filter((formId) => !byForm.get(formId)?.dnr);
  const numbers = all
    .map((d) => Number(/Dnr 2026:(\d+)/.exec(d.dnr ?? '')?.[1]))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const gapFree = numbers.every((n, k) => n === k + 1) && new Set(numbers).size === numbers.length;
  const told = new Set(
    bot.connector
      .for(chefChat)
      .map((a) => /Avvikelse (Dnr 2026:\d+)/.exec(JSON.stringify(a))?.[1])
      .filter(Boolean),
  );
  const untold = all.filter((d) => !d.dnr || !told.has(d.dnr));
  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  console.log(
    `\n${i} turns in ${seconds} s; filings acknowledged with Dnr ${acknowledged.size}, received (Dnr to follow) ${receivedFilings.length}, answered "Inget sparades" ${refusedFilings.length}; filings stored ${all.length}`,
  );
  console.log(`all finished ${(settledMs / 1000).toFixed(1)} s after the faults stopped (repair period ${repairMs / 1000} s, backoff up to 5 periods)`);
  console.log(
    `acknowledged filings lost: ${lost.length + receivedLost.length}; Dnr 1–${numbers.length} gap-free: ${gapFree}; filings without their decider told: ${untold.length}; half-done after one repair period: ${unfinished.length}`,
  );
  if (first && last)
    console.log(
      `p99 first/last minute: ${first.p99}/${last.p99} ms (${(last.p99 / Math.max(1, first.p99)).toFixed(2)}×); RSS max ${Math.max(...minutes.map((m) => m.rssMb))} MB`,
    );
  const ok = lost.length === 0 && receivedLost.length === 0 && gapFree && untold.length === 0 && unfinished.length === 0;
  console.log(ok ? 'CONSISTENT' : 'INCONSISTENT');
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
