import assert from 'assert/strict';
import { randomUUID } from 'crypto';
import ExcelJS from 'exceljs';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { TeamsUser, BOT, adaptiveCardInvoke, teamsMessage } from '../helpers/teams';
import { chat, chatOf, texts } from '../helpers/chat';
import { FILE_LINK_LIFETIME_SECONDS, signFileLink } from '../../src/exports/fileLinks';
import { HEADER_ROW, ROW_LABELS, SHEET_NAME } from '../../src/exports/ledgerWorkbook';
import { formatTkr } from '../../src/format/swedish';
import { FOLLOW_UP_HEADER_ROW } from '../../src/exports/followUpWorkbook';
import { REGISTER_HEADER_ROW, REGISTER_HEADERS, REGISTER_SHEET } from '../../src/exports/registerWorkbook';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
// The demo roles (config/roles.demo.json), which local anonymous mode loads.
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const lead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const SECRET = 'test-secret-for-file-links-0123456789abcdef';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const linksOf = (card: any): { title: string; url: string }[] => {
  const found: { title: string; url: string }[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.OpenUrl') found.push({ title: n.title, url: n.url });
    for (const k of ['body', 'items', 'actions']) if (n[k]) walk(n[k]);
  };
  walk(card.body);
  return found;
};
const executesOf = (card: any): { title: string; verb: string; data: any }[] =>
  card.body
    .filter((b: any) => b.type === 'ActionSet')
    .flatMap((s: any) => s.actions)
    .filter((a: any) => a.type === 'Action.Execute');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

/** The cached result of a labelled row in a column of the exported sheet. */
async function sheetFigure(bytes: Buffer, rowLabel: string, columnHeading: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME) as ExcelJS.Worksheet;
  let column = 0;
  sheet.getRow(HEADER_ROW).eachCell((cell, n) => {
    if (cell.value === columnHeading) column = n;
  });
  assert.ok(column > 0, `no column ${columnHeading}`);
  let found: number | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== rowLabel) return;
    const v = row.getCell(column).value as any;
    found = typeof v === 'number' ? v : v?.result;
  });
  assert.equal(typeof found, 'number', `no figure for ${rowLabel}`);
  return found as number;
}

