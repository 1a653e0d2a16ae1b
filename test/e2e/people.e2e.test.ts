import assert from 'assert/strict';
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { TeamsUser } from '../helpers/teams';
import { chat, chatOf, texts } from '../helpers/chat';
import { makeTempDir } from '../helpers/tempDir';
import { cosmosRepositories } from '../../src/store/repositories';
import { addAssociation } from '../../src/people/addAssociation';
import { requestFaultsForTests } from '../../src/store/embeddedCosmos';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const chief = user('29:chief', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const lead = user('29:lead', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const deputy = user('29:deputy', '00000000-0000-0000-0000-0000000000c3', 'Ersättare för förbundschefen (demo)');
const newcomer = user('29:anna', '11111111-2222-4333-8444-555555555555', 'Anna Andersson');
const otherForbund = user('29:other', '99999999-0000-4000-8000-000000000001', 'Kansli i Gävleborg');

const addForm = (p: TeamsUser, roles: string, initiatives = '', extra: Record<string, unknown> = {}) => ({
  mode: 'add',
  aadObjectId: '',
  person: p.aadObjectId,
  name: p.name,
  email: '',
  roles,
  initiatives,
  ...extra,
});

describe('people and roles administered in chat', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  const { say, sayInChannel, invoke } = chat(() => bot);
  const rolesDir = makeTempDir('finsam-roles-');
  before(async () => {
    // A second förbund with its own kansli, to show that nobody reaches across.
    const demo = JSON.parse(readFileSync(path.resolve(__dirname, '../../../config/roles.demo.json'), 'utf8'));
    demo.users.push({ aadObjectId: otherForbund.aadObjectId, name: otherForbund.name, association: 'gavleborg', roles: ['kansli'] });
    writeFileSync(path.join(rolesDir.dir, 'roles.json'), JSON.stringify(demo));
    bot = await startBot({ CLOCK_DATE: '2026-11-23', ROLES_FILE: path.join(rolesDir.dir, 'roles.json') });
  });
  after(async () => {
    await bot?.stop();
    rolesDir.cleanup();
  });

  it('the kansli adds an insatsansvarig for Växtkraft through the card, who can file at once and loses it when removed', async () => {
    const [before] = await say(newcomer, 'kvartalsrapport');
    assert.doesNotMatch(texts(before), /Kvartalsrapport kvartal 3 2026 – Växtkraft/);
    const [form] = await say(kansli, 'lägg till användare');
    assert.match(texts(form), /Lägg till användare/);
    assert.ok(JSON.stringify(form).includes('graph.microsoft.com/users'), 'the people picker is on the form');
    const list = await invoke(kansli, 'savePerson', addForm(newcomer, 'insatsansvarig', 'vaxtkraft'));
    assert.match(texts(list), /Anna Andersson är tillagd/);
    assert.match(texts(list), /Insatsansvarig för Växtkraft \(Enköping\)/);
    const [report] = await say(newcomer, 'kvartalsrapport');
    assert.match(texts(report), /Kvartalsrapport kvartal 3 2026 – Växtkraft \(Enköping\)/);

    const confirm = await invoke(kansli, 'removePerson', { aadObjectId: newcomer.aadObjectId });
    assert.match(texts(confirm), /Ta bort Anna Andersson\?/);
    const after = await invoke(kansli, 'removePerson', { aadObjectId: newcomer.aadObjectId, confirm: 'yes' });
    assert.match(texts(after), /Anna Andersson är borttagen/);
    const [gone] = await say(newcomer, 'kvartalsrapport');
    assert.doesNotMatch(texts(gone), /Kvartalsrapport kvartal 3 2026 – Växtkraft/);
  });

  it('a person invited by name and e-mail gets the roles the first time they write, found by the e-mail Teams knows', async () => {
    const berit = user('29:berit', '55555555-6666-4777-8888-999999999999', 'Berit B');
    const list = await invoke(kansli, 'savePerson', {
      mode: 'add',
      aadObjectId: '',
      person: '',
      name: 'Berit Bergström',
      email: 'Berit@Forbundet.example',
      roles: 'styrelse,insatsansvarig',
      initiatives: 'bryggan',
    });
    assert.match(texts(list), /Berit Bergström är inbjuden/);
    assert.match(texts(list), /Inbjuden \(berit@forbundet\.example\)/);
    // Someone else with no invitation stays a stranger.
    bot.connector.addMember({ id: newcomer.id, name: newcomer.name, aadObjectId: newcomer.aadObjectId as string, email: 'anna@annanstans.example' });
    const [stranger] = await say(newcomer, 'användare');
    assert.match(texts(stranger), /Bara kansliet och förbundschefen/);
    bot.connector.addMember({ id: berit.id, name: berit.name, aadObjectId: berit.aadObjectId as string, email: 'berit@forbundet.example' });
    const [report] = await say(berit, 'kvartalsrapport');
    assert.match(texts(report), /Bryggan \(Östhammar\)/);
    const [after] = await say(kansli, 'användare');
    assert.doesNotMatch(texts(after), /Inbjuden/);
    const [audit] = await say(kansli, 'ändringar av behörigheter');
    assert.match(texts(audit), /Berit Bergström \(första inloggning\)/);
    await invoke(kansli, 'removePerson', { aadObjectId: berit.aadObjectId, confirm: 'yes' });
  });

  it('in the board’s team, a person without a role is offered to the kansli once and gets the styrelse role only by a click', async () => {
    const inChannel = (u: TeamsUser, text: string) => sayInChannel(u, text, 'styrelsen');
    const member = user('29:styrbjorn', '66666666-7777-4888-8999-000000000000', 'Styrbjörn Ledamot');
    const offers = () =>
      bot.connector
        .for(chatOf(kansli))
        .filter((a) => /Styrbjörn Ledamot skriver i styrelsens team/.test(a.summary ?? texts(a.attachments?.[0]?.content ?? {})));
    const [refused] = await inChannel(board, 'detta är styrelsens team');
    assert.match(texts(refused), /Bara kansliet och förbundschefen/);
    const [named] = await inChannel(kansli, 'detta är styrelsens team');
    assert.match(texts(named), /Styrelsens team är sparat/);

    const [answer] = await inChannel(member, 'beslutsutrymme 2026?');
    assert.match(texts(answer), /3 038 tkr/);
    assert.equal(offers().length, 1, 'the kansli is asked');
    const [stillNothing] = await say(member, 'användare');
    assert.match(texts(stillNothing), /Bara kansliet och förbundschefen/, 'nothing granted without the click');
    await inChannel(member, 'resultat 2026?');
    assert.equal(offers().length, 1, 'asked once per person');

    const offer = offers()[0].attachments[0].content;
    const grant = offer.actions.find((a: any) => a.verb === 'savePerson');
    const list = await invoke(kansli, 'savePerson', grant.data);
    assert.match(texts(list), /Styrbjörn Ledamot är tillagd/);
    const [decisions] = await say(member, 'delegationsbeslut sedan förra styrelsemötet');
    assert.doesNotMatch(texts(decisions), /Bara|behörighet/);
  });

  it('a board member, an insatsansvarig and the kansli of another förbund can neither see nor change anyone', async () => {
    for (const outsider of [board, lead]) {
      const [refused] = await say(outsider, 'användare');
      assert.match(texts(refused), /Bara kansliet och förbundschefen/);
      const card = await invoke(outsider, 'savePerson', addForm(newcomer, 'kansli'));
      assert.match(texts(card), /Bara kansliet och förbundschefen/);
    }
    // A stranger learns no names by guessing at "ta bort".
    const [guess] = await say(newcomer, 'ta bort användaren a');
    assert.match(texts(guess), /Bara kansliet och förbundschefen/);
    assert.doesNotMatch(texts(guess), /demo/);
    const [theirs] = await say(otherForbund, 'användare');
    assert.match(texts(theirs), /Kansli i Gävleborg/);
    assert.doesNotMatch(texts(theirs), /Förbundschef \(demo\)/);
    const card = await invoke(otherForbund, 'removePerson', { aadObjectId: chief.aadObjectId, confirm: 'yes' });
    assert.match(texts(card), /finns inte längre bland förbundets användare/);
    const [ours] = await say(kansli, 'användare');
    assert.match(texts(ours), /Förbundschef \(demo\)/);
    assert.doesNotMatch(texts(ours), /Anna Andersson/);
  });

  it("refuses removing the last förbundschef and changing one's own roles, saying why", async () => {
    const confirm = await invoke(kansli, 'removePerson', { aadObjectId: chief.aadObjectId, confirm: 'yes' });
    assert.match(texts(confirm), /enda med rollen förbundschef/);
    // An invitation nobody has taken cannot stand in for the only kansli person.
    await invoke(chief, 'savePerson', {
      mode: 'add',
      aadObjectId: '',
      person: '',
      name: 'Ny ekonom',
      email: 'ny.ekonom@forbundet.example',
      roles: 'kansli',
      initiatives: '',
    });
    const lastKansli = await invoke(chief, 'removePerson', { aadObjectId: kansli.aadObjectId, confirm: 'yes' });
    assert.match(texts(lastKansli), /enda med rollen kansli/);
    await invoke(chief, 'removePerson', { aadObjectId: 'invite:ny.ekonom@forbundet.example', confirm: 'yes' });
    const own = await invoke(kansli, 'savePerson', { ...addForm(kansli, 'kansli,styrelse'), mode: 'edit', aadObjectId: kansli.aadObjectId, person: '' });
    assert.match(texts(own), /Du kan inte ändra dina egna behörigheter/);
    const [list] = await say(chief, 'användare');
    assert.match(texts(list), /Förbundschef \(demo\)/);
  });

  it('keeps the typed form with the problem beside each field', async () => {
    const card = await invoke(kansli, 'savePerson', {
      mode: 'add',
      person: '',
      name: 'Berit',
      email: 'inte-en-adress',
      roles: 'insatsansvarig',
      initiatives: '',
    });
    const t = texts(card);
    assert.match(t, /E-post: "inte-en-adress" är ingen e-postadress/);
    assert.match(t, /Insatser: välj de insatser/);
    assert.match(t, /2 fält behöver rättas ovan\. Inget sparades\./);
    assert.ok(JSON.stringify(card).includes('"value":"Berit"'), 'the typed name is kept');
  });

  it('ten simultaneous changes of one person end in one of them, each in the audit', async () => {
    await invoke(kansli, 'savePerson', addForm(newcomer, 'styrelse'));
    const variants = ['styrelse', 'kansli', 'styrelse,kansli', 'insatsansvarig', 'styrelse,insatsansvarig'];
    const sent = Array.from({ length: 10 }, (_, i) => variants[i % variants.length] as string);
    await Promise.all(
      sent.map((roles) =>
        invoke(chief, 'savePerson', {
          ...addForm(newcomer, roles, roles.includes('insatsansvarig') ? 'bryggan' : ''),
          mode: 'edit',
          aadObjectId: newcomer.aadObjectId,
          person: '',
        }),
      ),
    );
    const [list] = await say(kansli, 'användare');
    const lines = texts(list).split('\n');
    const at = lines.findIndex((l) => l === 'Anna Andersson');
    const roles = (lines.slice(at + 1).find((l) => l.startsWith('Roller: ')) as string).slice('Roller: '.length);
    const labels: Record<string, string> = { styrelse: 'Styrelse', kansli: 'Kansli', insatsansvarig: 'Insatsansvarig för Bryggan (Östhammar)' };
    const settled = variants.find(
      (v) =>
        v
          .split(',')
          .map((r) => labels[r])
          .join('; ') === roles,
    );
    assert.ok(settled, `Anna's roles "${roles}" are those of one of the changes sent`);
    // The copy that places her messages agrees with the roster: she may administer only if she is kansli now.
    const [hers] = await say(newcomer, 'användare');
    if (settled.includes('kansli')) assert.match(texts(hers), /Förbundets användare/);
    else assert.match(texts(hers), /Bara kansliet och förbundschefen/);
    const [audit] = await say(kansli, 'ändringar av behörigheter');
    const entries = texts(audit).match(/: Anna Andersson/g) ?? [];
    // The add and the ten changes, each logged once.
    assert.ok(entries.length >= 11, `${entries.length} audit entries for Anna`);
    assert.match(texts(audit), /Förbundschef \(demo\)/);
  });

  it('a form opened before someone else’s change does not overwrite it: it comes back with what stands now', async () => {
    const erik = user('29:erik', 'e0e0e0e0-1111-4222-8333-444444444444', 'Erik Eriksson');
    await invoke(kansli, 'savePerson', addForm(erik, 'styrelse'));
    const saveData = (card: any) => {
      const found: any[] = [];
      const walk = (n: any): void => {
        if (Array.isArray(n)) return n.forEach(walk);
        if (!n || typeof n !== 'object') return;
        if (n.verb === 'savePerson') found.push(n.data);
        Object.values(n).forEach(walk);
      };
      walk(card);
      return found[0];
    };
    const staleForm = await invoke(kansli, 'openPersonForm', { aadObjectId: erik.aadObjectId });
    const chiefsForm = await invoke(chief, 'openPersonForm', { aadObjectId: erik.aadObjectId });
    const fields = (roles: string, initiatives = '') => ({ person: '', name: erik.name, email: '', roles, initiatives });
    const chiefs = await invoke(chief, 'savePerson', { ...saveData(chiefsForm), ...fields('styrelse,kansli') });
    assert.match(texts(chiefs), /Erik Eriksson är ändrad/);

    const refused = await invoke(kansli, 'savePerson', { ...saveData(staleForm), ...fields('insatsansvarig', 'bryggan') });
    assert.match(texts(refused), /Någon annan ändrade Erik Eriksson medan du hade formuläret öppet/);
    assert.ok(JSON.stringify(refused).includes('"value":"styrelse,kansli"'), 'the form shows the roles that stand now');
    const [list] = await say(kansli, 'användare');
    assert.match(texts(list), /Erik Eriksson\nRoller: Styrelse; Kansli/, 'the chief’s change stands');

    const again = await invoke(kansli, 'savePerson', { ...saveData(refused), ...fields('insatsansvarig', 'bryggan') });
    assert.match(texts(again), /Erik Eriksson är ändrad/);
    assert.match(texts(again), /Erik Eriksson\nRoller: Insatsansvarig för Bryggan \(Östhammar\)/);
  });

  it('a deputy decides inside the period and is told who decides outside it', async () => {
    const period = (from: string, to: string) =>
      invoke(chief, 'savePerson', {
        ...addForm(deputy, 'ersattare'),
        mode: 'edit',
        aadObjectId: deputy.aadObjectId,
        person: '',
        deputyFrom: from,
        deputyTo: to,
      });
    await period('2027-07-01', '2027-07-31');
    const outside = await invoke(deputy, 'decideDeviation', { caseId: 'avvikelse-finns-inte', outcome: 'godkänd' });
    assert.match(texts(outside), /ersättare för förbundschefen 2027-07-01–2027-07-31|1 juli 2027/);
    assert.match(texts(outside), /I dag beslutar förbundschefen Förbundschef \(demo\)/);
    await period('2026-11-01', '2026-11-30');
    const inside = await invoke(deputy, 'decideDeviation', { caseId: 'avvikelse-finns-inte', outcome: 'godkänd' });
    assert.doesNotMatch(texts(inside), /ersättare för förbundschefen|Bara förbundschefen/);
  });

  it('a förbund added by npm run forbund is administered in chat by its first kansli person, apart from ours', async () => {
    const people = cosmosRepositories(bot.app.store).people;
    const nora = user('29:nora', '33333333-4444-4555-8666-777777777777', 'Nora Norrbotten');
    const input = { id: 'norrbotten', name: 'Samordningsförbundet Norrbotten', kansliId: nora.aadObjectId as string, kansliName: nora.name };
    assert.equal((await addAssociation(people, input, new Date())).ok, true);
    assert.match((await addAssociation(people, input, new Date())).message, /finns redan/);
    const [list] = await say(nora, 'användare');
    assert.match(texts(list), /Nora Norrbotten/);
    assert.doesNotMatch(texts(list), /Förbundschef \(demo\)/);
    const added = await invoke(nora, 'savePerson', addForm(user('29:n2', '44444444-5555-4666-8777-888888888888', 'Nils Norrbotten'), 'forbundschef'));
    assert.match(texts(added), /Nils Norrbotten är tillagd/);
    const [ours] = await say(kansli, 'användare');
    assert.doesNotMatch(texts(ours), /Norrbotten/);
  });

  it('an insats without an insatsansvarig is listed until someone is assigned', async () => {
    const [before] = await say(kansli, 'vilka insatser saknar insatsansvarig?');
    assert.match(texts(before), /Min framtid \(Tierp\)/);
    const tierp = user('29:tierp', '22222222-3333-4444-8555-666666666666', 'Tove i Tierp');
    await invoke(kansli, 'savePerson', addForm(tierp, 'insatsansvarig', 'min-framtid'));
    const [after] = await say(kansli, 'vilka insatser saknar insatsansvarig?');
    assert.doesNotMatch(texts(after), /Min framtid \(Tierp\)/);
  });
});

describe('the roles file seeds the store once', function () {
  this.timeout(120_000);

  it('npm run forbund adds a förbund with its first kansli person, lists it, and refuses bad input and a second add', () => {
    const data = makeTempDir('finsam-forbund-cli-');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--no-deprecation', path.resolve(__dirname, '../../src/people/forbundCli.js'), ...args], {
        env: { ...process.env, DATA_DIR: data.dir, COSMOS_ENDPOINT: '', BOT_ID: '' },
        encoding: 'utf8',
      });
    try {
      const added = cli('add', 'gotland', 'Samordningsförbundet Gotland', '--kansli', '77777777-8888-4999-8aaa-bbbbbbbbbbbb', '--namn', 'Gun på Gotland');
      assert.equal(added.status, 0, added.stderr);
      assert.match(added.stdout, /Förbundet gotland \(Samordningsförbundet Gotland\) är tillagt med Gun på Gotland på kansliet/);
      assert.match(cli('list').stdout, /gotland\tSamordningsförbundet Gotland\t1 användare/);
      const again = cli('add', 'gotland', 'Samordningsförbundet Gotland', '--kansli', '77777777-8888-4999-8aaa-bbbbbbbbbbbb');
      assert.equal(again.status, 1);
      assert.match(again.stdout, /finns redan/);
      const bad = cli('add', 'Gotland!', 'X', '--kansli', 'inte-ett-id');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /gemener, siffror och bindestreck/);
    } finally {
      data.cleanup();
    }
  });

  it('a restart with a different ROLES_FILE keeps the people changed in chat', async () => {
    const dir = makeTempDir('finsam-roles-restart-');
    const first = path.join(dir.dir, 'first.json');
    const second = path.join(dir.dir, 'second.json');
    writeFileSync(
      first,
      JSON.stringify({
        users: [
          { aadObjectId: kansli.aadObjectId, name: kansli.name, association: 'uppsala', roles: ['kansli'] },
          { aadObjectId: chief.aadObjectId, name: chief.name, association: 'uppsala', roles: ['forbundschef'] },
        ],
      }),
    );
    writeFileSync(second, JSON.stringify({ users: [{ aadObjectId: board.aadObjectId, name: 'Bara i fil två', association: 'uppsala', roles: ['kansli'] }] }));
    const data = makeTempDir('finsam-roles-data-');
    let bot = await startBot({ CLOCK_DATE: '2026-11-23', ROLES_FILE: first }, data.dir);
    try {
      const { invoke } = chat(() => bot);
      const list = await invoke(chief, 'savePerson', addForm(newcomer, 'styrelse'));
      assert.match(texts(list), /Anna Andersson är tillagd/);
    } finally {
      await bot.stop({ keepData: true });
    }
    bot = await startBot({ CLOCK_DATE: '2026-11-23', ROLES_FILE: second }, data.dir);
    try {
      const { say } = chat(() => bot);
      const [list] = await say(kansli, 'användare');
      assert.match(texts(list), /Anna Andersson/);
      assert.doesNotMatch(texts(list), /Bara i fil två/);
    } finally {
      await bot.stop();
      data.cleanup();
      dir.cleanup();
    }
  });
});

