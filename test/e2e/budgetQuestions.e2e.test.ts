import assert from 'assert/strict';
import { writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { todayInStockholm } from '../../src/clock';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { startTokenIssuer } from '../helpers/tokenIssuer';
import { adaptiveCardInvoke, cardTexts, teamsMessage, TeamsUser } from '../helpers/teams';

const boardMember: TeamsUser = { id: '29:board', aadObjectId: '00000000-0000-0000-0000-00000000b0a1', name: 'Styrelseledamot' };
const MINUS = '\u2212';

/** Ask in a personal chat and return the texts of every card the bot sent back. */
async function ask(bot: BotUnderTest, text: string, options: { channel?: boolean; mention?: boolean; user?: TeamsUser } = {}): Promise<string[][]> {
  const activity = teamsMessage(bot.connector.url, options.user ?? boardMember, text, options);
  const res = await bot.post(activity);
  assert.equal(res.status, 200, `HTTP status for "${text}"`);
  const sent = bot.connector.for(activity.conversation.id);
  assert.ok(sent.length > 0, `no reply to "${text}"`);
  for (const a of sent) {
    assert.equal(a.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(a.attachments[0].content.version, '1.5');
    assert.equal(a.replyToId, activity.id);
  }
  return sent.map((a) => cardTexts(a.attachments[0].content));
}

const joined = (cards: string[][]) => cards.map((c) => c.join('\n')).join('\n---\n');

/** [question, strings that must all appear in the reply cards]. */
const PHRASINGS: [string, string[]][] = [
  [
    'beslutsutrymme 2026?',
    ['Beslutsutrymme 2026', '3 038 tkr', 'Budget 2026: 3 178 tkr', 'Enligt ekonomisk information per 2026-03-26, prognos.', 'reservfonden (1 000 tkr)'],
  ],
  ['Beslutsutrymme 2026', ['3 038 tkr']],
  ['BESLUTSUTRYMME 2026!!!', ['3 038 tkr']],
  ['beslutsutrymmet för 2026', ['3 038 tkr']],
  ['beslutsutrymet 2026', ['3 038 tkr']],
  ['besltsutrymme 2026', ['3 038 tkr']],
  ['hur stort är beslutsutrymmet 2026, tack?', ['3 038 tkr']],
  ['Hur mycket har vi kvar att besluta om 2026?', ['3 038 tkr']],
  ['vad blir prognosen för 2026?', ['3 038 tkr', 'prognos']],
  [
    'beslutsutrymme 2026',
    [
      'Från tidigare år: 6 148 tkr',
      `Årets beräknade resultat: ${MINUS}3 110 tkr`,
      'Preliminär budget 2027',
      '2 800 tkr',
      '12 251 tkr',
      'Plattform för individstöd (Heby) +80 tkr',
      'Registerstudie av rehabkoordinator (Region Uppsala) +210 tkr',
    ],
  ],
  ['beslutsutrymme 2026 enligt budget', ['Kvarvarande beslutsutrymme, budget 2026', '3 178 tkr', 'Prognos 2026: 3 038 tkr']],
  ['beslutsutrymme 2027', ['Beslutsutrymme 2027', '2 800 tkr']],
  ['beslutsutrymme 2028?', ['12 251 tkr']],
  ['beslutsutrymme 2026 och 2028', ['3 038 tkr', '12 251 tkr']],
  ['beslutsutrymme 2026-2028', ['3 038 tkr', '2 800 tkr', '12 251 tkr']],
  ['beslutsutrymme 2023', ['1 032 tkr', 'Efter föreslagna ansökningar: 913 tkr', 'per 17 november 2022', 'Lokussamordnare (Älvkarleby) 119 tkr 2023']],
  ['beslutsutrymme 2031', ['Inga uppgifter för 2031', '2023, 2025, 2026, 2027 och 2028']],
  ['vad blir resultatet 2026?', [`${MINUS}3 110 tkr`, `Budget 2026: ${MINUS}2 970 tkr`]],
  ['resultat 2028', ['9 451 tkr']],
  ['intäkter 2027', ['23 640 tkr']],
  ['kostnader 2028', ['14 039 tkr', 'S:a samverkansinsatser: 7 439 tkr']],
  ['vad kostar växtkraft 2026?', ['Växtkraft (Enköping) 2026', 'Tolkat som: prognos 2026 för Växtkraft (Enköping)', '2 753 tkr']],
  ['kostnad plattform 2026', ['2 603 tkr', 'Budget 2026: 2 523 tkr']],
  ['förbrukningsgrad Växtkraft 2025', ['Förbrukningsgrad Växtkraft (Enköping) 2025', '90 %', 'Utfall: 2 478 tkr', 'Beviljad budget: 2 753 tkr']],
  ['forbrukningsgrad vaxtkraft 2025', ['90 %']],
  ['förbrukningsgrad vätkraft 2025', ['90 %']],
  ['förbrukningsgrad Framsteget 2025', ['108 %', 'Mot justerad budget: 100 %']],
  ['förbrukningsgrad 2025', ['Förbrukningsgrad 2025: 82 %', '17 430 tkr av 21 304 tkr', '3 874 tkr av budgeten användes inte']],
  ['hur går en väg in 2025?', ['78 %']],
  ['när slutar Växtkraft?', ['Slutdatum', '31 december 2027']],
  ['insatstid plattform', ['31 december 2028', 'Heby kommun']],
  ['när slutar lokussamordnare älvkarleby?', ['31 december 2027', 'Älvkarleby kommun']],
  ['när slutar lokussamordnare?', ['Menade du', 'Flera insatser passar', 'Lokussamordnare (Uppsala)', 'Lokussamordnare (Älvkarleby)']],
  ['vilka insatser finansieras 2026?', ['Insatser som finansieras 2026 (12 st)', 'Växtkraft (Enköping)', 'S:a samverkansinsatser', '20 980 tkr']],
  ['vilka insatser slutar 2027?', ['Insatser som slutar 2027', 'Växtkraft (Enköping)', 'Samordnat stöd för arbete och studier (Uppsala)', '31 januari 2027']],
  ['hur mycket betalar Knivsta i medlemsavgift 2025?', ['Knivsta kommun', '302 735 kr', 'Total medlemsavgift: 23 428 000 kr']],
  ['medlemsavgift regionen 2025', ['Region Uppsala', '5 857 000 kr']],
  ['medlemsavgift staten 2025', ['11 714 000 kr']],
  ['medlemsavgift uppsala 2024', ['Uppsala kommun', '3 539 137 kr']],
  ['medlemsavgift 2026', ['23 490 000 kr', 'Försäkringskassan/Arbetsförmedlingen: 11 745 000 kr', '2025 års befolkningsandelar']],
  ['soliditet', ['Soliditet 2025', '54 %']],
  ['kassalikviditet 2025', ['216 %']],
  ['förbrukningsgrad 2030', ['Inga uppgifter för 2030', 'Det finns inget utfall för 2030.']],
  ['medlemsavgift 2030', ['Det finns inga medlemsavgifter inlästa för 2030.']],
  ['soliditet 2030', ['Soliditet 2030', 'Det finns soliditet för 2021, 2022, 2023, 2024 och 2025.']],
  ['vilka insatser finansieras 2031?', ['Insatser 2031', 'Det finns ekonomisk information för 2023, 2026, 2027 och 2028.']],
  ['hjälp', ['Vad kan jag fråga?', 'beslutsutrymme 2026?']],
  ['vad tycker du om vädret?', ['Jag förstod inte frågan']],
];

describe('budget questions end to end (HTTP to /api/messages, embedded Cosmos, capture connector)', function () {
  let bot: BotUnderTest;
  const rolesFile = path.join(os.tmpdir(), `roles-${process.pid}.json`);

  before(async () => {
    writeFileSync(
      rolesFile,
      JSON.stringify({ users: [{ aadObjectId: 'gavle-user', name: 'Gävle', association: 'gavle', roles: ['styrelse'], initiatives: [] }] }),
    );
    bot = await startBot({ ROLES_FILE: rolesFile });
  });
  after(async () => bot.stop());

  it('answers /healthz with 200 once the store is ready', async () => {
    assert.equal((await fetch(`${bot.baseUrl}/healthz`)).status, 200);
  });

  it('keeps the reminder endpoint closed, saying why, when no JOBS_KEY is set', async () => {
    const res = await fetch(`${bot.baseUrl}/api/jobs/reminders`, { method: 'POST', headers: { authorization: 'Bearer något' } });
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { error: string }).error, /JOBS_KEY är inte satt/);
  });

  for (const [question, expected] of PHRASINGS) {
    it(`"${question}"`, async () => {
      const text = joined(await ask(bot, question));
      for (const e of expected) assert.ok(text.includes(e), `expected "${e}" in:\n${text}`);
      assert.doesNotMatch(text, /\b(ingen|inga|inget) (ingen|inga|inget)\b/i, 'no doubled negation');
    });
  }

  it('answers relative years from today in Europe/Stockholm', async () => {
    const thisYear = Number(todayInStockholm().slice(0, 4));
    const remainingByYear = new Map([
      [2023, '1 032 tkr'],
      [2025, '6 148 tkr'],
      [2026, '3 038 tkr'],
      [2027, '2 800 tkr'],
      [2028, '12 251 tkr'],
    ]);
    for (const [phrase, offset] of [
      ['i år', 0],
      ['nästa år', 1],
      ['förra året', -1],
      ['nasta ar', 1],
    ] as const) {
      const year = thisYear + offset;
      const text = joined(await ask(bot, `beslutsutrymme ${phrase}?`));
      const expected = remainingByYear.get(year) ?? `Inga uppgifter för ${year}`;
      assert.ok(text.includes(`${year}`) && text.includes(expected), `"${phrase}" → ${year}: ${text}`);
    }
  });

  it('answers an @-mention in a team channel with the mention stripped', async () => {
    const text = joined(await ask(bot, 'beslutsutrymme 2026?', { channel: true, mention: true }));
    assert.ok(text.includes('3 038 tkr'), text);
  });

  it("keeps förbund apart: a user of another förbund sees none of Uppsala's figures", async () => {
    const text = joined(await ask(bot, 'beslutsutrymme 2026', { user: { id: '29:g', aadObjectId: 'gavle-user', name: 'Gävle' } }));
    assert.ok(text.includes('Inga uppgifter för 2026') && !text.includes('3 038'), text);
  });

  it('a help-card button (Action.Execute askQuestion) posts the answer', async () => {
    const invoke = adaptiveCardInvoke(bot.connector.url, boardMember, 'askQuestion', { question: 'beslutsutrymme 2027?' });
    const res = await bot.post(invoke);
    assert.equal(res.status, 200);
    assert.equal(res.body.statusCode, 200);
    const text = bot.connector
      .for(invoke.conversation.id)
      .map((a) => cardTexts(a.attachments[0].content).join('\n'))
      .join('\n');
    assert.ok(text.includes('2 800 tkr'), text);
  });

  it('an unknown card verb gets a clear Swedish error card with an error id', async () => {
    const res = await bot.post(adaptiveCardInvoke(bot.connector.url, boardMember, 'doSomethingOdd', {}));
    assert.equal(res.status, 200);
    const texts = cardTexts(res.body.value).join('\n');
    assert.match(texts, /Knappen "doSomethingOdd" känns inte igen/);
    assert.match(texts, /Felkod: [0-9a-f]{8}/);
  });
});