describe('board documents out of the chat: links and Teams file consent', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);

  before(async () => {
    // Progress at once, so the "Skapar …" message is seen without waiting for a slow build.
    bot = await startBot({ CLOCK_DATE: '2026-11-23', FILE_LINK_SECRET: SECRET, PROGRESS_AFTER_MS: '0' });
  });
  after(async () => {
    await bot?.stop();
  });

  it('gives the kansli links and file buttons whose workbook holds the figures the chat answers with', async () => {
    const [card] = await say(kansli, 'ekonomisk information');
    assert.match(texts(card), /Ekonomisk information per 2026-11-23/);
    const links = linksOf(card);
    assert.deepEqual(
      links.map((l) => l.title),
      ['Ladda ned Excel', 'Ladda ned PDF'],
    );
    assert.deepEqual(
      executesOf(card).map((a) => a.data.format),
      ['xlsx', 'pdf'],
    );

    const xlsx = await fetch(links[0]!.url);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), XLSX);
    assert.match(xlsx.headers.get('content-disposition') ?? '', /attachment; filename="Ekonomisk information per 2026-11-23\.xlsx"/);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const remaining = await sheetFigure(bytes, ROW_LABELS.remaining, 'Prognos 2026');
    const [answer] = await say(board, 'beslutsutrymme 2026');
    assert.ok(
      plain(texts(answer)).includes(plain(formatTkr(remaining))),
      `the chat's answer and the sheet's ${formatTkr(remaining)} differ:\n${texts(answer)}`,
    );

    const pdf = await fetch(links[1]!.url);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
  });

  it('refuses expired, altered, foreign and path-shaped links, and a user who may not have the document', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      document: 'ekonomisk-information' as const,
      format: 'xlsx' as const,
      associationId: 'uppsala',
      userId: kansli.aadObjectId,
      userName: kansli.name,
    };
    const url = (token: string) => `${bot.baseUrl}/api/files/${token}`;
    const status = async (path: string) => (await fetch(path)).status;

    assert.equal(await status(url(signFileLink(SECRET, { ...claims, expires: now + 60 }))), 200);
    assert.equal(await status(url(signFileLink(SECRET, { ...claims, expires: now - 1 }))), 410);
    const good = signFileLink(SECRET, { ...claims, expires: now + FILE_LINK_LIFETIME_SECONDS });
    const [body, signature] = good.split('.') as [string, string];
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    assert.equal(await status(url(`${body}.${flipped}`)), 404, 'changed signature');
    // Another user's id put into a link made for the kansli: the signature no longer fits.
    const forBoard = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), u: board.aadObjectId })).toString('base64url');
    assert.equal(await status(url(`${forBoard}.${signature}`)), 404, 'another user');
    assert.equal(await status(url(signFileLink('another-server-secret-0123456789abcdef', { ...claims, expires: now + 60 }))), 404, 'another secret');
    // Signed for the insatsansvarig, who is not board material's reader; and for a user of another förbund.
    assert.equal(await status(url(signFileLink(SECRET, { ...claims, userId: lead.aadObjectId, userName: lead.name, expires: now + 60 }))), 403);
    assert.equal(await status(url(signFileLink(SECRET, { ...claims, associationId: 'norrtalje', expires: now + 60 }))), 403);
    for (const path of [
      '/api/files/',
      '/api/files',
      '/api/files/..%2F..%2Fpackage.json',
      '/api/files/../../package.json',
      '/api/files/%2e%2e%2fconfig%2froles.demo.json',
      `/api/files/${good}/../x`,
    ]) {
      assert.ok([404, 405].includes(await status(`${bot.baseUrl}${path}`)), path);
    }
  });

  it('does not offer the document to an insatsansvarig, and offers links only in a channel', async () => {
    const [refused] = await say(lead, 'ekonomisk information');
    assert.match(texts(refused), /kansliet, förbundschefen och styrelsen/);
    assert.equal(linksOf(refused).length, 0);

    const message = teamsMessage(bot.connector.url, board, 'ekonomisk information', { channel: true, mention: true });
    const before = bot.connector.activities.length;
    assert.equal((await bot.post(message)).status, 200);
    const [card] = bot.connector.activities.slice(before).map((a) => a.body.attachments[0].content);
    assert.equal(linksOf(card).length, 2);
    assert.equal(executesOf(card).length, 0, 'files through consent only in the personal chat');
  });

  it('sends the file through Teams file consent: offer, accept, upload to the given URL, file card; decline stores nothing', async () => {
    const [progressMessage, offerMessage] = await (async () => {
      const before = bot.connector.for(chatOf(kansli)).length;
      const res = await bot.post(
        adaptiveCardInvoke(bot.connector.url, kansli, 'sendExportFile', { document: 'ekonomisk-information', format: 'xlsx' }, chatOf(kansli)),
      );
      assert.equal(res.body.statusCode, 200);
      return bot.connector.for(chatOf(kansli)).slice(before);
    })();
    assert.equal(progressMessage.text, 'Skapar Ekonomisk information …', 'progress first, then the file');
    const consent = offerMessage.attachments[0];
    assert.equal(consent.contentType, 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(consent.name, 'Ekonomisk information per 2026-11-23.xlsx');
    assert.ok(consent.content.sizeInBytes > 1000);

    const uploadPath = `/upload/${randomUUID()}`;
    const accept = fileConsentInvoke(kansli, {
      action: 'accept',
      context: consent.content.acceptContext,
      uploadInfo: {
        name: consent.name,
        uploadUrl: `${bot.connector.url.replace(/\/$/, '')}${uploadPath}`,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/kansli/Documents/Ekonomisk.xlsx',
        uniqueId: 'UNIQUE-1',
        fileType: 'xlsx',
      },
    });
    const before = bot.connector.for(chatOf(kansli)).length;
    const res = await bot.post(accept);
    assert.equal(res.status, 200);
    assert.equal(bot.connector.for(chatOf(kansli))[before].text, 'Skapar Ekonomisk information …');
    const upload = bot.connector.uploads.find((u) => u.path === uploadPath);
    assert.ok(upload, 'the file was PUT to the upload URL');
    assert.equal(upload.body.length, consent.content.sizeInBytes);
    assert.equal(upload.headers['content-range'], `bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    assert.ok((await sheetFigure(upload.body, ROW_LABELS.remaining, 'Prognos 2026')) !== 0);
    const [, info] = bot.connector.for(chatOf(kansli)).slice(before);
    assert.equal(info.attachments[0].contentType, 'application/vnd.microsoft.teams.card.file.info');
    assert.deepEqual(info.attachments[0].content, { uniqueId: 'UNIQUE-1', fileType: 'xlsx' });

    // An upload URL that is not OneDrive (nor loopback here) gets nothing.
    const uploadsBefore = bot.connector.uploads.length;
    const sent = bot.connector.for(chatOf(kansli)).length;
    await bot.post(
      fileConsentInvoke(kansli, {
        action: 'accept',
        context: consent.content.acceptContext,
        uploadInfo: { name: 'x.xlsx', uploadUrl: 'http://169.254.169.254/latest', contentUrl: 'x', uniqueId: 'u', fileType: 'xlsx' },
      }),
    );
    assert.equal(bot.connector.uploads.length, uploadsBefore);
    assert.match(
      texts(
        bot.connector
          .for(chatOf(kansli))
          .slice(sent)
          .find((a) => a.attachments)?.attachments[0].content,
      ),
      /OneDrive/,
    );

    const declined = bot.connector.for(chatOf(kansli)).length;
    await bot.post(fileConsentInvoke(kansli, { action: 'decline', context: consent.content.declineContext }));
    assert.match(texts(bot.connector.for(chatOf(kansli)).slice(declined)[0].attachments[0].content), /skickar inte filen/);
    assert.equal(bot.connector.uploads.length, uploadsBefore);
  });

  it('gives the delegationsbeslut for the kallelse as a workbook and a PDF that list what the register card lists', async () => {
    const [form] = await say(lead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId;
    const filed = await invoke(lead, 'submitDeviation', {
      formId,
      initiativeId: 'vaxtkraft',
      kind: 'budget-move',
      amount: '80 tkr',
      fromYear: '2026',
      reason: 'Vakans under hösten.',
      position: 'Styrgruppen tillstyrker.',
    });
    const caseId = filed.actions.find((a: any) => a.data?.caseId).data.caseId;
    await invoke(chef, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'Vakansen är styrkt.' });
    const [register] = await say(kansli, 'delegationsbeslut sedan förra styrelsemötet');
    assert.match(texts(register), /delegationsbeslut för kallelsen/);
    const number = /D 2026:\d+/.exec(texts(register))?.[0];
    assert.ok(number, texts(register));

    const [offer] = await say(kansli, 'delegationsbeslut för kallelsen');
    assert.match(texts(offer), /Delegationsbeslut att anmäla till styrelsen/);
    assert.match(plain(texts(offer)), /Summa belopp: 80 000 kr/);
    const [xlsxLink, pdfLink] = linksOf(offer);
    const xlsx = await fetch(xlsxLink!.url);
    assert.equal(xlsx.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.getWorksheet(REGISTER_SHEET) as ExcelJS.Worksheet;
    assert.deepEqual((sheet.getRow(REGISTER_HEADER_ROW).values as unknown[]).slice(1), [...REGISTER_HEADERS]);
    const row = sheet.getRow(REGISTER_HEADER_ROW + 1);
    assert.equal(row.getCell(1).value, number);
    assert.equal(row.getCell(8).value, 80_000, 'the amount is a number');
    assert.match(String(row.getCell(3).value), /Avvikelse Växtkraft/);
    assert.deepEqual(sheet.getRow(REGISTER_HEADER_ROW + 2).getCell(8).value, {
      formula: `SUM(H${REGISTER_HEADER_ROW + 1}:H${REGISTER_HEADER_ROW + 1})`,
      result: 80_000,
    });
    assert.equal(sheet.views[0]?.state, 'frozen');

    const pdf = Buffer.from(await (await fetch(pdfLink!.url)).arrayBuffer());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'register-pdf-'));
    writeFileSync(path.join(dir, 'register.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'register.pdf'), '-'], { encoding: 'utf8' });
    for (const expected of [
      'Delegationsbeslut att anmäla till styrelsen',
      number,
      'Avvikelse Växtkraft',
      'Förbundschef (demo)',
      'Sida 1 av 1',
      'Summa belopp: 80 tkr',
    ])
      assert.ok(text.includes(expected as string), `${expected} in:\n${text}`);
    const results = path.resolve(__dirname, '../../../test-results');
    mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'register.pdf'), path.join(results, 'delegationsbeslut-pdf')]);
  });

  it('makes the document per a past date as it stood then, and per a coming meeting as it stands now', async () => {
    // After the previous test an avvikelse moving 80 tkr from 2026 was approved on 2026-11-23.
    const remainingIn = async (question: string) => {
      const [card] = await say(kansli, question);
      const [link] = linksOf(card);
      return {
        title: texts(card).split('\n')[0] ?? '',
        remaining: await sheetFigure(Buffer.from(await (await fetch(link!.url)).arrayBuffer()), ROW_LABELS.remaining, 'Prognos 2026'),
      };
    };
    const now = await remainingIn('ekonomisk information');
    const before = await remainingIn('ekonomisk information per 2026-06-12');
    const meeting = await remainingIn('ekonomisk information inför styrelsemötet 10 december');
    assert.equal(now.remaining - before.remaining, 80_000, 'the decision of 2026-11-23 is not in the table per 2026-06-12');
    assert.match(plain(before.title), /Ekonomisk information per 2026-06-12/);
    assert.equal(meeting.remaining, now.remaining);
    assert.match(plain(meeting.title), /Ekonomisk information per 2026-12-10/);
    const [refused] = await say(kansli, 'ekonomisk information per 2026-02-30');
    assert.match(texts(refused), /finns inte/);
  });

  it('gives the follow-up 2025 as four sheets whose totals are the chat card’s, and as a PDF', async () => {
    const cards = await say(kansli, 'uppföljning 2025');
    const budgetCard = plain(texts(cards[1]));
    const costs = Number(/Upparbetat: ([\d ]+) kr/.exec(budgetCard)?.[1]?.replace(/ /g, ''));
    const budget = Number(/Budget 2025: ([\d ]+) kr/.exec(budgetCard)?.[1]?.replace(/ /g, ''));
    const enrolled = /Inskrivna: ([\d ]+) \((\d+) K \/ (\d+) M\)/.exec(plain(texts(cards[3])));
    assert.ok(costs > 0 && budget > 0 && enrolled, `${budgetCard}\n${texts(cards[3])}`);

    const [offer] = await say(kansli, 'uppföljning 2025 för kallelsen');
    assert.match(texts(offer), /Uppföljning 2025/);
    const [xlsxLink, pdfLink] = linksOf(offer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await fetch(xlsxLink!.url)).arrayBuffer()) as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['Nuläge', 'Budget', 'Kvalitetssäkring', 'Deltagare'],
    );
    const totalsRow = (sheet: ExcelJS.Worksheet) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row, n) => {
        if (n > FOLLOW_UP_HEADER_ROW && String(row.getCell(1).value).startsWith('Totalt')) found = row;
      });
      assert.ok(found, `no totals in ${sheet.name}`);
      return found;
    };
    const result = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue).result;
    const budgetTotals = totalsRow(workbook.getWorksheet('Budget') as ExcelJS.Worksheet);
    assert.equal(result(budgetTotals.getCell(2)), budget);
    assert.equal(result(budgetTotals.getCell(3)), costs);
    assert.match((budgetTotals.getCell(3).value as ExcelJS.CellFormulaValue).formula, /^SUM\(C\d+:C\d+\)$/);
    assert.match((budgetTotals.getCell(4).value as ExcelJS.CellFormulaValue).formula, /C\d+\/B\d+/);
    const people = totalsRow(workbook.getWorksheet('Deltagare') as ExcelJS.Worksheet);
    assert.deepEqual([result(people.getCell(2)), result(people.getCell(3))], [Number(enrolled![2]), Number(enrolled![3])]);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'follow-up-pdf-'));
    writeFileSync(path.join(dir, 'f.pdf'), Buffer.from(await (await fetch(pdfLink!.url)).arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    for (const expected of [
      'Uppföljning 2025: nuläge',
      'Uppföljning 2025: budget',
      'Uppföljning 2025: deltagare',
      `${costs.toLocaleString('sv-SE').replace(/\s/g, ' ')} kr`,
      'Sida 4 av',
    ])
      assert.ok(text.includes(expected), `${expected} in:\n${text.slice(0, 3000)}`);
    const results = path.resolve(__dirname, '../../../test-results');
    mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'f.pdf'), path.join(results, 'uppfoljning-pdf')]);
  });

  function fileConsentInvoke(u: TeamsUser, value: unknown) {
    return {
      type: 'invoke',
      name: 'fileConsent/invoke',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      from: u,
      recipient: BOT,
      conversation: { id: chatOf(u), conversationType: 'personal', tenantId: 'tenant' },
      value,
      channelData: { tenant: { id: 'tenant' } },
    };
  }
});
