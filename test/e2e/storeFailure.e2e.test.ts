import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf, texts } from '../helpers/chat';
import { TeamsUser, adaptiveCardInvoke } from '../helpers/teams';
import { journalFaultsForTests } from '../../src/store/embeddedCosmos';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');

const healthz = async (bot: BotUnderTest) => (await fetch(`${bot.baseUrl}/healthz`)).status;
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
}

describe('a disk that fills up under the bot', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);
  let full = false;
  let failCounter = false;

  before(async () => {
    journalFaultsForTests.beforeWrite = async (handle, bytes, position) => {
      if (failCounter && bytes.includes('"type":"sequence"')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      if (!full) return;
      await handle.write(bytes, 0, Math.floor(bytes.length / 3), position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    bot = await startBot({ CLOCK_DATE: '2026-11-23' });
    for (const u of [chef, vaxtkraftLead]) await say(u, 'hjälp');
  });
  after(async () => {
    delete journalFaultsForTests.beforeWrite;
    await bot.stop();
  });

  const goodMove = {
    initiativeId: 'vaxtkraft',
    kind: 'budget-move',
    amount: '80 tkr',
    fromYear: '2026',
    reason: 'Vakans under våren.',
    position: 'Styrgruppen tillstyrker.',
  };

  it('answers a filing that could not be saved with "Inget sparades – försök igen", leaves the form as typed, is unhealthy until the disk takes writes, and a retry files once with a gap-free Dnr', async () => {
    const [form] = await say(vaxtkraftLead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string;
    assert.equal(await healthz(bot), 200);

    full = true;
    const res = await bot.post(adaptiveCardInvoke(bot.connector.url, vaxtkraftLead, 'submitDeviation', { formId, ...goodMove }, chatOf(vaxtkraftLead)));
    assert.equal(res.status, 200);
    assert.equal(res.body.type, 'application/vnd.microsoft.activity.message', 'the card is not replaced: what was typed stays');
    assert.match(res.body.value, /Inget sparades – försök igen/);
    assert.equal(await healthz(bot), 503);

    full = false;
    await until(async () => (await healthz(bot)) === 200);
    const receipt = await invoke(vaxtkraftLead, 'submitDeviation', { formId, ...goodMove });
    assert.match(texts(receipt), /Avvikelse Dnr 2026:1 – Växtkraft/);
    const again = await invoke(vaxtkraftLead, 'submitDeviation', { formId, ...goodMove });
    assert.match(texts(again), /Dnr 2026:1/);
    const [form2] = await say(vaxtkraftLead, 'ny avvikelse');
    const second = await invoke(vaxtkraftLead, 'submitDeviation', {
      formId: form2.actions.find((a: any) => a.verb === 'submitDeviation').data.formId,
      ...goodMove,
    });
    assert.match(texts(second), /Dnr 2026:2/, 'no number was skipped');
  });

  it('tells a filer whose avvikelse was stored but not yet numbered that it is received, and the retry shows its Dnr', async () => {
    const [form] = await say(vaxtkraftLead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string;
    failCounter = true;
    const res = await bot.post(
      adaptiveCardInvoke(bot.connector.url, vaxtkraftLead, 'submitDeviation', { formId, ...goodMove, amount: '10 tkr' }, chatOf(vaxtkraftLead)),
    );
    failCounter = false;
    assert.equal(res.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(res.body.value, /Avvikelsen är mottagen men kunde inte diarieföras just nu/);
    await until(async () => (await healthz(bot)) === 200);
    const receipt = await invoke(vaxtkraftLead, 'submitDeviation', { formId, ...goodMove, amount: '10 tkr' });
    assert.match(texts(receipt), /Avvikelse Dnr 2026:3 – Växtkraft/);
  });

  it('after a restart has every acknowledged filing once, and starts (nothing set aside)', async () => {
    await bot.app.close();
    const connector = bot.connector;
    const restarted = await startBot({ CLOCK_DATE: '2026-11-23' }, bot.dataDir, connector);
    bot = {
      ...restarted,
      stop: async (o) => {
        await restarted.stop(o);
        await connector.close();
      },
    };
    const [queue] = await say(chef, 'vilka avvikelser väntar?');
    assert.deepEqual(
      [...texts(queue).matchAll(/Dnr 2026:(\d+)/g)]
        .map((m) => m[1])
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
      ['1', '2', '3'],
    );
  });
});