describe('failures and authentication', () => {
  it('turns an internal failure into a Swedish apology with an error id, never a stack trace', async () => {
    const bot = await startBot();
    try {
      await bot.app.store.close(); // the store goes away under the running bot
      const texts = joined(await ask(bot, 'beslutsutrymme 2026?'));
      assert.match(texts, /Något gick fel/);
      assert.match(texts, /Felkod: [0-9a-f]{8}/);
      assert.doesNotMatch(texts, /Error|at \w+ \(|ECONNREFUSED/);
    } finally {
      await bot.app.close().catch(() => undefined);
      await bot.connector.close();
    }
  });

  it('with BOT_ID set, accepts a properly signed token and refuses none, alg none, garbage and a forged signature (401)', async () => {
    const appId = '11111111-2222-3333-4444-555555555555';
    const issuer = await startTokenIssuer();
    const bot = await startBot({ BOT_ID: appId, BOT_PASSWORD: 'secret', BOT_OPENID_METADATA_URL: issuer.metadataUrl });
    try {
      const activity = () => teamsMessage(bot.connector.url, boardMember, 'beslutsutrymme 2026?');
      const claims = { aud: appId, serviceurl: bot.connector.url };
      assert.equal((await bot.post(activity())).status, 401);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'https://api.botframework.com' })).toString('base64url')}.`;
      assert.equal((await bot.post(activity(), { authorization: `Bearer ${unsigned}` })).status, 401);
      assert.equal((await bot.post(activity(), { authorization: 'Bearer not-a-token' })).status, 401);
      assert.equal((await bot.post(activity(), { authorization: `Bearer ${issuer.sign(claims, { forgedKey: true })}` })).status, 401);
      assert.equal((await bot.post(activity(), { authorization: `Bearer ${issuer.sign({ ...claims, aud: 'someone-else' })}` })).status, 401);
      assert.equal(bot.connector.activities.length, 0, 'nothing was answered');
      const genuine = activity();
      // Accepted and run; the reply itself needs an outbound Entra token, which this offline machine cannot get.
      assert.equal((await bot.post(genuine, { authorization: `Bearer ${issuer.sign(claims)}` })).status, 200);
    } finally {
      await bot.stop();
      await issuer.close();
    }
  });
});