describe('a change the store takes only in part', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);
  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23', REPAIR_INTERVAL_MS: '100' });
  });
  after(async () => {
    delete requestFaultsForTests.refuse;
    await bot?.stop();
  });

  it('says the change is saved but not yet in force, and the background repair puts it in force', async () => {
    const karin = user('29:karin', 'f1f1f1f1-2222-4333-8444-555555555555', 'Karin Kansli');
    await invoke(kansli, 'savePerson', addForm(karin, 'kansli'));
    const [hers] = await say(karin, 'användare');
    assert.match(texts(hers), /Förbundets användare/);

    // The roster takes the removal; her directory entry, which places her messages, does not.
    requestFaultsForTests.refuse = (r) => (r.method === 'PUT' && r.url.includes(`member-${karin.aadObjectId}`) ? 503 : undefined);
    const answer = await invoke(kansli, 'removePerson', { aadObjectId: karin.aadObjectId, confirm: 'yes' });
    assert.match(texts(answer), /Sparat, men inte klart/);
    assert.match(texts(answer), /Ändringen är sparad i förbundets användarlista/);
    assert.doesNotMatch(texts(answer), /Inget sparades/);
    const [list] = await say(kansli, 'användare');
    assert.doesNotMatch(texts(list), /Karin Kansli/, 'the roster has the removal');
    const [stale] = await say(karin, 'användare');
    assert.match(texts(stale), /Förbundets användare/, 'until the entry is written she keeps the old access');

    delete requestFaultsForTests.refuse;
    let after = '';
    for (let attempt = 0; attempt < 500 && !/Bara kansliet och förbundschefen/.test(after); attempt += 1) {
      after = texts((await say(karin, 'användare'))[0]);
    }
    assert.match(after, /Bara kansliet och förbundschefen/, 'the repair took her access away');
    const [audit] = await say(kansli, 'ändringar av behörigheter');
    assert.match(texts(audit), /Karin Kansli/);
  });
});
