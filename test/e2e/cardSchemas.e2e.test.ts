import assert from 'assert/strict';
import { readFileSync } from 'fs';
import path from 'path';
import fc from 'fast-check';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf, texts } from '../helpers/chat';
import { TeamsUser, adaptiveCardInvoke, teamsMessage } from '../helpers/teams';
import { cardVerbs } from '../../src/cardActions';
import { CARD_SCHEMAS } from '../../src/cardActions/schemas';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const applicant = user('29:sok', '00000000-0000-0000-0000-00000000a001', 'Sökande på Heby kommun');

const SECTION_1 = {
  name: 'Vägen vidare Heby',
  type: 'Individinsats',
  owner_org: 'Heby kommun',
  owner_contact: 'Anna Andersson',
  owner_email: 'anna.andersson@heby.example',
  partner1_org: 'Arbetsförmedlingen',
};
const SECTION_2 = {
  purpose: 'Fler i arbete.',
  goal_overall: 'Egen försörjning.',
  goal_effect: '40 %.',
  goal_initiative: '60 deltagare.',
  background: 'Behov.',
};
const SECTION_3 = {
  start: '2027-01-01',
  end: '2027-12-31',
  target_group: 'Unga vuxna.',
  participants: '60',
  method: 'IPS.',
  follow_up: 'Kvartalsvis.',
  implementation: 'Kommunen tar över.',
  lokus_date: '2026-10-15',
};
const SECTION_4 = { b1_s1_title: 'Konsulent', b1_s1_percent: '100', b1_s1_from: '2027-01-01', b1_s1_to: '2027-12-31', b1_s1_amount: '300 tkr' };

