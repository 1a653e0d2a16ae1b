import assert from 'assert/strict';
import { randomUUID } from 'crypto';
import ExcelJS from 'exceljs';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { TeamsUser, adaptiveCardInvoke, teamsMessage } from '../helpers/teams';
import { chat, chatOf, texts } from '../helpers/chat';
import { storeContents } from '../helpers/storeContents';
import { SHEET_NAME, lineLabel } from '../../src/exports/ledgerWorkbook';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const lead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const plain = (s: string) =>
  s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\u2011/g, '-');

describe('the ekonom’s table imported from the chat', function () {
  let bot: BotUnderTest;
  const { say } = chat(() => bot);

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23', FILE_LINK_SECRET: 'import-test-secret-0123456789abcdefghij' });
  });
  after(async () => {
    await bot?.stop();
  });

  /** Sends a message with a file attached, as Teams does in the personal chat; returns the cards that came back. */
  async function sendFile(u: TeamsUser, text: string, name: string, downloadUrl: string, fileType = 'xlsx'): Promise<any[]> {
    const activity = {
      ...teamsMessage(bot.connector.url, u, text, { conversationId: chatOf(u) }),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          contentUrl: 'https://contoso-my.sharepoint.com/x',
          name,
          content: { downloadUrl, uniqueId: randomUUID(), fileType },
        },
      ],
    };
    const before = bot.connector.for(chatOf(u)).length;
    assert.equal((await bot.post(activity)).status, 200);
    return bot.connector
      .for(chatOf(u))
      .slice(before)
      .map((a) => a.attachments[0].content);
  }
  const headline = async (question: string) =>
    Number(/Kvarvarande beslutsutrymme[^\n]*\n+([\d -]+) tkr/.exec(plain(texts((await say(board, question))[0])))?.[1]?.replace(/ /g, ''));
  const saveButton = (card: any) =>
    card.body
      .filter((b: any) => b.type === 'ActionSet')
      .flatMap((s: any) => s.actions)
      .find((a: any) => a.verb === 'saveLedgerImport');
  async function click(u: TeamsUser, data: Record<string, unknown>): Promise<any> {
    const res = await bot.post(adaptiveCardInvoke(bot.connector.url, u, 'saveLedgerImport', data, chatOf(u)));
    assert.equal(res.status, 200);
    return res.body.value;
  }

  it('export → change one prognos cell in Excel → import: the report shows one change, nothing counts before Spara, then exactly that change', async () => {
    const before = await headline('beslutsutrymme 2026');
    const [offer] = await say(kansli, 'ekonomisk information');
    const link = JSON.stringify(offer).match(/http:\/\/[^"]+\/api\/files\/[^"]+/)?.[0] as string;
    const original = Buffer.from(await (await fetch(link)).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(original as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAME) as ExcelJS.Worksheet;
    let edited = false;
    sheet.eachRow((row) => {
      if (
        row.getCell(1).value ===
        lineLabel({
          id: 'vaxtkraft',
          section: 'cost',
          group: 'initiative',
          label: 'Växtkraft',
          initiative: { name: 'Växtkraft', owner: 'Enköping' },
          amounts: {},
        })
      ) {
        row.getCell(3).value = (row.getCell(3).value as number) - 100_000;
        edited = true;
      }
    });
    assert.ok(edited, 'the Växtkraft row is in the export');
    const url = bot.connector.serveFile('andrad.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

    const stored = await storeContents(bot);
    const [report] = await sendFile(kansli, 'importera ekonomisk information', 'Ekonomisk information ändrad.xlsx', url);
    assert.match(plain(texts(report)), /Ändrade belopp mot tabellen per 2026-03-26: 1/);
    assert.match(plain(texts(report)), /stämmer inte med raderna/, 'the stale sums of the edited file are reported');
    assert.equal(await headline('beslutsutrymme 2026'), before, 'nothing counts before Spara');
    assert.notEqual(await storeContents(bot), stored, 'the pending import is kept in the store (any instance can save it)');

    const button = saveButton(report);
    assert.equal(button.title, 'Spara tabellen per 2026-11-23');
    assert.match(texts(await click(kansli, button.data)), /Tabellen är sparad/);
    assert.equal(await headline('beslutsutrymme 2026'), before + 100);
    assert.match(texts(await click(kansli, button.data)), /Redan sparad/);

    // The unchanged file, for the same date, asks before it replaces; then the figure is back.
    const [again] = await sendFile(kansli, 'importera ekonomisk information per 2026-11-23', 'igen.xlsx', bot.connector.serveFile('igen.xlsx', original));
    const ask = await click(kansli, saveButton(again).data);
    assert.match(texts(ask), /Det finns redan ekonomisk information per 2026-11-23/);
    assert.match(texts(await click(kansli, ask.actions[0].data)), /Tabellen är ersatt/);
    assert.equal(await headline('beslutsutrymme 2026'), before);
  });

  it('refuses bad files with a clear message and stores nothing', async () => {
    const stored = await storeContents(bot);
    const xlsxBytes = async (rows: unknown[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Blad1');
      rows.forEach((r) => sheet.addRow(r));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const cases: [string, () => Promise<any[]>, RegExp][] = [
      [
        'a text file',
        async () => sendFile(kansli, '', 'budget.txt', bot.connector.serveFile('budget.txt', Buffer.from('Budget 2026\n')), 'txt'),
        /ingen Excel-arbetsbok/,
      ],
      [
        'a csv named .xlsx',
        async () => sendFile(kansli, '', 'budget.xlsx', bot.connector.serveFile('csv.xlsx', Buffer.from('Budget 2026;Prognos 2026\n'))),
        /inte en Excel-fil/,
      ],
      ['an empty file', async () => sendFile(kansli, '', 'tom.xlsx', bot.connector.serveFile('tom.xlsx', Buffer.alloc(0))), /tom/],
      ['20 MB', async () => sendFile(kansli, '', 'stor.xlsx', bot.connector.serveFile('stor.xlsx', Buffer.alloc(20 * 1024 * 1024))), /för stor/],
      [
        '20 MB without a length',
        async () => sendFile(kansli, '', 'stor2.xlsx', bot.connector.serveFile('stor2.xlsx', Buffer.alloc(20 * 1024 * 1024), { chunked: true })),
        /för stor/,
      ],
      [
        'another layout',
        async () =>
          sendFile(
            kansli,
            '',
            'annan.xlsx',
            bot.connector.serveFile(
              'annan.xlsx',
              await xlsxBytes([
                ['Namn', 'Belopp'],
                ['Växtkraft', 100],
              ]),
            ),
          ),
        /rubrikrad/,
      ],
      ['a URL outside Teams', async () => sendFile(kansli, '', 'x.xlsx', 'http://169.254.169.254/latest/meta-data'), /bara hämtas från Teams/],
      [
        'an insatsansvarig',
        async () =>
          sendFile(
            lead,
            '',
            'x.xlsx',
            bot.connector.serveFile(
              'lead.xlsx',
              await xlsxBytes([
                ['tkr', 'Budget 2026'],
                ['Medlemsavgifter', 1],
              ]),
            ),
          ),
        /kansliet och förbundschefen/,
      ],
    ];
    for (const [what, send, expected] of cases) {
      const [card] = await send();
      assert.match(plain(texts(card)), expected, what);
      assert.equal(saveButton(card), undefined, what);
    }
    assert.equal(await storeContents(bot), stored, 'nothing stored');
    const [how] = await say(kansli, 'importera ekonomisk information');
    assert.match(texts(how), /Bifoga tabellen som Excel-fil/);
  });

  it('asks on a card which line an unknown or ambiguous name is, then reports and saves', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    [
      ['EKONOMISK INFORMATION per 2026-12-01, belopp i TSEK'],
      ['', 'Budget 2026', 'Prognos 2026'],
      ['Medlemsavgifter', 23490, 23490],
      ['Förvaltning', 4550, 4400],
      ['Lokussamordnare', 280, 280],
      ['Nya vägar, Tierp', 0, 500],
      ['Över-/underskott från tidigare år', 6148, 6148],
    ].forEach((r) => sheet.addRow(r));
    const url = bot.connector.serveFile('namn.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const [place] = await sendFile(kansli, '', 'Tabell till styrelsen.xlsx', url);
    const fields = place.body.flatMap((b: any) => b.items ?? []).filter((i: any) => i.type === 'Input.ChoiceSet');
    assert.deepEqual(
      fields.map((f: any) => f.id),
      ['row_5', 'row_6'],
    );
    assert.match(fields[0].label, /"Lokussamordnare" \(rad 5\) passar flera rader/);
    assert.deepEqual(
      fields[0].choices.slice(0, 2).map((c: any) => c.title),
      ['Lokussamordnare (Uppsala)', 'Lokussamordnare (Älvkarleby)'],
    );
    assert.match(fields[1].label, /"Nya vägar, Tierp" \(rad 6\) finns inte i tabellen/);
    const importId = place.actions[0].data.importId;
    const invoke = async (data: Record<string, unknown>) =>
      (await bot.post(adaptiveCardInvoke(bot.connector.url, kansli, 'resolveLedgerImport', { importId, ...data }, chatOf(kansli)))).body.value;

    const again = await invoke({ row_5: 'lokus-uppsala' });
    assert.match(texts(again), /Välj vad raden är/);
    const report = await invoke({ row_5: 'lokus-uppsala', row_6: 'new' });
    assert.match(plain(texts(report)), /Ekonomisk information per 2026-12-01 från filen/);
    assert.match(plain(texts(report)), /Rader: 4/);
    assert.match(texts(await click(kansli, saveButton(report).data)), /Tabellen är sparad/);
    // From tidigare år 6 148 + intäkter 23 490 − kostnader (4 400 + 280 + 500) in the prognos 2026.
    assert.equal(await headline('beslutsutrymme 2026'), 6148 + 23490 - (4400 + 280 + 500));
  });
});
