import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, texts } from '../helpers/chat';
import { TeamsUser } from '../helpers/teams';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');

describe('"not more than what is left" under concurrency', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23' });
    await say(chef, 'hjälp');
  });
  after(async () => {
    await bot.stop();
  });

  it('accepts exactly the simultaneous 200 tkr moves from Växtkraft 2026 that fit in the 2 753 tkr left, and tells the rest why', async () => {
    const forms: any[][] = [];
    for (let i = 0; i < 20; i += 1) forms.push(await say(vaxtkraftLead, 'ny avvikelse'));
    const formIds = forms.map(([form]) => form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string);
    const move = {
      initiativeId: 'vaxtkraft',
      kind: 'budget-move',
      amount: '200 tkr',
      fromYear: '2026',
      reason: 'Vakans.',
      position: 'Styrgruppen tillstyrker.',
    };
    const cards = await Promise.all(formIds.map((formId) => invoke(vaxtkraftLead, 'submitDeviation', { formId, ...move })));
    const accepted = cards.filter((c) => /Dnr 2026:\d+/.test(texts(c)));
    const refused = cards.filter((c) => /är mer än vad som återstår av budgeten 2026/.test(texts(c)));
    assert.equal(new Set(formIds).size, 20);
    assert.equal(accepted.length, 13, '13 × 200 000 = 2 600 000 ≤ 2 753 000 < 14 × 200 000');
    assert.equal(refused.length, 7);
    assert.match(texts(refused[0]), /200 000 kr är mer än vad som återstår av budgeten 2026: 153 000 kr/);
    const numbers = accepted.map((c) => Number(/Dnr 2026:(\d+)/.exec(texts(c))?.[1])).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 13 }, (_, i) => i + 1),
      'gap-free Dnr for the accepted ones',
    );
    const [queue] = await say(chef, 'vilka avvikelser väntar?');
    assert.equal(new Set(texts(queue).match(/Dnr 2026:\d+/g)).size, 13);
  });
});
