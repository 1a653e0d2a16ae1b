import assert from 'assert/strict';
import { spawn } from 'child_process';
import path from 'path';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf, texts } from '../helpers/chat';
import { TeamsUser } from '../helpers/teams';
import { CaptureConnector } from '../helpers/captureConnector';
import { reportFields } from './reportFields';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const alvkarlebyLead = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig Älvkarleby (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const JOBS_KEY = 'test-nyckel-för-timern';
const ENTRY = path.resolve(__dirname, '../../src/jobs/remindCli.js');

describe('kvartalsrapport reminders: npm run remind and the timer endpoint', function () {
  let bot: BotUnderTest;
  const { say } = chat(() => bot);

  async function startAt(date: string, dataDir?: string, connector?: CaptureConnector) {
    bot = await startBot({ CLOCK_DATE: date, JOBS_KEY, REMINDER_DAYS_BEFORE: '7' }, dataDir, connector);
  }
  const runJob = async (authorization = `Bearer ${JOBS_KEY}`) => {
    const res = await fetch(`${bot.baseUrl}/api/jobs/reminders`, { method: 'POST', headers: { authorization } });
    return { status: res.status, body: (await res.json()) as Record<string, number> };
  };
  const remindersTo = (u: TeamsUser) => bot.connector.for(chatOf(u)).filter((a) => /Påminnelse|försenad|utan insatsansvarig/.test(a.summary ?? ''));

  before(async () => {
    // 27 October 2026: four days before kvartal 3's deadline (31 October).
    await startAt('2026-10-27');
    for (const u of [vaxtkraftLead, alvkarlebyLead, kansli]) await say(u, 'hjälp');
  });
  after(async () => {
    await bot.stop();
  });

  it('refuses the endpoint without the key, or with a wrong one', async () => {
    assert.equal((await runJob('')).status, 401);
    assert.equal((await runJob('Bearer fel-nyckel')).status, 401);
    assert.equal(remindersTo(vaxtkraftLead).length, 0);
  });

  it('reminds each insatsansvarig once before the deadline, even when the job runs twice, retrying a 429', async () => {
    bot.connector.throttle(chatOf(alvkarlebyLead), 1);
    const first = await runJob();
    assert.equal(first.status, 200);
    // The two insatsansvariga, and the kansli for the insatser that have none.
    assert.deepEqual(first.body, { planned: 3, sent: 3, alreadySent: 0, unreachable: 0, failed: 0 });
    assert.equal(bot.connector.throttled(), 1, 'Teams said 429 once');
    const second = await runJob();
    assert.deepEqual(second.body, { planned: 3, sent: 0, alreadySent: 3, unreachable: 0, failed: 0 });
    const toKansli = remindersTo(kansli);
    assert.equal(toKansli.length, 1);
    const kansliText = texts(toKansli[0].attachments[0].content);
    assert.match(kansliText, /Kvartalsrapport kvartal 3 2026 saknas för insatser utan insatsansvarig/);
    assert.match(kansliText, /Bryggan \(Östhammar\)/);
    assert.doesNotMatch(kansliText, /Växtkraft|Förstärkt stöd/);
    assert.deepEqual(
      toKansli[0].attachments[0].content.actions.map((a: any) => a.verb),
      ['openPersonForm'],
    );

    const [toVaxtkraft] = remindersTo(vaxtkraftLead);
    assert.equal(remindersTo(vaxtkraftLead).length, 1);
    assert.match(texts(toVaxtkraft.attachments[0].content), /Påminnelse: kvartalsrapport kvartal 3 2026 senast 31 oktober 2026/);
    assert.deepEqual(
      toVaxtkraft.attachments[0].content.actions.map((a: any) => a.verb),
      ['openReportForm'],
    );
    const toAlvkarleby = remindersTo(alvkarlebyLead);
    assert.equal(toAlvkarleby.length, 1, 'one message per person, delivered once despite the 429');
    assert.match(texts(toAlvkarleby[0].attachments[0].content), /Lokussamordnare \(Älvkarleby\)[^]*Förstärkt stöd till arbete eller studier \(Älvkarleby\)/);
  });

  it('after the deadline `npm run remind` sends the late reminder once, only to those still missing a report', async () => {
    // Växtkraft's report comes in before the deadline passes.
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    assert.match(texts(form), /kvartal 3 2026/);
    await bot.app.close();
    const connector = bot.connector;
    const dataDir = bot.dataDir;
    await startAt('2026-10-29', dataDir, connector);
    const data = form.actions.find((a: any) => a.verb === 'submitReport').data;
    const { invoke } = chat(() => bot);
    const receipt = await invoke(vaxtkraftLead, 'submitReport', { ...data, ...reportFields });
    assert.match(texts(receipt), /Inlämnad \(version 1\)/);
    await bot.app.close();

    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--no-deprecation', ENTRY], {
          env: { ...process.env, DATA_DIR: dataDir, CLOCK_DATE: '2026-11-05', BOT_ID: '', COSMOS_ENDPOINT: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const first = await run();
    assert.equal(first.code, 0, first.out);
    // Älvkarleby's insatsansvarig, and the kansli for the insatser without one.
    assert.match(first.out, /Påminnelser: 2 av 2/);
    assert.match(first.out, /Skickade 2, redan skickade 0/);
    const second = await run();
    assert.match(second.out, /Skickade 0, redan skickade 2/);

    await startAt('2026-11-05', dataDir, connector);
    const late = remindersTo(alvkarlebyLead).filter((a) => /försenad/.test(a.summary));
    assert.equal(late.length, 1);
    assert.match(texts(late[0].attachments[0].content), /Sista dag var 31 oktober 2026/);
    assert.equal(remindersTo(vaxtkraftLead).filter((a) => /försenad/.test(a.summary)).length, 0, 'Växtkraft has reported');
  });
});