describe('every card verb parsed against its schema at the edge', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23', DELEGATION_LIMIT_KR: '500000' });
    for (const u of [chef, kansli, vaxtkraftLead, applicant]) await say(u, 'hjälp');
  });
  after(async () => {
    await bot.stop();
  });

  const goodMove = {
    initiativeId: 'vaxtkraft',
    kind: 'budget-move',
    amount: '80 tkr',
    fromYear: '2026',
    reason: 'Vakans 1 mars–31 augusti 2026.',
    position: 'Styrgruppen tillstyrker.',
  };
  const formIdOf = (form: any) => form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string;

  it('has a schema for every verb in the registry', () => {
    assert.ok(cardVerbs().length >= 16);
    for (const verb of cardVerbs()) assert.ok(CARD_SCHEMAS[verb], verb);
  });

  it('drops keys no card of the bot sends, so they are never stored', async () => {
    const [form] = await say(vaxtkraftLead, 'ny avvikelse');
    const receipt = await invoke(vaxtkraftLead, 'submitDeviation', { formId: formIdOf(form), ...goodMove, injected: 'XYZZY-unknown-key', __proto__x: 'XYZZY' });
    assert.match(texts(receipt), /Dnr 2026:\d+/);
    const journal = readFileSync(path.join(bot.dataDir, 'cosmos-journal.jsonl'), 'utf8');
    assert.match(journal, /Vakans 1 mars/, 'the filing is on disk');
    assert.doesNotMatch(journal, /XYZZY/);
  });

  it('gives an over-long text back in the same form, cut to 4 000 characters, with the problem; nothing filed', async () => {
    const [form] = await say(vaxtkraftLead, 'ny avvikelse');
    const long = 'a'.repeat(5000);
    const card = await invoke(vaxtkraftLead, 'submitDeviation', { formId: formIdOf(form), ...goodMove, reason: long });
    assert.match(texts(card), /Skälet till avvikelsen: texten är för lång \(5 000 tecken; högst 4 000\)/);
    assert.equal(card.body.find((b: any) => b.id === 'reason').value.length, 4000);
    assert.equal(formIdOf(card), formIdOf(form), 'the same form');
    const [queue] = await say(chef, 'vilka avvikelser väntar?');
    assert.equal((texts(queue).match(/Dnr 2026:/g) ?? []).length, 1, 'only the earlier filing waits');
  });

  it('refuses impossible dates, choices outside their set and absurd amounts with the form and the problem', async () => {
    const [first] = await say(applicant, 'ny ansökan');
    const applicationId = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const step = (s: number, fields: Record<string, string>) => invoke(applicant, 'applicationStep', { applicationId, step: s, direction: 'next', ...fields });
    assert.match(texts(await step(0, { ...SECTION_1, type: 'Hittepå' })), /Typ av insats: välj ett av alternativen/);
    await step(0, SECTION_1);
    await step(1, SECTION_2);
    const forever = await step(2, { ...SECTION_3, start: '1000-01-01', end: '9999-12-31' });
    assert.match(texts(forever), /Planerad start: "1000-01-01" är inget datum mellan år 2000 och 2100/);
    assert.match(texts(forever), /3 av 5/);
    assert.match(texts(await step(2, { ...SECTION_3, start: '2027-01-01', end: '2040-01-01' })), /Insatstiden kan vara högst 10 år/);
    assert.match(texts(await step(2, { ...SECTION_3, end: '2027-02-30' })), /"2027-02-30" är inget datum/);
    await step(2, SECTION_3);
    const huge = await step(3, { ...SECTION_4, b1_s1_amount: '', b1_s1_monthly: '9007199254740991', b1_s1_po: '31' });
    assert.match(texts(huge), /orimligt stort; högst 1 000 000 000 kr/);
    assert.doesNotMatch(texts(huge), /Något gick fel/);
    const summary = await step(3, { ...SECTION_4, b1_s1_monthly: '', b1_s1_po: '' });
    assert.match(texts(summary), /sammanfattning/);
    const receipt = await invoke(applicant, 'applicationSubmit', { applicationId });
    assert.match(texts(receipt), /Dnr 2026:\d+/);

    const [notice] = bot.connector
      .for(chatOf(kansli))
      .slice(-1)
      .map((a) => a.attachments[0].content);
    const open = notice.actions.find((a: any) => a.verb === 'openApplicationDecision');
    assert.ok(open, 'the kansli got the ansökan');
    const decide = (fields: Record<string, string>) =>
      invoke(kansli, 'decideApplication', {
        ...open.data,
        outcome: 'beviljad',
        meeting_date: '2026-12-10',
        meeting_paragraph: '§ 48',
        period_start: '2027-01-01',
        period_end: '2027-12-31',
        reason: '',
        ...fields,
      });
    assert.match(texts(await decide({ meeting_date: '2026-02-30' })), /Styrelsemötets datum: "2026-02-30" är inget giltigt datum/);
    assert.match(texts(await decide({ period_end: 'ZZZ' })), /Perioden: ange från- och till-datum mellan år 2000 och 2100/);
    assert.match(texts(await decide({ period_start: '2000-01-01', period_end: '2099-12-31' })), /Perioden kan vara högst 10 år/);
    assert.match(texts(await decide({ outcome: 'kanske' })), /välj Bevilja eller Avslå/i);
    const decided = await decide({});
    assert.match(texts(decided), /beviljad/);
    assert.doesNotMatch(texts(decided), /undefined|NaN/);
  });

  it('answers a chat message longer than Teams allows with a message, at once', async () => {
    const activity = teamsMessage(bot.connector.url, vaxtkraftLead, 'beslutsutrymme 2026? '.repeat(1_500), { conversationId: chatOf(vaxtkraftLead) });
    const before = bot.connector.for(chatOf(vaxtkraftLead)).length;
    const started = Date.now();
    const res = await bot.post(activity);
    assert.equal(res.status, 200);
    assert.ok(Date.now() - started < 2000, 'not held up by parsing');
    const [reply] = bot.connector.for(chatOf(vaxtkraftLead)).slice(before);
    assert.match(texts(reply.attachments[0].content), /Meddelandet är för långt för mig \(högst 28 000 tecken\)/);
  });

  it('answers 300 fuzzed invokes of every verb with a card in Swedish, never "Något gick fel"', async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constant(''),
      fc.constant('x'.repeat(20_000)),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant({ toString: 1, valueOf: 2 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
    );
    const users = [vaxtkraftLead, kansli, chef, applicant];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cardVerbs(), 'noSuchVerb'),
        fc.constantFrom(...users),
        fc.dictionary(
          fc.constantFrom(
            'formId',
            'caseId',
            'applicationId',
            'initiativeId',
            'quarterKey',
            'step',
            'by',
            'outcome',
            'direction',
            'reason',
            'comment',
            'question',
            'caseIds',
            'meetingDate',
            'kind',
            'amount',
            'period_end',
            'fromYear',
            'other',
          ),
          hostile,
        ),
        async (verb, u, data) => {
          const res = await bot.post(adaptiveCardInvoke(bot.connector.url, u, verb, data, chatOf(u)));
          assert.equal(res.status, 200, `${verb} ${JSON.stringify(data).slice(0, 200)}`);
          const shown = JSON.stringify(res.body);
          assert.doesNotMatch(shown, /Något gick fel/, `${verb} ${JSON.stringify(data).slice(0, 300)}: ${shown.slice(0, 300)}`);
          assert.ok(shown.length < 25_000, `card of ${shown.length} bytes for ${verb}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
