import assert from 'assert/strict';
import { writeFileSync } from 'fs';
import path from 'path';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { makeTempDir } from '../helpers/tempDir';
import { openCosmosStore } from '../../src/store/cosmosStore';
import { cosmosRepositories } from '../../src/store/repositories';
import { storeContents } from '../helpers/storeContents';
import { TeamsUser, adaptiveCardInvoke } from '../helpers/teams';
import { actionsOf, chat, chatOf, inputIds, texts } from '../helpers/chat';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const alvkarlebyLead = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig Älvkarleby (demo)');
const deputy = user('29:deputy', '00000000-0000-0000-0000-0000000000c3', 'Ersättare (demo)');
const otherChef = user('29:norr-chef', '00000000-0000-0000-0000-0000000000e1', 'Förbundschef i ett annat förbund');

function rolesFile(dir: string): string {
  const file = path.join(dir, 'roles.json');
  const demo = [
    { aadObjectId: board.aadObjectId, name: board.name, association: 'uppsala', roles: ['styrelse'] },
    { aadObjectId: chef.aadObjectId, name: chef.name, association: 'uppsala', roles: ['forbundschef'] },
    { aadObjectId: deputy.aadObjectId, name: deputy.name, association: 'uppsala', roles: ['ersattare'] },
    { aadObjectId: kansli.aadObjectId, name: kansli.name, association: 'uppsala', roles: ['kansli'] },
    { aadObjectId: vaxtkraftLead.aadObjectId, name: vaxtkraftLead.name, association: 'uppsala', roles: ['insatsansvarig'], initiatives: ['vaxtkraft'] },
    {
      aadObjectId: alvkarlebyLead.aadObjectId,
      name: alvkarlebyLead.name,
      association: 'uppsala',
      roles: ['insatsansvarig'],
      initiatives: ['lokus-alvkarleby', 'forstarkt-stod'],
    },
    { aadObjectId: otherChef.aadObjectId, name: otherChef.name, association: 'norrtalje', roles: ['forbundschef'] },
  ];
  writeFileSync(file, JSON.stringify({ users: demo }));
  return file;
}

