import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { actionsOf, chat, chatOf, inputIds, texts } from '../helpers/chat';
import { TeamsUser } from '../helpers/teams';
import { storeContents } from '../helpers/storeContents';
import { openCosmosStore } from '../../src/store/cosmosStore';
import { SECTION_1, SECTION_2, SECTION_3, SECTION_4 } from './applicationFields';
import { cosmosRepositories } from '../../src/store/repositories';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const applicant = user('29:sok', '00000000-0000-0000-0000-00000000a001', 'Sökande på Heby kommun');
const smallApplicant = user('29:sok2', '00000000-0000-0000-0000-00000000a002', 'Sökande på Tierps kommun');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');

describe('ansökan over /api/messages', function () {
  let bot: BotUnderTest;
  const { say, invoke, invokeForReplies } = chat(() => bot);
  const env = { CLOCK_DATE: '2026-11-23', DELEGATION_LIMIT_KR: '500000' };
  let applicationId = '';

  before(async () => {
    bot = await startBot(env);
    for (const u of [chef, kansli, applicant, smallApplicant]) await say(u, 'hjälp');
  });
  after(async () => {
    await bot.stop();
  });

  const step = (u: TeamsUser, s: number, fields: Record<string, string>, direction = 'next') =>
    invoke(u, 'applicationStep', { applicationId, step: s, direction, ...fields });
  const headline = async (year: number) => {
    const [card] = await say(board, `beslutsutrymme ${year}`);
    return texts(card);
  };

  it('guides the applicant section by section, refusing bad input in Swedish and keeping the draft', async () => {
    const [first] = await say(applicant, 'ny ansökan');
    assert.match(texts(first), /Ny ansökan – 1 av 5: Insatsen och insatsägare/);
    applicationId = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const empty = await step(applicant, 0, {});
    assert.match(texts(empty), /Insatsens namn saknas/);
    const beside = (card: any, id: string) =>
      card.body.find((c: any) => c.items?.some((i: any) => i.id === id))?.items.find((i: any) => i.type === 'TextBlock' && i.color === 'Attention')?.text ?? '';
    assert.match(beside(empty, 'name'), /^Insatsens namn saknas/, 'the problem stands beside its field');
    assert.match(texts(empty), /Inte klart än: \d+ saker behöver rättas/, 'a summary next to the buttons');
    const bad = await step(applicant, 0, { ...SECTION_1, owner_email: 'anna.heby', partner1_org: 'Heby kommun' });
    assert.match(texts(bad), /E-post: "anna.heby" är ingen e-postadress/);
    assert.match(texts(bad), /Samverkansparten ska vara en annan part än insatsägaren/);
    const pnr = await step(applicant, 0, { ...SECTION_1, owner_contact: 'Anna 19850101-1234' });
    assert.match(texts(pnr), /liknar ett personnummer.*Inget sparades/s);
    const second = await step(applicant, 0, SECTION_1);
    assert.match(texts(second), /2 av 5: Syfte, mål och behov/);
    const third = await step(applicant, 1, SECTION_2);
    assert.match(texts(third), /3 av 5: Insatstid, målgrupp och metod/);
    const order = await step(applicant, 2, { ...SECTION_3, end: '2026-12-31' });
    assert.match(texts(order), /Planerat slut måste ligga efter start/);
  });

  it('keeps the draft across a restart: "fortsätt min ansökan" returns to where the applicant was', async () => {
    await bot.app.close();
    const connector = bot.connector;
    const restarted = await startBot(env, bot.dataDir, connector);
    bot = {
      ...restarted,
      stop: async (o) => {
        await restarted.stop(o);
        await connector.close();
      },
    };
    const [resumed] = await say(applicant, 'fortsätt min ansökan');
    assert.match(texts(resumed), /3 av 5: Insatstid, målgrupp och metod/);
    assert.match(texts(resumed), /Välkommen tillbaka/);
    const [again] = await say(applicant, 'ny ansökan');
    assert.match(texts(again), /redan ett påbörjat utkast/);
  });

  it('computes the budget per insatsägare and proposes the yearly split by months; the applicant may change it if it adds up', async () => {
    await step(applicant, 2, SECTION_3);
    const badBudget = await step(applicant, 3, { ...SECTION_4, b1_s1_amount: 'mycket' });
    assert.match(texts(badBudget), /Huvudinsatsägare, lön 1: "mycket" är inget belopp/);
    const summary = await step(applicant, 3, SECTION_4);
    const shown = texts(summary);
    assert.match(shown, /5 av 5: sammanfattning/);
    assert.match(
      shown,
      /Huvudinsatsägare: Heby kommun\nLön: Arbetsmarknadskonsulent \(100 %\)\n1 500 000 kr\nUtvärdering\n150 000 kr\nAtt rekvirera\n1 650 000 kr\nEgenfinansiering \(utöver\)\n200 000 kr\nTotalt\n1 850 000 kr/,
    );
    assert.match(shown, /Delinsatsägare: Region Uppsala\nLön: Arbetsterapeut \(50 %\)\n315 408 kr\nAtt rekvirera\n315 408 kr/);
    assert.match(shown, /Egenfinansieringen \(200 000 kr\) kommer utöver det ni söker från förbundet \(1 965 408 kr\)/);
    assert.match(shown, /Att rekvirera från förbundet: 1 965 408 kr/);
    assert.match(shown, /Förslag per år \(månadsregeln\): 2027: 1 415 408 kr, 2028: 550 000 kr/);

    const edit = await invoke(applicant, 'applicationGoto', { applicationId, step: 0 });
    assert.match(texts(edit), /1 av 5: Insatsen och insatsägare/);
    for (const s of [0, 1, 2]) await step(applicant, s, {});
    const back = await step(applicant, 3, {});
    assert.match(texts(back), /sammanfattning/);

    const wrong = await invoke(applicant, 'applicationSubmit', { applicationId, year_2027: '1 400 000', year_2028: '500 000' });
    assert.match(texts(wrong), /Fördelningen per år blir 1 900 000 kr men ska bli 1 965 408 kr/);
  });

  it('submits with a Dnr, tells the kansli, and the beslutsutrymme shows it among the pending applications', async () => {
    const before2027 = await headline(2027);
    const kansliBefore = bot.connector.for(chatOf(kansli)).length;
    const receipt = await invoke(applicant, 'applicationSubmit', { applicationId, year_2027: '1 400 000', year_2028: '565 408' });
    assert.match(texts(receipt), /Ansökan inlämnad: Vägen vidare Heby/);
    assert.match(texts(receipt), /Dnr 2026:1/);
    assert.match(texts(receipt), /Sökt per år: 2027: 1 400 000 kr, 2028: 565 408 kr/);
    const again = await invoke(applicant, 'applicationSubmit', { applicationId, year_2027: '1 400 000', year_2028: '565 408' });
    assert.match(texts(again), /redan inlämnad/);

    const toKansli = bot.connector.for(chatOf(kansli)).slice(kansliBefore);
    assert.equal(toKansli.length, 1);
    assert.deepEqual(actionsOf(toKansli[0].attachments[0].content), ['Registrera styrelsens beslut', 'Visa hela ansökan']);
    const [fullCard, ...more] = await invokeForReplies(kansli, 'showApplication', { applicationId });
    assert.equal(more.length, 0);
    const inFull = texts(fullCard);
    for (const shown of [
      /Ansökan Dnr 2026:1: Vägen vidare Heby/,
      /Syfte\nFler i arbete\./,
      /Part 1: e-post\nbo\.berg@af\.example/,
      /Planerad start\n2027-01-01/,
      /Metod\nIndividuellt stöd enligt IPS\./,
      /Delinsatsägare: Region Uppsala\nLön: Arbetsterapeut \(50 %\)\n315 408 kr/,
    ])
      assert.match(inFull, shown);
    for (const outsider of [board, smallApplicant]) {
      const refused = await invoke(outsider, 'showApplication', { applicationId });
      assert.match(texts(refused), /Hela ansökan visas för kansliet, förbundschefen och den som sökte/);
      assert.doesNotMatch(texts(refused), /Fler i arbete|Felkod/);
    }
    assert.equal(
      bot.connector.for(chatOf(chef)).filter((a) => /Ny ansökan/.test(a.summary ?? '')).length,
      0,
      'above the delegation limit: not for the förbundschef',
    );

    const after2027 = await headline(2027);
    assert.doesNotMatch(before2027, /Efter föreslagna ansökningar/);
    assert.match(after2027, /Efter föreslagna ansökningar: 1 400 tkr/, '2 800 − 1 400');
    assert.match(after2027, /Nya ansökningar, ej beviljade: Vägen vidare Heby \(Dnr 2026:1\) \(Heby kommun\) 1 400 tkr 2027 och 565 tkr 2028/);
    const [status] = await say(applicant, 'status på min ansökan');
    assert.match(texts(status), /Dnr 2026:1 – inlämnad/);
    const [own] = await invokeForReplies(applicant, 'showApplication', { applicationId });
    assert.match(texts(own), /Syfte\nFler i arbete\./, 'the applicant reads their own in full');
  });

  it('refuses a delegation decision above the limit and decisions by the wrong role, with nothing changed', async () => {
    const delegated = await invoke(chef, 'openApplicationDecision', { applicationId, by: 'delegation' });
    assert.match(texts(delegated), /överstiger delegationen \(500 000 kr\) och beslutas av styrelsen/);
    const forged = await invoke(chef, 'decideApplication', { applicationId, by: 'delegation', outcome: 'beviljad', reason: 'Ok.' });
    assert.match(texts(forged), /överstiger delegationen/);
    const byBoardMember = await invoke(board, 'decideApplication', { applicationId, by: 'styrelsen', outcome: 'beviljad', meeting_date: '2026-12-10' });
    assert.match(texts(byBoardMember), /registreras av kansliet/);
    const [status] = await say(applicant, 'status på min ansökan');
    assert.match(texts(status), /inlämnad/);
  });

  it('the kansli records the board’s grant once, less than applied for; the applicant is told and the beslutsutrymme drops by exactly the grant', async () => {
    const form = await invoke(kansli, 'openApplicationDecision', { applicationId, by: 'styrelsen' });
    assert.match(texts(form), /Styrelsens beslut: Vägen vidare Heby \(Dnr 2026:1\)/);
    const tooMuch = await invoke(kansli, 'decideApplication', {
      applicationId,
      by: 'styrelsen',
      outcome: 'beviljad',
      meeting_date: '2026-12-10',
      meeting_paragraph: '§ 47',
      granted_2027: '1 500 000',
      granted_2028: '565 408',
    });
    assert.match(texts(tooMuch), /Beviljas 2027: 1 500 000 kr är mer än det sökta \(1 400 000 kr\)/);
    const noParagraph = await invoke(kansli, 'decideApplication', {
      applicationId,
      by: 'styrelsen',
      outcome: 'beviljad',
      meeting_date: '2026-12-10',
      meeting_paragraph: 'punkt sju',
    });
    assert.match(texts(noParagraph), /Paragraf i protokollet: "punkt sju" är ingen paragraf/);
    const applicantBefore = bot.connector.for(chatOf(applicant)).length;
    const decision = {
      applicationId,
      by: 'styrelsen',
      outcome: 'beviljad',
      meeting_date: '2026-12-10',
      meeting_paragraph: '47',
      granted_2027: '1 300 tkr',
      granted_2028: '565 408',
      period_start: '2027-01-01',
      period_end: '2028-06-30',
    };
    const cards = await Promise.all(Array.from({ length: 10 }, () => invoke(kansli, 'decideApplication', decision)));
    assert.equal(cards.filter((c) => /Beslutet är registrerat/.test(texts(c))).length, 1, 'one decision');
    const decided = cards.find((c) => /Beslutet är registrerat/.test(texts(c)));
    // A reduced grant says so, in the förbund's wording, with the meeting and its paragraph; "1 300 tkr" is read as in every form.
    assert.match(
      texts(decided),
      /Förbundsstyrelsen beslutade vid sitt sammanträde 10 december 2026, § 47, att bevilja finansiellt stöd för insatsen Vägen vidare Heby för perioden 1 januari 2027 till 30 juni 2028 med högst 1 865 408 kronor \(2027: 1 300 000 kronor, 2028: 565 408 kronor\), i stället för sökta 1 965 408 kronor, under förutsättning att medlemmarna fortsätter att finansiera förbundet/,
    );
    assert.doesNotMatch(texts(decided), /enligt ansökan för insatsen/);
    const told = bot.connector.for(chatOf(applicant)).slice(applicantBefore);
    assert.equal(told.length, 1);
    assert.match(texts(told[0].attachments[0].content), /Beslut om din ansökan Dnr 2026:1: beviljad/);
    // The kansli's card about the new ansökan is replaced by its final state: no "Registrera" button stays on it.
    const replaced = bot.connector.updates.filter(
      (u) => u.conversationId === chatOf(kansli) && /Ansökan Dnr 2026:1: Vägen vidare Heby/.test(texts(u.body.attachments[0].content)),
    );
    assert.equal(replaced.length, 1);
    assert.deepEqual(actionsOf(replaced[0]!.body.attachments[0].content), ['Visa hela ansökan']);
    assert.match(texts(replaced[0]!.body.attachments[0].content), /Dnr 2026:1 – beviljad/);
    const storeBefore = await storeContents(bot);
    const stale = await invoke(kansli, 'openApplicationDecision', { applicationId, by: 'styrelsen' });
    assert.match(texts(stale), /redan beviljad/);
    const staleDecision = await invoke(kansli, 'decideApplication', { ...decision, outcome: 'avslagen' });
    assert.match(texts(staleDecision), /redan beviljad/);
    const staleStep = await step(applicant, 3, { ...SECTION_4, b1_premises: '999 000' });
    assert.match(texts(staleStep), /redan inlämnad/);
    const staleSubmit = await invoke(applicant, 'applicationSubmit', { applicationId, year_2027: '1', year_2028: '1' });
    assert.doesNotMatch(texts(staleSubmit), /Felkod/);
    assert.equal(await storeContents(bot), storeBefore, 'old cards change nothing once it is decided');

    const after = await headline(2027);
    assert.match(after, /Kvarvarande beslutsutrymme, preliminär budget 2027\n1 500 tkr/, '2 800 − 1 300');
    assert.doesNotMatch(after, /Nya ansökningar, ej beviljade/);
    const [cost] = await say(board, 'vad kostar vägen vidare heby 2027?');
    assert.match(texts(cost), /1 300 tkr/);
    const [period] = await say(board, 'när slutar vägen vidare heby?');
    assert.match(texts(period), /30 juni 2028/);

    // The new insats has nobody to report for it until the kansli appoints someone; the applicant is proposed.
    const [without] = await say(kansli, 'vilka insatser saknar insatsansvarig?');
    assert.match(texts(without), /Vägen vidare Heby/);
    const appoint = decided.actions.find((a: any) => a.verb === 'openPersonForm');
    assert.ok(appoint, 'the grant receipt offers to appoint an insatsansvarig');
    const [personForm] = await invokeForReplies(kansli, 'openPersonForm', appoint.data);
    assert.ok(JSON.stringify(personForm).includes('"value":"Sökande på Heby kommun"'), 'the applicant is proposed');
    const saved = await invoke(kansli, 'savePerson', {
      mode: 'add',
      aadObjectId: '',
      person: applicant.aadObjectId,
      name: applicant.name,
      email: '',
      roles: 'insatsansvarig',
      initiatives: appoint.data.initiativeId,
    });
    assert.match(texts(saved), /Sökande på Heby kommun är tillagd/);
    const [withLead] = await say(kansli, 'vilka insatser saknar insatsansvarig?');
    assert.doesNotMatch(texts(withLead), /Vägen vidare Heby/);
  });

  it('a small application is decided by the förbundschef on delegation and joins the delegationsbeslut register', async () => {
    const [first] = await say(smallApplicant, 'ny ansökan');
    const id = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const go = (s: number, fields: Record<string, string>) =>
      invoke(smallApplicant, 'applicationStep', { applicationId: id, step: s, direction: 'next', ...fields });
    await go(0, { ...SECTION_1, name: 'Lotsen Tierp', owner_org: 'Tierps kommun', owner_email: 'lotsen@tierp.example' });
    await go(1, SECTION_2);
    await go(2, { ...SECTION_3, start: '2027-01-01', end: '2027-12-31', last_intake: '' });
    await go(3, { b1_s1_title: 'Lots', b1_s1_percent: '50', b1_s1_from: '2027-01-01', b1_s1_to: '2027-12-31', b1_s1_amount: '300 000' });
    const chefBefore = bot.connector.for(chatOf(chef)).length;
    const receipt = await invoke(smallApplicant, 'applicationSubmit', { applicationId: id });
    assert.match(texts(receipt), /Dnr 2026:2/);
    const toChef = bot.connector.for(chatOf(chef)).slice(chefBefore);
    assert.deepEqual(actionsOf(toChef[0].attachments[0].content), ['Besluta på delegation', 'Visa hela ansökan']);
    const missing = await invoke(chef, 'decideApplication', { applicationId: id, by: 'delegation', outcome: 'beviljad', reason: '' });
    assert.match(texts(missing), /Motivering: skriv en motivering/);
    const roomBefore = await headline(2027);
    const decided = await invoke(chef, 'decideApplication', {
      applicationId: id,
      by: 'delegation',
      outcome: 'beviljad',
      reason: 'Ryms i beslutsutrymmet och följer riktlinjerna.',
    });
    assert.match(texts(decided), /Delegationsbeslut D 2026:1/);
    const tkr = (t: string) => Number(/Kvarvarande beslutsutrymme, preliminär budget 2027\n([\d ]+) tkr/.exec(t)?.[1]?.replace(/ /g, ''));
    assert.equal(tkr(roomBefore) - tkr(await headline(2027)), 300, 'the grant of 300 000 kr leaves 2027');
    const [register] = await say(kansli, 'delegationsbeslut 2026');
    assert.match(texts(register), /D 2026:1 – 23 november 2026/);
    assert.match(texts(register), /Ärende: Ansökan Lotsen Tierp, Dnr 2026:2/);
    assert.match(texts(register), /Ekonomisk effekt: 2027: 300 000 kr/);
  });

  it('concurrent submissions get distinct, gap-free diarienummer; a rejection takes the application out of the beslutsutrymme', async () => {
    const applicants = Array.from({ length: 6 }, (_, i) => user(`29:many-${i}`, `00000000-0000-0000-0000-0000000b000${i}`, `Sökande ${i}`));
    const ids: string[] = [];
    for (const [i, u] of applicants.entries()) {
      const [first] = await say(u, 'ny ansökan');
      const id = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId as string;
      const go = (s: number, fields: Record<string, string>) => invoke(u, 'applicationStep', { applicationId: id, step: s, direction: 'next', ...fields });
      await go(0, { ...SECTION_1, name: `Insats ${i}` });
      await go(1, SECTION_2);
      await go(2, { ...SECTION_3, start: '2027-01-01', end: '2027-12-31', last_intake: '' });
      await go(3, { b1_s1_title: 'Coach', b1_s1_percent: '100', b1_s1_from: '2027-01-01', b1_s1_to: '2027-12-31', b1_s1_amount: '100 000' });
      ids.push(id);
    }
    const receipts = await Promise.all(applicants.map((u, i) => invoke(u, 'applicationSubmit', { applicationId: ids[i] })));
    const numbers = receipts.map((r) => Number(/Dnr 2026:(\d+)/.exec(texts(r))?.[1])).sort((a, b) => a - b);
    assert.deepEqual(numbers, [3, 4, 5, 6, 7, 8]);

    const pending = await headline(2027);
    assert.match(pending, /Insats 0 \(Dnr 2026:\d+\)/);
    const rejected = await invoke(kansli, 'decideApplication', {
      applicationId: ids[0],
      by: 'styrelsen',
      outcome: 'avslagen',
      meeting_date: '2026-12-10',
      meeting_paragraph: '§ 48',
    });
    assert.match(
      texts(rejected),
      /Förbundsstyrelsen beslutade vid sitt sammanträde 10 december 2026, § 48, att avslå ansökan om finansiellt stöd för insatsen Insats 0/,
    );
    assert.doesNotMatch(await headline(2027), /Insats 0 \(Dnr/);
  });

  it('the applicant can discard a draft; a submitted ansökan cannot be discarded', async () => {
    const u = user('29:discard', '00000000-0000-0000-0000-00000000d15c', 'Sökande som ångrar sig');
    const [first] = await say(u, 'ny ansökan');
    const id = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const gone = await invoke(u, 'applicationDiscard', { applicationId: id });
    assert.match(texts(gone), /Utkastet är slängt/);
    const [none] = await say(u, 'fortsätt min ansökan');
    assert.match(texts(none), /Du har inget påbörjat utkast/);
    assert.doesNotMatch(texts(none), /Felkod/, 'nothing to resume is no fault');
    assert.deepEqual(actionsOf(none), ['Ny ansökan', 'Status på min ansökan']);
    const refused = await invoke(applicant, 'applicationDiscard', { applicationId });
    assert.match(texts(refused), /kan inte slängas; den är en allmän handling/);
    const foreign = await invoke(u, 'applicationStep', { applicationId, step: 0, direction: 'next' });
    assert.match(texts(foreign), /någon annans ansökan/);
  });

  it('finishes at start a decision a crash left without its effects', async () => {
    const before = await headline(2027);
    await bot.app.close();
    const store = await openCosmosStore({ database: 'finsam', dataDir: bot.dataDir });
    const repos = cosmosRepositories(store);
    const n = await repos.sequences.assign('uppsala', 'dnr', 2026, 'ansokan-crashed');
    await repos.applications.create({
      id: 'ansokan-crashed',
      associationId: 'uppsala',
      status: 'beviljad',
      applicant: { aadObjectId: applicant.aadObjectId, name: applicant.name },
      fields: { ...SECTION_1, name: 'Omstart Heby', type: 'Individinsats' },
      step: 4,
      createdAt: '2026-11-23T08:00:00Z',
      updatedAt: '2026-11-23T08:00:00Z',
      dnr: `Dnr 2026:${n}`,
      submittedAt: '2026-11-23T08:00:00Z',
      submittedOn: '2026-11-23',
      name: 'Omstart Heby',
      owner: 'Heby kommun',
      period: { start: '2027-01-01', end: '2027-12-31' },
      requestedByYear: { 2027: 200_000 },
      kansliNotified: true,
      decision: {
        outcome: 'beviljad',
        by: 'styrelsen',
        decidedAt: '2026-12-10T10:00:00Z',
        decidedOn: '2026-12-10',
        meetingDate: '2026-12-10',
        decider: { name: 'Förbundsstyrelsen' },
        reason: '',
        grantedByYear: { 2027: 200_000 },
        period: { start: '2027-01-01', end: '2027-12-31' },
        text: 'att bevilja …',
      },
      decisionFinished: false,
    });
    await store.close();
    const connector = bot.connector;
    const restarted = await startBot(env, bot.dataDir, connector);
    bot = {
      ...restarted,
      stop: async (o) => {
        await restarted.stop(o);
        await connector.close();
      },
    };
    await bot.app.firstRepair;
    const tkr = (t: string) => Number(/Kvarvarande beslutsutrymme, preliminär budget 2027\n([\d ]+) tkr/.exec(t)?.[1]?.replace(/ /g, ''));
    assert.equal(tkr(before) - tkr(await headline(2027)), 200);
    const [period] = await say(board, 'när slutar omstart heby?');
    assert.match(texts(period), /31 december 2027/);
  });

  it('takes any number of samverkansparter, salaries and other costs ("Lägg till …"), keeps what was typed and the applicant’s own post names', async () => {
    const many = user('29:sok3', '00000000-0000-0000-0000-00000000a003', 'Sökande på Knivsta kommun');
    const [first] = await say(many, 'ny ansökan');
    const id = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const at = (s: number, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      invoke(many, 'applicationStep', { applicationId: id, step: s, ...extra, ...fields });
    const partners = { ...SECTION_1, name: 'Tre parter', owner_org: 'Knivsta kommun', partner2_org: 'Region Uppsala' };
    const grown = await at(0, partners, { direction: 'add', line: 'partner' });
    assert.match(texts(grown), /en ny rad finns sist i gruppen/);
    assert.deepEqual(
      inputIds(grown).filter((i) => /^partner\d_org$/.test(i)),
      ['partner1_org', 'partner2_org', 'partner3_org'],
    );
    assert.equal(grown.body.flatMap((b: any) => b.items ?? []).find((i: any) => i.id === 'partner2_org')?.value, 'Region Uppsala', 'what was typed is kept');
    await at(0, { ...partners, partner3_org: 'Försäkringskassan' }, { direction: 'next' });
    await at(1, SECTION_2, { direction: 'next' });
    await at(2, SECTION_3, { direction: 'next' });
    let budget: Record<string, string> = { ...SECTION_4, b1_other1_post: 'Övrigt', b1_other1_name: 'Studiebesök i Umeå' };
    for (const line of ['b1_salary', 'b1_other', 'b1_other']) await at(3, budget, { direction: 'add', line });
    budget = {
      ...budget,
      b1_s3_title: 'Studie- och yrkesvägledare',
      b1_s3_percent: '25',
      b1_s3_from: '2027-01-01',
      b1_s3_to: '2027-12-31',
      b1_s3_amount: '120 tkr',
      b1_other4_post: 'Resor',
      b1_other4_name: 'deltagarnas resor',
      b1_other4_amount: '12 000',
    };
    const summary = texts(await at(3, budget, { direction: 'next' }));
    assert.match(summary, /Samverkansparter: Arbetsförmedlingen, Region Uppsala, Försäkringskassan/);
    assert.match(summary, /Lön: Studie- och yrkesvägledare \(25 %\)\n120 000 kr/);
    assert.match(summary, /Studiebesök i Umeå\n150 000 kr/);
    assert.match(summary, /Resor: deltagarnas resor\n12 000 kr/);
    assert.match(summary, /Huvudinsatsägare: Knivsta kommun\n(?:.*\n){8}Att rekvirera\n1 782 000 kr/);
    const elsewhere = await at(3, budget, { direction: 'add', line: 'partner' });
    assert.match(texts(elsewhere), /inte i det här avsnittet/, 'a group of another section is not grown from the budget');
    for (let i = 0; i < 12; i += 1) await at(3, budget, { direction: 'add', line: 'b2_other' });
    const capped = await at(3, budget, { direction: 'add', line: 'b2_other' });
    assert.match(texts(capped), /redan det största antalet rader \(10\)/);
    const forged = await invoke(many, 'applicationStep', { applicationId: id, step: 3, direction: 'add', line: 'b9_salary' });
    assert.doesNotMatch(texts(forged), /ny rad/);
  });
});
