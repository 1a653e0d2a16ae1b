import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { actionsOf, chat, texts } from '../helpers/chat';
import { TeamsUser, teamsMessage } from '../helpers/teams';
import { openCosmosStore } from '../../src/store/cosmosStore';
import { cosmosRepositories } from '../../src/store/repositories';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const lead = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig (demo)');
const stranger = user('29:x', '00000000-0000-0000-0000-00000000ffff', 'Okänd');

describe('the queue of avvikelser at constant cost, for those who act on it', function () {
  let bot: BotUnderTest;
  const { say } = chat(() => bot);

  before(async () => {
    const first = await startBot({ CLOCK_DATE: '2026-11-23' });
    await first.app.close();
    const store = await openCosmosStore({ database: 'finsam', dataDir: first.dataDir });
    const repos = cosmosRepositories(store);
    for (let i = 0; i < 30; i += 1) {
      await repos.deviations.createIfAbsent({
        id: `avvikelse-q${String(i).padStart(2, '0')}`,
        associationId: 'uppsala',
        status: 'inlämnad',
        dnr: `Dnr 2026:${i + 1}`,
        initiativeId: 'forstarkt-stod',
        initiativeName: 'Förstärkt stöd till arbete eller studier',
        kind: 'budget-return',
        amount: 1000,
        fromYear: 2026,
        reason: 'Vakans.',
        steeringGroupPosition: 'Tillstyrks.',
        filedBy: { aadObjectId: lead.aadObjectId, name: lead.name },
        filedAt: `2026-11-23T09:${String(i).padStart(2, '0')}:00.000Z`,
        filedOn: '2026-11-23',
        postedCards: [],
        decidersNotified: true,
      });
    }
    await store.close();
    await first.connector.close();
    bot = await startBot({ CLOCK_DATE: '2026-11-23' }, first.dataDir);
  });
  after(async () => {
    await bot.stop();
  });

  it('refuses the queue to those who do not act on it', async () => {
    for (const u of [board, lead, stranger]) {
      const [card] = await say(u, 'vilka avvikelser väntar?');
      assert.match(texts(card), /visas för förbundschefen, ersättaren och kansliet/, u.name);
      assert.doesNotMatch(texts(card), /Dnr 2026/);
    }
  });

  it('pages a long queue, each card well under 25 KB', async () => {
    const [page1, ...cards] = await say(kansli, 'vilka avvikelser väntar?');
    assert.match(texts(page1), /^30 avvikelser väntar på beslut \(sida 1 av 2\)/);
    assert.equal((texts(page1).match(/Dnr 2026:\d+/g) ?? []).length, 25);
    assert.match(texts(page1), /Visa fler: skriv "vilka avvikelser väntar sida 2"/);
    assert.equal(cards.length, 0);
    const [page2] = await say(kansli, 'vilka avvikelser väntar sida 2');
    assert.match(texts(page2), /sida 2 av 2/);
    assert.equal((texts(page2).match(/Dnr 2026:\d+/g) ?? []).length, 5);
    const chefCards = await say(chef, 'vilka avvikelser väntar?');
    for (const card of chefCards) assert.ok(JSON.stringify(card).length < 25_000, `${JSON.stringify(card).length} bytes`);
    assert.equal(chefCards.length, 11, 'the list and ten decision cards in the personal chat');
  });

  it('gives the förbundschef in a channel the list only: no decision buttons, no amounts', async () => {
    const before = bot.connector.activities.length;
    const res = await bot.post(teamsMessage(bot.connector.url, chef, 'vilka avvikelser väntar?', { channel: true, mention: true }));
    assert.equal(res.status, 200);
    const sent = bot.connector.activities.slice(before).map((a) => a.body.attachments[0].content);
    assert.equal(sent.length, 1);
    assert.deepEqual(actionsOf(sent[0]), []);
    assert.doesNotMatch(JSON.stringify(sent[0]), /Godkänn|Avslå|1 000 kr|Belopp/);
  });
});