describe('avvikelser and delegationsbeslut over /api/messages', function () {
  let bot: BotUnderTest;
  let temp: { dir: string; cleanup(): void };

  before(async () => {
    temp = makeTempDir('finsam-roles-');
    bot = await startBot({ ROLES_FILE: rolesFile(temp.dir), CLOCK_DATE: '2026-11-23' });
    // The förbundschef and the filers have opened the bot once, so it can reach them later.
    for (const u of [chef, vaxtkraftLead, alvkarlebyLead]) await say(u, 'hjälp');
  });
  after(async () => {
    await bot.stop();
    temp.cleanup();
  });

  const { say, invoke } = chat(() => bot);

  /** The form card, with the id of the message that holds it. */
  async function openForm(u: TeamsUser): Promise<any> {
    const [form] = await say(u, 'ny avvikelse');
    assert.ok(form, 'a form');
    const message = bot.connector.activities.filter((a) => a.conversationId === chatOf(u)).pop();
    return Object.assign(form, { messageId: message?.id });
  }
  const caseIdOf = (card: any) => (card.refresh?.action.data.caseId ?? card.actions.find((a: any) => a.data?.caseId).data.caseId) as string;
  const formIdOf = (form: any) => form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string;

  async function file(u: TeamsUser, formId: string, values: Record<string, string>, cardId?: string): Promise<any> {
    return invoke(u, 'submitDeviation', { formId, ...values }, cardId);
  }

  const goodMove = {
    initiativeId: 'vaxtkraft',
    kind: 'budget-move',
    amount: '80 tkr',
    fromYear: '2026',
    reason: 'Vakans som arbetsmarknadskonsulent 1 mars–31 augusti 2026.',
    position: 'Styrgruppen tillstyrker att medlen flyttas till 2027.',
  };

  /** The headline of "beslutsutrymme YEAR" in kronor, read from the rendered card. */
  async function decisionRoom(year: number): Promise<{ tkr: number; text: string }> {
    const [card] = await say(board, `beslutsutrymme ${year}?`);
    const headline = card.body.find((b: any) => b.size === 'ExtraLarge').text as string;
    return { tkr: Number(headline.replace(/[^\d\u2212-]/g, '').replace('\u2212', '-')), text: texts(card) };
  }

  let firstCaseId = '';
  let receiptMessageId = '';

  it('gives an insatsansvarig the form with only their own insatser', async () => {
    const form = await openForm(vaxtkraftLead);
    assert.equal(form.version, '1.5');
    const initiative = form.body.find((b: any) => b.id === 'initiativeId');
    assert.deepEqual(
      initiative.choices.map((c: any) => c.value),
      ['vaxtkraft'],
    );
    assert.deepEqual(inputIds(form), ['initiativeId', 'kind', 'amount', 'fromYear', 'newEndDate', 'reason', 'position']);
    assert.deepEqual(
      form.actions.map((a: any) => a.type),
      ['Action.Execute'],
    );
    const [refusal] = await say(board, 'ny avvikelse');
    assert.match(texts(refusal), /insatsansvariga, för sina egna insatser/);
    assert.doesNotMatch(texts(refusal), /Felkod/, 'the wrong role is a situation, not a fault');
    assert.deepEqual(
      refusal.actions.map((a: any) => [a.verb, a.data.question]),
      [
        ['askQuestion', 'vilka avvikelser väntar?'],
        ['askQuestion', 'hjälp'],
      ],
    );
    const [help] = await say(vaxtkraftLead, 'hjälp');
    assert.deepEqual(
      help.actions.slice(0, 2).map((a: any) => a.data.question),
      ['kvartalsrapport', 'ny avvikelse'],
      'help starts with what the role can do',
    );
    const viaButton = await bot.post(adaptiveCardInvoke(bot.connector.url, vaxtkraftLead, 'askQuestion', { question: 'ny avvikelse' }, chatOf(vaxtkraftLead)));
    assert.equal(viaButton.status, 200);
    const lastSent = bot.connector.for(chatOf(vaxtkraftLead)).pop();
    assert.equal(lastSent.attachments[0].content.actions[0].verb, 'submitDeviation', 'the help button opens the form');
  });

  it('refuses bad input with every problem in Swedish, keeps what was typed and stores nothing', async () => {
    const form = await openForm(vaxtkraftLead);
    const formId = formIdOf(form);
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...goodMove, amount: '80 kronor och lite' }, /"80 kronor och lite" är inget belopp/],
      [{ ...goodMove, amount: '0' }, /större än noll/],
      [{ ...goodMove, amount: '12,5' }, /inte ett helt antal kronor/],
      [{ ...goodMove, amount: '5 mkr' }, /5 000 000 kr är mer än vad som återstår av budgeten 2026: 2 753 000 kr/],
      [{ ...goodMove, fromYear: '2025' }, /2025 är avslutat/],
      [{ ...goodMove, fromYear: '2027' }, /slutar 31 december 2027, så medel kan inte flyttas till 2028/],
      [{ ...goodMove, initiativeId: 'forstarkt-stod' }, /Insats: välj en av dina insatser/],
      [{ ...goodMove, reason: 'Deltagaren 19800101-1234 slutade.' }, /Skäl innehåller något som liknar ett personnummer/],
      [{ ...goodMove, position: 'Se 800101-1234' }, /Styrgruppens ställningstagande innehåller något som liknar ett personnummer/],
      [{ ...goodMove, reason: '  ' }, /Skäl saknas/],
      [{ ...goodMove, kind: 'period', newEndDate: '2024-01-01' }, /måste ligga efter insatsens start/],
      [{ ...goodMove, kind: 'period', newEndDate: '2027-02-30' }, /inget giltigt datum/],
      [{ ...goodMove, kind: 'annat' }, /Typ av avvikelse: välj vilken typ av avvikelse/],
    ];
    for (const [values, expected] of cases) {
      const card = await file(vaxtkraftLead, formId, values);
      const shown = texts(card);
      assert.match(shown, expected, JSON.stringify(values));
      assert.match(shown, /Rätta följande och skicka igen/);
      assert.equal(card.body.find((b: any) => b.id === 'reason').value, values.reason, 'typed text kept');
      assert.match(texts(card), /Inget skickades in: \d+ sak(er)? behöver rättas/, 'a summary next to the submit button');
      const problemAt = (id: string) => card.body[card.body.findIndex((b: any) => b.id === id) + 1];
      const marked = ['initiativeId', 'kind', 'amount', 'fromYear', 'newEndDate', 'reason', 'position'].filter((id) => problemAt(id)?.color === 'Attention');
      assert.equal(marked.length, 1, `one field marked for ${JSON.stringify(values)}: ${marked}`);
      assert.match(
        String(problemAt(marked[0] as string).text).replace(/[\u00a0\u2011]/g, (c) => (c === '\u2011' ? '-' : ' ')),
        expected,
        'the problem stands beside its field',
      );
      assert.equal(formIdOf(card), formId, 'same form');
    }
    const [queue] = await say(chef, 'vilka avvikelser väntar?');
    assert.match(texts(queue), /Inga avvikelser väntar på beslut just nu/);
    assert.equal(JSON.stringify(queue).includes('"Table"'), false, 'no empty table');
    assert.equal(bot.connector.for(chatOf(chef)).filter((a) => /Avvikelse/.test(a.summary ?? '')).length, 0, 'no card went to the förbundschef');
  });

  it('files a good avvikelse with Dnr 2026:1, reaches the förbundschef proactively, and a second click files nothing new', async () => {
    const form = await openForm(vaxtkraftLead);
    const chefBefore = bot.connector.for(chatOf(chef)).length;
    const receipt = await file(vaxtkraftLead, formIdOf(form), goodMove, form.messageId);
    receiptMessageId = form.messageId;
    assert.match(texts(receipt), /Avvikelse Dnr 2026:1 – Växtkraft \(Enköping\)/);
    assert.match(texts(receipt), /Inlämnad – väntar på beslut/);
    assert.match(texts(receipt), /Förbundschefen har fått den för beslut/);
    assert.deepEqual(actionsOf(receipt), ['Återkalla avvikelsen'], 'the filer may withdraw it');
    const toChef = bot.connector.for(chatOf(chef)).slice(chefBefore);
    assert.equal(toChef.length, 1, 'one proactive card to the förbundschef');
    const card = toChef[0].attachments[0].content;
    assert.deepEqual(card.refresh.userIds, [chef.id], 'the förbundschef gets a user-specific view');
    assert.equal(card.refresh.action.verb, 'showDeviation');
    assert.match(texts(card), /Belopp: 80 000 kr/);
    assert.match(texts(card), /Prognos 2026, Växtkraft \(Enköping\): \u221280 tkr/);
    assert.match(texts(card), /Beslutsutrymme 2026 \(prognos\): 3 038 tkr → 3 118 tkr/);
    assert.deepEqual(actionsOf(card), ['Visa beslutsalternativ'], 'the shared card has no decision buttons');
    firstCaseId = card.refresh.action.data.caseId;

    const again = await file(vaxtkraftLead, formIdOf(form), goodMove);
    assert.match(texts(again), /Dnr 2026:1/);
    assert.match(texts(again), /redan inlämnad/);
    assert.equal(bot.connector.for(chatOf(chef)).length, chefBefore + 1, 'no second card');
  });

  it('shows the decision buttons only to the förbundschef (refresh), and refuses a decision from anyone else with nothing changed', async () => {
    const chefView = await invoke(chef, 'showDeviation', { caseId: firstCaseId });
    assert.deepEqual(actionsOf(chefView), ['Godkänn', 'Avslå']);
    assert.deepEqual(inputIds(chefView), ['comment']);
    const boardView = await invoke(board, 'showDeviation', { caseId: firstCaseId });
    assert.deepEqual(actionsOf(boardView), []);
    assert.match(texts(boardView), /Endast förbundschefen eller ersättaren kan besluta/);

    for (const u of [board, kansli, vaxtkraftLead]) {
      const refused = await invoke(u, 'decideDeviation', { caseId: firstCaseId, outcome: 'godkänd', comment: 'Jag godkänner.' });
      assert.match(texts(refused), /Bara förbundschefen eller ersättaren får besluta/);
      assert.doesNotMatch(texts(refused), /Felkod/, 'the wrong role is no fault');
    }
    const elsewhere = await invoke(otherChef, 'decideDeviation', { caseId: firstCaseId, outcome: 'godkänd', comment: 'Fel förbund.' });
    assert.match(texts(elsewhere), /finns inte \(längre\) hos ditt förbund/);
    const still = await invoke(chef, 'showDeviation', { caseId: firstCaseId });
    assert.match(texts(still), /Inlämnad – väntar på beslut/);
    const room = await decisionRoom(2026);
    assert.equal(room.tkr, 3038);
  });

  it('approves: one delegationsbeslut, the filer told, the posted card updated, and beslutsutrymme moved by exactly the amount', async () => {
    const before2026 = await decisionRoom(2026);
    const before2027 = await decisionRoom(2027);
    const filerBefore = bot.connector.for(chatOf(vaxtkraftLead)).length;
    const missing = await invoke(chef, 'decideDeviation', { caseId: firstCaseId, outcome: 'godkänd', comment: ' ' });
    assert.match(texts(missing), /Skriv en motivering/);

    const decided = await invoke(chef, 'decideDeviation', { caseId: firstCaseId, outcome: 'godkänd', comment: 'Vakansen är styrkt; medlen behövs 2027.' });
    assert.match(texts(decided), /Godkänd/);
    assert.match(texts(decided), /Nummer: D 2026:1/);
    assert.match(texts(decided), /Beslutsfattare: Förbundschef \(demo\), förbundschef/);
    assert.match(texts(decided), /Motivering: Vakansen är styrkt/);
    assert.deepEqual(actionsOf(decided), []);

    const toFiler = bot.connector.for(chatOf(vaxtkraftLead)).slice(filerBefore);
    assert.equal(toFiler.length, 1);
    assert.match(texts(toFiler[0].attachments[0].content), /Din avvikelse Dnr 2026:1 är godkänd av Förbundschef \(demo\)/);
    const updates = bot.connector.updates.filter((u) => u.conversationId === chatOf(chef));
    assert.equal(updates.length, 1, 'the card in the förbundschef’s chat was replaced');
    assert.match(texts(updates[0]!.body.attachments[0].content), /Godkänd/);
    assert.equal(updates[0]!.body.attachments[0].content.refresh, undefined, 'no refresh once decided');
    const receiptUpdate = bot.connector.updates.filter((u) => u.conversationId === chatOf(vaxtkraftLead));
    assert.deepEqual(
      receiptUpdate.map((u) => u.activityId),
      [receiptMessageId],
      'the filer’s receipt was replaced too',
    );
    assert.match(texts(receiptUpdate[0]!.body.attachments[0].content), /Godkänd/);
    assert.deepEqual(actionsOf(receiptUpdate[0]!.body.attachments[0].content), [], 'no Återkalla once decided');

    const after2026 = await decisionRoom(2026);
    const after2027 = await decisionRoom(2027);
    assert.equal(after2026.tkr - before2026.tkr, 80, 'moving 80 tkr out of 2026 frees 80 tkr in 2026');
    assert.equal(after2027.tkr, before2027.tkr, '…and 2027 takes it back: its room is unchanged');
    assert.match(after2026.text, /Växtkraft \(Enköping\) \u221280 tkr 2026 och \+80 tkr 2027 \(D 2026:1, Dnr 2026:1\)/);
    const [cost] = await say(board, 'vad kostar växtkraft 2027?');
    assert.match(texts(cost), /2 834 tkr/, '2 754 + 80');

    // Every button of the old cards, pressed after the decision, changes nothing in the store.
    const storeBefore = await storeContents(bot);
    const later = await invoke(chef, 'decideDeviation', { caseId: firstCaseId, outcome: 'avslagen', comment: 'Ångrar mig.' });
    assert.match(texts(later), /redan godkänd av Förbundschef \(demo\) 23 november 2026; det beslutet står fast/);
    assert.match(texts(later), /D 2026:1/);
    const withdrawn = await invoke(vaxtkraftLead, 'withdrawDeviation', { caseId: firstCaseId, confirmed: true });
    assert.doesNotMatch(texts(withdrawn), /Felkod/);
    assert.match(texts(withdrawn), /Godkänd/);
    assert.equal(await storeContents(bot), storeBefore);
  });

  it('twenty simultaneous approvals of one avvikelse give one decision and one register number', async () => {
    const form = await openForm(alvkarlebyLead);
    const receipt = await file(alvkarlebyLead, formIdOf(form), {
      initiativeId: 'forstarkt-stod',
      kind: 'budget-return',
      amount: '150 000',
      fromYear: '2026',
      reason: 'Vakans hela hösten.',
      position: 'Styrgruppen föreslår att medlen återförs.',
    });
    assert.match(texts(receipt), /Dnr 2026:2/);
    const caseId = caseIdOf(receipt);
    const filerBefore = bot.connector.for(chatOf(alvkarlebyLead)).length;
    const before = await decisionRoom(2026);

    const cards = await Promise.all(
      Array.from({ length: 20 }, (_, i) => invoke(chef, 'decideDeviation', { caseId, outcome: i % 2 === 0 ? 'godkänd' : 'avslagen', comment: `Klick ${i}` })),
    );
    const numbers = new Set(cards.map((c) => /Nummer: (D \d{4}:\d+)/.exec(texts(c))?.[1]));
    assert.deepEqual([...numbers], ['D 2026:2']);
    const outcomes = new Set(cards.map((c) => /\n(Godkänd|Avslagen)\n/.exec(`\n${texts(c)}\n`)?.[1]));
    assert.equal(outcomes.size, 1, 'every click shows the same decision');
    assert.equal(cards.filter((c) => /Beslutet är registrerat/.test(texts(c))).length, 1, 'exactly one click decided');
    assert.equal(bot.connector.for(chatOf(alvkarlebyLead)).length - filerBefore, 1, 'the filer was told once');
    const after = await decisionRoom(2026);
    assert.equal(after.tkr - before.tkr, [...outcomes][0] === 'Godkänd' ? 150 : 0);
  });

  it('fifty simultaneous filings get fifty distinct, gap-free diarienummer', async () => {
    const forms: any[] = [];
    for (let i = 0; i < 50; i += 1) forms.push(await openForm(vaxtkraftLead));
    const receipts = await Promise.all(
      forms.map((form, i) =>
        file(vaxtkraftLead, formIdOf(form), { initiativeId: 'vaxtkraft', kind: 'method', reason: `Metodändring ${i}`, position: 'Styrgruppen tillstyrker.' }),
      ),
    );
    const numbers = receipts.map((r) => Number(/Dnr 2026:(\d+)/.exec(texts(r))?.[1]));
    assert.equal(new Set(numbers).size, 50);
    assert.deepEqual(
      [...numbers].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 3),
    );
    const [queue, ...none] = await say(kansli, 'vilka avvikelser väntar?');
    assert.match(texts(queue), /^50 avvikelser väntar på beslut/);
    assert.equal(none.length, 0, 'others get the list only');
    const [chefQueue, ...decisionCards] = await say(chef, 'vilka avvikelser väntar på beslut?');
    assert.match(texts(chefQueue), /^50 avvikelser väntar på beslut/);
    assert.equal(decisionCards.length, 10, 'the förbundschef gets the first ten with their buttons');
    for (const card of decisionCards) assert.deepEqual(actionsOf(card), ['Godkänn', 'Avslå']);
    // The filer's own list comes a page at a time, each page a card Teams accepts.
    const [mine] = await say(vaxtkraftLead, 'mina avvikelser');
    assert.match(texts(mine), /Det du själv har lämnat in \(5\d st\)\. Sida 1 av 3\./);
    assert.match(texts(mine), /Visa fler: skriv "mina avvikelser sida 2"\./);
    assert.ok(JSON.stringify(mine).length < 25_000);
    const [last] = await say(vaxtkraftLead, 'mina avvikelser sida 3');
    assert.match(texts(last), /Sida 3 av 3\./);
    assert.doesNotMatch(texts(last), /Visa fler/);
  });

  it('a new end date, decided by the deputy, changes the insats period; both deciders’ cards show the decision', async () => {
    await say(deputy, 'hjälp');
    const form = await openForm(alvkarlebyLead);
    const receipt = await file(alvkarlebyLead, formIdOf(form), {
      initiativeId: 'lokus-alvkarleby',
      kind: 'period',
      newEndDate: '2028-06-30',
      reason: 'Behovet kvarstår.',
      position: 'Styrgruppen tillstyrker förlängning.',
    });
    const caseId = caseIdOf(receipt);
    assert.deepEqual(receipt.refresh.userIds, [chef.id, deputy.id]);
    const posted = bot.connector.activities.filter((a) => a.body.attachments?.[0]?.content.refresh?.action.data.caseId === caseId);
    assert.deepEqual(posted.map((a) => a.conversationId).sort(), [chatOf(chef), chatOf(deputy)].sort());
    const approved = await invoke(deputy, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'Förlängningen ryms.' });
    assert.match(texts(approved), /D 2026:3/);
    assert.match(texts(approved), /Beslutsfattare: Ersättare \(demo\), ersättare för förbundschefen/);
    const updated = bot.connector.updates.filter(
      (u) =>
        u.body.attachments[0].content.body.some((b: any) => b.text === 'Godkänd') &&
        texts(u.body.attachments[0].content).includes('Lokussamordnare (Älvkarleby)'),
    );
    assert.deepEqual(updated.map((u) => u.conversationId).sort(), [chatOf(chef), chatOf(deputy)].sort());
    const [period] = await say(board, 'när slutar lokussamordnare älvkarleby?');
    assert.match(texts(period), /Slutdatum\n30 juni 2028/);

    const form2 = await openForm(vaxtkraftLead);
    const receipt2 = await file(vaxtkraftLead, formIdOf(form2), { ...goodMove, amount: '100 tkr' });
    const caseId2 = caseIdOf(receipt2);
    const before = await decisionRoom(2026);
    const rejected = await invoke(chef, 'decideDeviation', { caseId: caseId2, outcome: 'avslagen', comment: 'Medlen behövs inte 2027.' });
    assert.match(texts(rejected), /Avslagen/);
    assert.match(texts(rejected), /D 2026:4/);
    assert.equal((await decisionRoom(2026)).tkr, before.tkr);
  });

  it('lets the filer withdraw an undecided avvikelse; it keeps its Dnr and can no longer be decided', async () => {
    const form = await openForm(vaxtkraftLead);
    const receipt = await file(vaxtkraftLead, formIdOf(form), {
      initiativeId: 'vaxtkraft',
      kind: 'target-group',
      reason: 'Fler unga vuxna.',
      position: 'Styrgruppen tillstyrker.',
    });
    const caseId = caseIdOf(receipt);
    const dnr = /Dnr 2026:\d+/.exec(texts(receipt))?.[0];
    const refused = await invoke(alvkarlebyLead, 'withdrawDeviation', { caseId });
    assert.match(texts(refused), /Bara den som lämnade avvikelsen kan återkalla den/);
    // The first click asks; nothing changes until the filer confirms.
    const question = await invoke(vaxtkraftLead, 'withdrawDeviation', { caseId });
    assert.match(texts(question), /Vill du återkalla avvikelsen Dnr 2026:\d+\?/);
    assert.deepEqual(actionsOf(question), ['Ja, återkalla', 'Nej, behåll den']);
    // The queue is paged (25 a page): look through every page.
    const [first] = await say(chef, 'vilka avvikelser väntar?');
    const pages = Number(/sida 1 av (\d+)/.exec(texts(first))?.[1] ?? 1);
    let queued = texts(first);
    for (let page = 2; page <= pages; page += 1) queued += texts((await say(chef, `vilka avvikelser väntar sida ${page}`))[0]);
    assert.match(queued, new RegExp(`${dnr} Växtkraft`), 'still waiting for a decision');
    const kept = await invoke(vaxtkraftLead, 'showDeviation', { caseId });
    assert.deepEqual(actionsOf(kept), ['Återkalla avvikelsen']);
    const withdrawn = await invoke(vaxtkraftLead, 'withdrawDeviation', { caseId, confirmed: true });
    assert.match(texts(withdrawn), /Återkallad/);
    assert.match(texts(withdrawn), new RegExp(dnr as string));
    assert.ok(
      bot.connector.updates.some((u) => u.conversationId === chatOf(chef) && /Återkallad/.test(texts(u.body.attachments[0].content))),
      'the förbundschef’s card shows it',
    );
    const late = await invoke(chef, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'För sent.' });
    assert.match(texts(late), /Avvikelsen är återkallad/);
    assert.deepEqual(actionsOf(late), []);

    // "mina avvikelser": the filer's own, with status, next step and a button that opens each.
    const [mine] = await say(vaxtkraftLead, 'mina avvikelser');
    assert.match(
      texts(mine),
      new RegExp(
        `Avvikelse ${dnr} – Växtkraft \\(Enköping\\)\\nStatus: återkallad\\nTyp: [^\\n]+\\nInlämnad: 23 november 2026\\nNästa steg: Inget; avvikelsen är återkallad\\.\\nÖppna avvikelsen`,
      ),
    );
    const open = JSON.stringify(mine).includes(`"verb":"showDeviation","data":{"caseId":"${caseId}"}`);
    assert.ok(open, 'each is openable');
    assert.doesNotMatch(texts(mine), /Älvkarleby/, 'only one’s own');
    const [none] = await say(board, 'mina ärenden');
    assert.match(texts(none), /Du har inga ärenden just nu/);
  });

  it('lists the delegationsbeslut for the kallelse, and the kansli marks them as reported', async () => {
    const [list] = await say(kansli, 'delegationsbeslut sedan förra styrelsemötet');
    const shown = texts(list);
    assert.match(shown, /4 beslut som ännu inte anmälts/);
    for (const n of [1, 2, 3, 4]) assert.match(shown, new RegExp(`D 2026:${n} – 23 november 2026`));
    assert.match(shown, /Ärende: Avvikelse Växtkraft \(Enköping\), Dnr 2026:1/);
    assert.match(shown, /Ekonomisk effekt: 2026: \u221280 000 kr; 2027: \+80 000 kr/);
    assert.deepEqual(actionsOf(list), ['Markera som anmälda till styrelsen']);
    const [boardList] = await say(board, 'delegationsbeslut sedan förra styrelsemötet');
    assert.deepEqual(actionsOf(boardList), [], 'only the kansli marks');
    const ids = list.actions[0].data.caseIds;
    const refused = await invoke(chef, 'markReported', { caseIds: ids, meetingDate: '2026-12-10' });
    assert.match(texts(refused), /Bara kansliet/);
    const title = list.actions[0].data.title;
    const noDate = await invoke(kansli, 'markReported', { caseIds: ids, title, meetingDate: 'nästa torsdag' });
    assert.match(texts(noDate), /Styrelsemötets datum: "nästa torsdag" är inget datum; skriv till exempel 2026-12-10/);
    // A user mistake: the same register comes back, the typed date kept, the problem beside the field; no Felkod.
    const tooEarly = await invoke(kansli, 'markReported', { caseIds: ids, title, meetingDate: '2026-01-15' });
    assert.match(texts(tooEarly), /^Delegationsbeslut sedan förra styrelsemötet\n4 beslut som ännu inte anmälts/);
    assert.match(texts(tooEarly), /Styrelsemötets datum: mötet 2026-01-15 ligger före beslut D 2026:\d+ \(2026-11-23\)/);
    assert.doesNotMatch(texts(tooEarly), /Felkod/);
    const dateInput = (card: any) => card.body.find((b: any) => b.id === 'meetingDate');
    assert.equal(dateInput(tooEarly).value, '2026-01-15', 'typed date kept');
    const inputAt = tooEarly.body.indexOf(dateInput(tooEarly));
    assert.match(tooEarly.body[inputAt + 1].text, /Styrelsemötets datum: mötet/, 'the problem stands beside the field');
    assert.deepEqual(tooEarly.actions[0].data.caseIds, ids, 'the same decisions can be marked again');
    const [stillListed] = await say(kansli, 'delegationsbeslut sedan förra styrelsemötet');
    assert.match(texts(stillListed), /4 beslut som ännu inte anmälts/, 'nothing was marked');

    const marked = await invoke(kansli, 'markReported', { caseIds: ids, meetingDate: '2026-12-10' });
    assert.equal((texts(marked).match(/Anmäld till styrelsen: 10 december 2026/g) ?? []).length, 4);
    const [after] = await say(kansli, 'delegationsbeslut sedan förra styrelsemötet');
    assert.match(texts(after), /Inga delegationsbeslut väntar på att anmälas/);
    const [year] = await say(chef, 'delegationsbeslut 2026');
    assert.match(texts(year), /4 beslut/);
  });

  async function restart(): Promise<void> {
    await bot.app.close();
    const connector = bot.connector;
    const restarted = await startBot({ ROLES_FILE: path.join(temp.dir, 'roles.json'), CLOCK_DATE: '2026-11-23' }, bot.dataDir, connector);
    bot = {
      ...restarted,
      stop: async (o) => {
        await restarted.stop(o);
        await connector.close();
      },
    };
    await bot.app.firstRepair;
  }

  it('keeps every avvikelse, decided or not, across a restart', async () => {
    await restart();
    const first = await invoke(chef, 'showDeviation', { caseId: firstCaseId });
    assert.match(texts(first), /D 2026:1/);
    const room = await decisionRoom(2026);
    assert.match(room.text, /D 2026:1, Dnr 2026:1/);
  });

  it('finishes at start what a crash left half-done: a filing without Dnr, a decision without number or effect', async () => {
    const roomBefore = await decisionRoom(2026);
    await bot.app.close();
    const store = await openCosmosStore({ database: 'finsam', dataDir: bot.dataDir });
    const repos = cosmosRepositories(store);
    const base = {
      associationId: 'uppsala',
      initiativeName: 'Förstärkt stöd till arbete eller studier',
      initiativeId: 'forstarkt-stod',
      reason: 'Vakans.',
      steeringGroupPosition: 'Tillstyrks.',
      filedBy: { aadObjectId: alvkarlebyLead.aadObjectId, name: alvkarlebyLead.name },
      filedAt: '2026-11-23T09:00:00.000Z',
      filedOn: '2026-11-23',
      postedCards: [],
      decidersNotified: true,
    };
    await repos.deviations.createIfAbsent({ ...base, id: 'avvikelse-crashed-filing', status: 'registreras', kind: 'method', decidersNotified: false });
    const dnr = await repos.sequences.assign('uppsala', 'dnr', 2026, 'avvikelse-crashed-decision');
    await repos.deviations.createIfAbsent({
      ...base,
      id: 'avvikelse-crashed-decision',
      status: 'godkänd',
      dnr: `Dnr 2026:${dnr}`,
      kind: 'budget-return',
      fromYear: 2026,
      amount: 10_000,
      decision: {
        outcome: 'godkänd',
        decidedAt: '2026-11-23T10:00:00.000Z',
        decidedOn: '2026-11-23',
        decider: { name: chef.name, title: 'förbundschef' },
        reason: 'Ok.',
      },
      decisionFinished: false,
    });
    await store.close();
    const chefBefore = bot.connector.for(chatOf(chef)).length;

    await restart();
    const toChef = bot.connector
      .for(chatOf(chef))
      .slice(chefBefore)
      .map((a) => texts(a.attachments[0].content));
    assert.equal(toChef.length, 1);
    assert.match(
      toChef[0] as string,
      new RegExp(`Avvikelse Dnr 2026:${dnr + 1} – Förstärkt stöd`),
      'the crashed filing got the next Dnr and reached the förbundschef',
    );
    const [register] = await say(chef, 'delegationsbeslut 2026');
    assert.match(texts(register), new RegExp(`D 2026:5 – 23 november 2026\n[^]*Dnr 2026:${dnr}`));
    const room = await decisionRoom(2026);
    assert.equal(room.tkr - roomBefore.tkr, 10);
    assert.match(room.text, new RegExp(`Förstärkt stöd till arbete eller studier \u221210 tkr 2026 \\(D 2026:5, Dnr 2026:${dnr}\\)`));
  });

  it('answers the filer as soon as the filing has its Dnr, while the förbundschef’s connector hangs; the card reaches the förbundschef after', async () => {
    const form = await openForm(alvkarlebyLead);
    bot.connector.hold(chatOf(chef));
    try {
      // Posted by hand: the chat helper waits for what follows the answer.
      const res = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          adaptiveCardInvoke(
            bot.connector.url,
            alvkarlebyLead,
            'submitDeviation',
            {
              formId: formIdOf(form),
              initiativeId: 'lokus-alvkarleby',
              kind: 'method',
              reason: 'Ny metod för uppsökande arbete.',
              position: 'Styrgruppen tillstyrker.',
            },
            chatOf(alvkarlebyLead),
          ),
        ),
      });
      const receipt = (await res.json()).value;
      assert.match(texts(receipt), /Tack! Avvikelsen är inlämnad och diarieförd/);
      assert.match(texts(receipt), /Förbundschefen har fått den för beslut/);
      const reachedChef = () => bot.connector.for(chatOf(chef)).some((a) => /Ny metod för uppsökande arbete/.test(texts(a.attachments[0].content)));
      assert.equal(reachedChef(), false, 'the förbundschef’s card is still on its way when the filer has the answer');
    } finally {
      bot.connector.release();
    }
    await bot.app.settled();
    assert.ok(
      bot.connector.for(chatOf(chef)).some((a) => /Ny metod för uppsökande arbete/.test(texts(a.attachments[0].content))),
      'the card reached the förbundschef once the connector answered',
    );
  });
});
