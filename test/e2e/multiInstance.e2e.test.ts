import assert from 'assert/strict';
import path from 'path';
import { BotProcess, startBotProcess } from '../../bench/coldStart';
import { EmbeddedCosmos, startEmbeddedCosmos } from '../../src/store/embeddedCosmos';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmosStore';
import { CaptureConnector, startCaptureConnector } from '../helpers/captureConnector';
import { TeamsUser, adaptiveCardInvoke, teamsMessage } from '../helpers/teams';
import { chatOf, texts } from '../helpers/chat';
import { makeTempDir } from '../helpers/tempDir';
import { roundRobin } from '../helpers/roundRobinProxy';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const lead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const lead2 = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig Lokussamordnare Älvkarleby och Förstärkt stöd (demo)');
const KEY = Buffer.from('multi-instance-test-key-'.repeat(3)).toString('base64');
const JOBS_KEY = 'flera-instanser-nyckel';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');

describe('three bot instances on one shared Cosmos (npm run cosmos)', function () {
  this.timeout(180_000);
  let temp: { dir: string; cleanup(): void };
  let cosmos: EmbeddedCosmos;
  let store: CosmosStore;
  let connector: CaptureConnector;
  let bots: BotProcess[] = [];
  let alive: BotProcess[] = [];
  let proxy: { url: string; close(): Promise<void> };

  const post = async (base: string, activity: unknown) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const at = (i: number) => `http://127.0.0.1:${(bots[i] as BotProcess).port}`;
  /** A message in the user's personal chat through one instance; the cards it answered with. */
  const say = async (base: string, u: TeamsUser, text: string) => {
    const before = connector.for(chatOf(u)).length;
    assert.equal((await post(base, teamsMessage(connector.url, u, text, { conversationId: chatOf(u) }))).status, 200);
    return connector
      .for(chatOf(u))
      .slice(before)
      .map((a) => a.attachments?.[0]?.content)
      .filter(Boolean);
  };
  const click = async (base: string, u: TeamsUser, verb: string, data: Record<string, unknown>) =>
    post(base, adaptiveCardInvoke(connector.url, u, verb, data, chatOf(u)));
  const cases = async () =>
    (await store.container('cases').items.query<Record<string, any>>('SELECT * FROM c WHERE c.type = "deviation"').fetchAll()).resources;

  before(async () => {
    temp = makeTempDir('finsam-multi-');
    cosmos = await startEmbeddedCosmos(path.join(temp.dir, 'cosmos'), 0, { key: KEY, log: () => undefined });
    connector = await startCaptureConnector();
    const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: KEY, CLOCK_DATE: '2026-10-27', JOBS_KEY, REPAIR_INTERVAL_MS: '300', REPAIR_GRACE_MS: '0' };
    // The first seeds the demo data into the shared store; the others find it there.
    bots = [await startBotProcess(path.join(temp.dir, 'bot0'), env)];
    bots.push(...(await Promise.all([1, 2].map((i) => startBotProcess(path.join(temp.dir, `bot${i}`), env)))));
    alive = [...bots];
    proxy = await roundRobin(() => alive.map((b) => b.port));
    store = await openCosmosStore({ endpoint: cosmos.endpoint, key: KEY, database: 'finsam', dataDir: temp.dir });
    for (const [i, u] of [chef, lead, lead2, board].entries()) await say(at(i % 3), u, 'hjälp');
  });

  after(async () => {
    await proxy?.close();
    await Promise.all(alive.map((b) => b.stop()));
    await store?.close();
    await connector?.close();
    await cosmos?.close();
    temp?.cleanup();
  });

  it('answers a follow-up on another instance than the question', async () => {
    const [first] = await say(at(0), board, 'beslutsutrymme 2026?');
    assert.match(plain(texts(first)), /3 038 tkr/);
    const [followUp] = await say(at(1), board, 'och 2027?');
    assert.match(plain(texts(followUp)), /Kvarvarande beslutsutrymme, [^\n]*2027/);
    const [explained] = await say(at(2), board, 'hur räknas det?');
    assert.match(plain(texts(explained)), /2027/);
  });

  it('takes a form from one instance and its submission on another', async () => {
    const [form] = await say(at(0), lead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId;
    const res = await click(at(1), lead, 'submitDeviation', {
      formId,
      initiativeId: 'vaxtkraft',
      kind: 'budget-move',
      amount: '10 tkr',
      fromYear: '2026',
      reason: 'Vakans.',
      position: 'Styrgruppen tillstyrker.',
    });
    assert.match(texts(res.body.value), /Dnr 2026:\d+/);
  });

  it('resumes on one instance the kvartalsrapport draft saved on another', async () => {
    const [form] = await say(at(0), lead, 'kvartalsrapport');
    const data = form.actions.find((a: any) => a.verb === 'submitReport').data;
    const saved = await click(at(1), lead, 'saveReportDraft', {
      ...data,
      choice_inPhase: 'Delvis',
      comment_inPhase: 'Vakans under hösten.',
      goalFulfilment: 'Halvvägs',
    });
    assert.match(texts(saved.body.value), /Utkastet är sparat/);
    const [resumed] = await say(at(2), lead, 'kvartalsrapport');
    assert.match(texts(resumed), /Du fortsätter utkastet/);
    assert.match(JSON.stringify(resumed), /Vakans under hösten\./);
  });

  it('decides an avvikelse once when twenty approvals arrive at all three instances', async () => {
    const res = await click(at(2), lead, 'submitDeviation', {
      formId: 'twentyapprovalsform',
      initiativeId: 'vaxtkraft',
      kind: 'budget-move',
      amount: '5 tkr',
      fromYear: '2026',
      reason: 'Vakans.',
      position: 'Ja.',
    });
    const caseId = res.body.value.actions.find((a: any) => a.data?.caseId).data.caseId;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => click(proxy.url, chef, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'Ja.' })),
    );
    assert.ok(answers.every((a) => a.status === 200 && a.body.statusCode === 200));
    const numbers = new Set(answers.flatMap((a) => [...JSON.stringify(a.body.value).matchAll(/D 2026:\d+/g)].map((m) => m[0])));
    assert.equal(numbers.size, 1, `one D-number: ${[...numbers].join(', ')}`);
    const decided = (await cases()).filter((c) => c.id === caseId);
    assert.equal(decided[0]?.decision?.number, [...numbers][0]);
  });

  it('gives fifty filings spread over the instances fifty Dnr without a gap', async () => {
    const formIds = Array.from({ length: 50 }, (_, i) => `spreadfiling${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    const answers = await Promise.all(
      formIds.map((formId) =>
        click(proxy.url, lead, 'submitDeviation', {
          formId,
          initiativeId: 'vaxtkraft',
          kind: 'budget-return',
          amount: '1 tkr',
          fromYear: '2026',
          reason: 'Lägre kostnad.',
          position: 'Ja.',
        }),
      ),
    );
    const dnr = answers.map((a) => Number(/Dnr 2026:(\d+)/.exec(JSON.stringify(a.body.value))?.[1])).sort((a, b) => a - b);
    assert.equal(new Set(dnr).size, 50);
    assert.equal((dnr[49] as number) - (dnr[0] as number), 49, `gap-free: ${dnr.join(' ')}`);
    const stored = new Set((await cases()).map((c) => c.dnr));
    assert.ok(
      dnr.every((n) => stored.has(`Dnr 2026:${n}`)),
      'every Dnr answered is stored',
    );
  });

  it('sends each reminder once when the job starts on all three at once', async () => {
    const runs = await Promise.all(
      bots.map((b) =>
        fetch(`http://127.0.0.1:${b.port}/api/jobs/reminders`, { method: 'POST', headers: { authorization: `Bearer ${JOBS_KEY}` } }).then(
          (r) => r.json() as Promise<Record<string, number>>,
        ),
      ),
    );
    // The two insatsansvariga (the kansli, whom the bot has not met here, cannot be reached).
    assert.equal(
      runs.reduce((sum, r) => sum + (r.sent ?? 0), 0),
      2,
      JSON.stringify(runs),
    );
    for (const u of [lead, lead2]) assert.equal(connector.for(chatOf(u)).filter((a) => /Påminnelse/.test(a.summary ?? '')).length, 1, u.name);
  });

  it('loses nothing acknowledged when an instance is killed with SIGKILL under load; the others carry on and finish what it left', async () => {
    const victim = bots[2] as BotProcess;
    const formIds = Array.from({ length: 30 }, (_, i) => `killedload${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    const pending = formIds.map((formId, i) =>
      new Promise((r) => setImmediate(r)).then(() => {
        if (i === 10) process.kill(victim.pid, 'SIGKILL');
        return click(proxy.url, lead, 'submitDeviation', {
          formId,
          initiativeId: 'vaxtkraft',
          kind: 'budget-return',
          amount: '1 tkr',
          fromYear: '2026',
          reason: 'Lägre kostnad.',
          position: 'Ja.',
        }).catch(() => ({ status: 0, body: undefined }));
      }),
    );
    const answers = await Promise.all(pending);
    alive = bots.filter((b) => b !== victim);
    const acknowledged = answers.flatMap((a) => {
      const m = /Dnr 2026:\d+/.exec(JSON.stringify(a.body?.value ?? ''));
      return a.status === 200 && m ? [m[0]] : [];
    });
    assert.ok(acknowledged.length >= 10, `${acknowledged.length} acknowledged`);
    const all = await cases();
    for (const dnr of acknowledged)
      assert.ok(
        all.some((c) => c.dnr === dnr),
        `${dnr} is stored`,
      );
    // The survivors answer, and their background repair leaves no filing without its Dnr.
    const [answer] = await say(proxy.url, board, 'beslutsutrymme 2027?');
    assert.match(plain(texts(answer)), /tkr/);
    for (let i = 0; i < 100 && (await cases()).some((c) => !c.dnr); i += 1) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      (await cases()).filter((c) => !c.dnr).map((c) => c.id),
      [],
    );
  });
});
