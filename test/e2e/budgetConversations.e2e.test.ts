import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf, texts } from '../helpers/chat';
import { adaptiveCardInvoke, TeamsUser } from '../helpers/teams';
import { requestFaultsForTests } from '../../src/store/embeddedCosmos';

const board: TeamsUser = { id: '29:board-conv', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Styrelseledamot' };
const vaxtkraftLead: TeamsUser = { id: '29:lead-conv', aadObjectId: '00000000-0000-0000-0000-0000000000d1', name: 'Insatsansvarig' };
const MINUS = '\u2212';

/** The element a figure answer marks as its headline, and the "Tolkat som" line. */
function partOf(card: any, id: string): string | undefined {
  let found: string | undefined;
  const walk = (n: any) => {
    if (found !== undefined || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.id === id && typeof n.text === 'string') found = n.text;
    for (const k of ['body', 'items', 'columns']) if (n[k]) walk(n[k]);
  };
  walk(card);
  // Amounts and dates are held together by no-break spaces and hyphens; compare them as typed.
  return found?.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');
}

describe('budget conversations: follow-ups, the reading shown, questions back, the calculation', () => {
  let bot: BotUnderTest;
  const { say, sayInChannel } = chat(() => bot);
  const requests = () => bot.app.store.embedded?.requestCount() ?? 0;

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23' });
  });
  after(async () => bot.stop());

  it('shows how every figure question was read', async () => {
    const [card] = await say(board, 'budget för Bryggan 2028');
    assert.equal(partOf(card, 'headline'), '2 324 tkr');
    assert.match(partOf(card, 'reading') ?? '', /^Tolkat som: preliminär budget 2028 för Bryggan \(Östhammar\), ekonomisk information per 2026-03-26$/);
  });

  it('answers a follow-up from the reading stored for the conversation, changing only what was said', async () => {
    assert.equal(partOf((await say(board, 'beslutsutrymme 2026'))[0], 'headline'), '3 038 tkr');
    assert.equal(partOf((await say(board, 'och 2027?'))[0], 'headline'), '2 800 tkr');
    assert.equal(partOf((await say(board, 'budget då?'))[0], 'headline'), '2 800 tkr');
    assert.equal(partOf((await say(board, 'vad kostar Växtkraft 2026?'))[0], 'headline'), '2 753 tkr');
    assert.equal(partOf((await say(board, 'och Bryggan?'))[0], 'headline'), '2 257 tkr');
    assert.equal(partOf((await say(board, 'och 2028?'))[0], 'headline'), '2 324 tkr');
  });

  it('compares with the budget and gives the difference between years on request', async () => {
    await say(board, 'beslutsutrymme 2026');
    const compared = await say(board, 'jämfört med budget?');
    assert.equal(partOf(compared[0], 'headline'), '3 178 tkr', 'the column asked for now is the headline');
    assert.match(texts(compared[0]), /Prognos 2026: 3 038 tkr/);
    assert.match(texts(compared[0]), /Skillnad mot prognos 2026: \+140 tkr/);
    const difference = await say(board, 'skillnaden mellan 2026 och 2027');
    assert.equal(partOf(difference[0], 'headline'), `${MINUS}238 tkr`);
  });

  it('shows the calculation behind the last answer, every term with its source', async () => {
    await say(board, 'beslutsutrymme 2026');
    const [card] = await say(board, 'hur räknas det?');
    const text = texts(card);
    for (const term of ['Från tidigare år: 6 148 tkr', 'Intäkter: 24 180 tkr', 'Kostnader: 27 290 tkr', 'Kvarvarande beslutsutrymme: 3 038 tkr'])
      assert.ok(text.includes(term), `${term} in\n${text}`);
    assert.match(text, new RegExp(`från tidigare år 6 148 \\+ årets resultat ${MINUS}3 110 = 3 038 tkr`));
    assert.match(text, /eget kapital minus den bundna reservfonden/);
  });

  it('says so when a follow-up has nothing to follow', async () => {
    const stranger: TeamsUser = { id: '29:new', aadObjectId: '00000000-0000-0000-0000-0000000000c2', name: 'Ekonom' };
    const [card] = await say(stranger, 'och 2027?');
    assert.ok(partOf(card, 'clarify'), texts(card));
    assert.match(texts(card), /ingen tidigare fråga/);
    assert.equal(partOf(card, 'headline'), undefined);
  });

  it('asks back instead of guessing, and the buttons ask the readings', async () => {
    const [card] = await say(board, 'beslutsutrymme för Bryggan 2026');
    assert.ok(partOf(card, 'clarify'));
    assert.equal(partOf(card, 'headline'), undefined, 'no figure for a question it asks back about');
    // One button per row, so a phone shows every reading: each sits in its own ActionSet.
    const buttons = card.body.filter((b: any) => b.type === 'ActionSet').flatMap((b: any) => b.actions);
    const button = buttons.find((a: any) => /Budget för Bryggan/.test(a.title));
    assert.ok(button, JSON.stringify(card.body));
    const click = adaptiveCardInvoke(bot.connector.url, board, button.verb, button.data, chatOf(board));
    const before = bot.connector.for(chatOf(board)).length;
    const res = await bot.post(click);
    assert.equal(res.status, 200);
    const [answer] = bot.connector
      .for(chatOf(board))
      .slice(before)
      .map((a) => a.attachments[0].content);
    assert.equal(partOf(answer, 'headline'), '2 257 tkr');
    assert.match(partOf(answer, 'reading') ?? '', /Bryggan/);
  });

  it('answers "mina …" for an insatsansvarig about their own insats', async () => {
    const [card] = await say(vaxtkraftLead, 'hur mycket får vår insats 2027?');
    assert.equal(partOf(card, 'headline'), '2 754 tkr');
    assert.match(partOf(card, 'reading') ?? '', /Växtkraft \(Enköping\)/);
    assert.match(texts(card), /Förbrukningsgrad 2025: 90 %/);
    assert.match(texts(card), /Nästa kvartalsrapport: kvartal 4 2026, senast 31 januari 2027/);
  });

  it('reads each document once for an utfall question with no year, though the reading kept names the year the answer showed', async () => {
    await say(board, 'beslutsutrymme 2026');
    const before = requests();
    const [card] = await say(board, 'hur mycket har Växtkraft rekvirerat?');
    const spent = requests() - before;
    assert.equal(partOf(card, 'headline'), '2 478 tkr');
    // Who the user is, the catalog and the 2026 snapshot, the 2026 figures and reports, the years with figures and 2025's, the register, the reading kept.
    assert.ok(spent <= 10, `an utfall question with no year made ${spent} Cosmos requests (10 expected; 16 when the kept reading read them again)`);
    const [earlier] = await say(board, 'och året innan?');
    assert.match(partOf(earlier, 'reading') ?? '', /2024/);
  });

  it('costs at most two point reads for a question and three for a follow-up, plus the stored reading and who the user is', async () => {
    await say(board, 'beslutsutrymme 2026');
    let before = requests();
    // A whole question; a short one right after an answer ("resultat 2027?") is read as a follow-up and costs the third read.
    await say(board, 'vad blir förbundets resultat 2027');
    const question = requests() - before;
    before = requests();
    await say(board, 'och 2028?');
    const followUp = requests() - before;
    // Who the user is: their directory entry, which holds a copy of their access (users live in the store, issue 15).
    const whoIsWho = 1;
    assert.ok(question <= 3 + whoIsWho, `a question made ${question} Cosmos requests (2 reads + 1 write + ${whoIsWho} expected)`);
    assert.ok(followUp <= 4 + whoIsWho, `a follow-up made ${followUp} Cosmos requests (3 reads + 1 write + ${whoIsWho} expected)`);
  });

  it('answers even when the reading cannot be stored, and the follow-up then says it has nothing to follow', async () => {
    const asker: TeamsUser = { id: '29:unsaved', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Förbundschef' };
    await say(asker, 'hjälp'); // the personal chat is remembered first, so the only write refused below is the reading
    requestFaultsForTests.refuse = (r) => (r.method === 'POST' && r.url.endsWith('/colls/conversations/docs') ? 503 : undefined);
    try {
      const [answer] = await say(asker, 'beslutsutrymme 2027');
      assert.ok(partOf(answer, 'headline'), `the answer went out: ${texts(answer)}`);
    } finally {
      delete requestFaultsForTests.refuse;
    }
    const [followUp] = await say(asker, 'och 2028?');
    assert.match(texts(followUp), /ingen tidigare fråga/);
  });

  it('keeps what an asker says they work with for their "vi" after it, per conversation, beside what their role names', async () => {
    const member: TeamsUser = { id: '29:tierp', aadObjectId: '00000000-0000-0000-0000-0000000000c3', name: 'Tjänsteperson' };
    const [noted] = await say(member, 'Jag representerar Tierps kommun i lokusgruppen.');
    assert.match(texts(noted), /utgår jag från Tierps kommun/);
    assert.equal(partOf(noted, 'headline'), undefined, 'nothing asked, no figure');
    assert.equal(partOf((await say(member, 'Hur mycket betalade vi i medlemsavgift 2025?'))[0], 'headline'), '303 382 kr');
    // The förbund's own figures stay the förbund's, whoever says "vi".
    assert.equal(partOf((await say(member, 'hur mycket kan vi bevilja 2027?'))[0], 'headline'), '2 800 tkr');
    // A kommun with several insatser: "vi" asks which, never one of them guessed.
    await say(member, 'Jag jobbar i Uppsala kommun med en av insatserna ni finansierar');
    const [which] = await say(member, 'hur mycket får vår insats 2026?');
    assert.ok(partOf(which, 'clarify'), texts(which));
    assert.equal(partOf(which, 'headline'), undefined);

    await say(board, 'Jag jobbar med Bryggan i Östhammar.');
    const [ours] = await say(board, 'Vad har vi fått för budget nästa år?');
    assert.equal(partOf(ours, 'headline'), '2 315 tkr');
    assert.match(partOf(ours, 'reading') ?? '', /Bryggan \(Östhammar\)/);
    // An insatsansvarig who says they took over another insats has two: "vi" asks which. In a channel, their role's insats.
    await say(vaxtkraftLead, 'Hej! Jag har tagit över som insatsansvarig för Bryggan i Östhammar.');
    const [both] = await say(vaxtkraftLead, 'Vad har vi fått för budget nästa år?');
    assert.ok(partOf(both, 'clarify'), texts(both));
    assert.match(texts(both), /Bryggan/);
    assert.match(texts(both), /Växtkraft/);
    const [inChannel] = await sayInChannel(vaxtkraftLead, 'Vad har vi fått för budget nästa år?', 'leads-channel');
    assert.equal(partOf(inChannel, 'headline'), '2 754 tkr');
  });

  it('answers a statement even when what it says cannot be stored, and the "vi" after it is then nobody\'s', async () => {
    const member: TeamsUser = { id: '29:unstored', aadObjectId: '00000000-0000-0000-0000-0000000000c4', name: 'Tjänsteperson' };
    await say(member, 'hjälp'); // the personal chat is remembered first, so the only write refused below is the statement
    requestFaultsForTests.refuse = (r) => (r.method === 'POST' && r.url.endsWith('/colls/conversations/docs') ? 503 : undefined);
    try {
      const [noted] = await say(member, 'Jag representerar Tierps kommun i lokusgruppen.');
      assert.match(texts(noted), /utgår jag från Tierps kommun/);
    } finally {
      delete requestFaultsForTests.refuse;
    }
    // Nothing was kept: the fee is the members' total, as for anyone who has said nothing.
    assert.equal(partOf((await say(member, 'Hur mycket betalade vi i medlemsavgift 2025?'))[0], 'headline'), '23 428 000 kr');
  });

  it('keeps follow-ups apart per user in a shared channel', async () => {
    const other: TeamsUser = { id: '29:other', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Förbundschef' };
    const send = (u: TeamsUser, text: string) => sayInChannel(u, text, 'board-channel');
    await send(board, 'beslutsutrymme 2026');
    await send(other, 'vad kostar Bryggan 2026');
    assert.equal(partOf((await send(board, 'och 2027?'))[0], 'headline'), '2 800 tkr');
    assert.equal(partOf((await send(other, 'och 2027?'))[0], 'headline'), '2 315 tkr');
  });
});
