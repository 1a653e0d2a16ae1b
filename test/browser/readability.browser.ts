import assert from 'assert/strict';
import path from 'path';
import { Browser, Page } from 'playwright-core';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf, texts } from '../helpers/chat';
import ExcelJS from 'exceljs';
import { TeamsUser, teamsMessage } from '../helpers/teams';
import { SECTION_1, SECTION_2, SECTION_3, SECTION_4 } from '../e2e/applicationFields';
import { reportFields } from '../e2e/reportFields';
import { SCREENSHOT_DIR, launchChromium } from './playgroundDriver';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const lead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const applicant = user('29:sok', '00000000-0000-0000-0000-00000000a001', 'Sökande på Heby kommun');

/** The Adaptive Cards renderer the Teams clients are built on (the version @microsoft/adaptivecards-tools ships). */
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js', {
  paths: [path.dirname(require.resolve('@microsoft/adaptivecards-tools/package.json'))],
});

/** Teams' light theme, as far as it matters for line breaking: its font sizes, spacing and fact titles. */
const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, 'DejaVu Sans', sans-serif",
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        good: { default: '#0E700E' },
        attention: { default: '#C4314B' },
        warning: { default: '#835C00' },
        accent: { default: '#5B5FC7' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        good: { default: '#0E700E' },
        attention: { default: '#C4314B' },
        warning: { default: '#835C00' },
        accent: { default: '#5B5FC7' },
      },
    },
  },
  factSet: { title: { weight: 'bolder', size: 'default', wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 8 },
  actions: { maxActions: 10, actionsOrientation: 'horizontal', buttonSpacing: 8, showCard: { actionMode: 'inline' } },
  supportsInteractivity: true,
};

interface Readability {
  /** Amount and date tokens whose characters lie on more than one line. */
  readonly brokenTokens: string[];
  /** Words of headings and fact titles that wrap inside the word. */
  readonly brokenWords: string[];
  /** Tokens that stick out of the card instead of wrapping. */
  readonly overflowing: string[];
  readonly tokenCount: number;
}

// The project compiles without the DOM library; these exist in the page the function runs in.
declare const document: any;
declare const NodeFilter: any;
declare function getComputedStyle(element: unknown): { fontWeight: string };

/** Runs in the page: measures every amount/date token and every bold word (headings, fact titles) with Range.getClientRects(). */
function measure(): Readability {
  const MONTHS = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
  const SP = '[ \\u00a0\\u202f]';
  const TOKEN = new RegExp(
    [
      `[\\u2212+-]?\\d{1,3}(?:${SP}\\d{3})+(?:${SP}(?:kr|tkr|kronor|%))?`,
      `[\\u2212+-]?\\d+${SP}(?:kr|tkr|kronor|%)`,
      '\\d{4}[-\\u2011]\\d{2}[-\\u2011]\\d{2}',
      `\\d{1,2}${SP}(?:${MONTHS})${SP}\\d{4}`,
    ].join('|'),
    'g',
  );
  const card = document.querySelector('.ac-adaptiveCard');
  const cardRight: number = card.getBoundingClientRect().right;
  const lines = (node: any, start: number, end: number) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = (Array.from(range.getClientRects()) as { width: number; top: number; height: number; right: number }[]).filter((r) => r.width > 0);
    return { tops: new Set(rects.map((r) => Math.round(r.top + r.height / 2))).size, right: Math.max(...rects.map((r) => r.right)) };
  };
  const out = { brokenTokens: [] as string[], brokenWords: [] as string[], overflowing: [] as string[], tokenCount: 0 };
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text: string = node.data;
    for (const m of text.matchAll(TOKEN)) {
      out.tokenCount += 1;
      const l = lines(node, m.index as number, (m.index as number) + m[0].length);
      if (l.tops > 1) out.brokenTokens.push(m[0]);
      if (l.right > cardRight + 1) out.overflowing.push(m[0]);
    }
    if (Number(getComputedStyle(node.parentElement).fontWeight) >= 600) {
      for (const m of text.matchAll(/[^ \n\t-]+/g)) {
        if (lines(node, m.index as number, (m.index as number) + m[0].length).tops > 1) out.brokenWords.push(m[0]);
      }
    }
  }
  return out;
}

describe('in the browser: cards stay readable at desktop (1280 px) and phone (360 px) width', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser;
  let page: Page;
  const { say, invoke, invokeForReplies } = chat(() => bot);
  const cards: Record<string, any> = {};

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23', DELEGATION_LIMIT_KR: '500000' });
    for (const u of [board, chef, kansli, lead, applicant]) await say(u, 'hjälp');

    [cards['beslutsutrymme-2026']] = await say(board, 'beslutsutrymme 2026?');
    [cards['berakning-beslutsutrymme']] = await say(board, 'hur räknas det?');
    [cards['budget-for-insats']] = await say(board, 'budget för Samordnat stöd för arbete och studier 2026');
    [cards['menade-du']] = await say(board, 'lokussamordnare 2026');
    [cards['dyrast-insats']] = await say(board, 'vilken insats är dyrast 2027?');
    [cards['skillnad-budget-prognos']] = await say(board, 'skillnaden mellan budget och prognos för Plattform för individstöd 2026');
    [cards['tva-siffror']] = await say(board, 'intäkter och kostnader 2027?');
    [cards['vad-betyder']] = await say(board, 'vad betyder förbrukningsgrad?');
    [cards['skillnad-avslutat-ar']] = await say(board, 'skillnaden i verksamhetens resultat mellan 2024 och 2025');
    [cards['ekonomisk-information']] = await say(kansli, 'ekonomisk information');
    // The same table sent back as a file with one cell changed: the import's report.
    const link = JSON.stringify(cards['ekonomisk-information']).match(/http:\/\/[^"]+\/api\/files\/[^"]+/)?.[0] as string;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await fetch(link)).arrayBuffer()) as ArrayBuffer);
    (workbook.worksheets[0] as ExcelJS.Worksheet).getCell('C12').value = 1_000_000;
    const url = bot.connector.serveFile('tabell.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const importMessage = {
      ...teamsMessage(bot.connector.url, kansli, 'importera ekonomisk information', { conversationId: chatOf(kansli) }),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'tabell.xlsx',
          content: { downloadUrl: url, uniqueId: 'u1', fileType: 'xlsx' },
        },
      ],
    };
    const sent = bot.connector.for(chatOf(kansli)).length;
    await bot.post(importMessage);
    cards['import-rapport'] = bot.connector.for(chatOf(kansli))[sent].attachments[0].content;
    [cards['anvandare']] = await say(kansli, 'användare');
    [cards['lagg-till-anvandare']] = await say(kansli, 'lägg till användare');
    const followUp = await say(kansli, 'uppföljning 2025');
    ['nulage', 'budget', 'kvalitet', 'deltagare'].forEach((name, i) => (cards[`uppfoljning-2025-${name}`] = followUp[i]));

    // An avvikelse: the förbundschef's decision card, then the register for the board.
    const [form] = await say(lead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId;
    const filed = await invoke(lead, 'submitDeviation', {
      formId,
      initiativeId: 'vaxtkraft',
      kind: 'budget-move',
      amount: '1 250 tkr',
      fromYear: '2026',
      reason: 'Vakans 2026-03-01 – 2026-08-31.',
      position: 'Styrgruppen tillstyrker.',
    });
    const caseId = filed.actions.find((a: any) => a.data?.caseId).data.caseId;
    cards['avvikelse-beslut'] = await invoke(chef, 'showDeviation', { caseId });
    await invoke(chef, 'decideDeviation', { caseId, outcome: 'godkänd', comment: 'Godkänns; vakansen är styrkt.' });
    [cards['delegationsbeslut-register']] = await say(kansli, 'delegationsbeslut 2026');
    [cards['mina-arenden']] = await say(lead, 'mina ärenden');
    [cards['fel-roll']] = await say(board, 'ny avvikelse');

    // A kvartalsrapport with mistakes.
    const [report] = await say(lead, 'kvartalsrapport');
    const data = report.actions.find((a: any) => a.verb === 'submitReport').data;
    cards['kvartalsrapport-fel'] = await invoke(lead, 'submitReport', {
      ...data,
      ...reportFields,
      costsToDate: 'en miljon',
      p_ongoing_k: '99',
      confirmOngoing: 'false',
    });

    // An ansökan: its summary, and the board's reduced grant recorded by the kansli.
    const [first] = await say(applicant, 'ny ansökan');
    const applicationId = first.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    const step = (s: number, fields: Record<string, string>) => invoke(applicant, 'applicationStep', { applicationId, step: s, direction: 'next', ...fields });
    await step(0, SECTION_1);
    await step(1, SECTION_2);
    await step(2, SECTION_3);
    cards['ansokan-sammanfattning'] = await step(3, SECTION_4);
    await invoke(applicant, 'applicationSubmit', { applicationId });
    [cards['ansokan-hela']] = await invokeForReplies(kansli, 'showApplication', { applicationId });
    // A second draft's budget section, with its "Lägg till …" buttons among the fields.
    const [second] = await say(applicant, 'ny ansökan');
    const secondId = second.actions.find((a: any) => a.verb === 'applicationStep').data.applicationId;
    cards['ansokan-budget'] = await invoke(applicant, 'applicationGoto', { applicationId: secondId, step: 3 });
    cards['styrelsebeslut'] = await invoke(kansli, 'decideApplication', {
      applicationId,
      by: 'styrelsen',
      outcome: 'beviljad',
      meeting_date: '2026-12-10',
      meeting_paragraph: '§ 47',
      granted_2027: '1,3 mkr',
      granted_2028: '500 tkr',
    });
    assert.match(texts(cards['styrelsebeslut']), /Beslutet är registrerat/);

    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function render(card: unknown, width: number): Promise<void> {
    await page.setViewportSize({ width, height: 800 });
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5}#host{box-sizing:border-box;padding:12px;width:100%}#host .ac-adaptiveCard{border-radius:6px}</style></head><body><div id="host"></div></body></html>',
    );
    await page.addScriptTag({ path: RENDERER });
    await page.evaluate(`(() => {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(TEAMS_HOST_CONFIG)});
      card.parse(${JSON.stringify(card)});
      document.getElementById('host').appendChild(card.render());
    })()`);
    await page.locator('.ac-adaptiveCard').waitFor({ state: 'visible' });
  }

  for (const width of [1280, 360]) {
    for (const name of [
      'beslutsutrymme-2026',
      'berakning-beslutsutrymme',
      'budget-for-insats',
      'menade-du',
      'dyrast-insats',
      'skillnad-budget-prognos',
      'tva-siffror',
      'vad-betyder',
      'skillnad-avslutat-ar',
      'uppfoljning-2025-nulage',
      'uppfoljning-2025-budget',
      'uppfoljning-2025-kvalitet',
      'uppfoljning-2025-deltagare',
      'ansokan-sammanfattning',
      'ansokan-hela',
      'ansokan-budget',
      'styrelsebeslut',
      'delegationsbeslut-register',
      'kvartalsrapport-fel',
      'avvikelse-beslut',
      'mina-arenden',
      'fel-roll',
      'ekonomisk-information',
      'import-rapport',
      'anvandare',
      'lagg-till-anvandare',
    ]) {
      it(`${name} at ${width} px: no amount or date across two lines, no heading word broken`, async () => {
        const card = cards[name];
        assert.ok(card, name);
        assert.deepEqual(card.msteams, { width: 'Full' });
        await render(card, width);
        const result = await page.evaluate(measure);
        await page.locator('#host').screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`) });
        if (
          !['uppfoljning-2025-kvalitet', 'fel-roll', 'menade-du', 'tva-siffror', 'vad-betyder', 'ansokan-budget', 'anvandare', 'lagg-till-anvandare'].includes(
            name,
          )
        )
          assert.ok(result.tokenCount > 0, 'the card shows amounts or dates');
        assert.deepEqual(result.brokenTokens, [], 'amounts and dates on one line');
        assert.deepEqual(result.overflowing, [], 'nothing sticks out of the card');
        assert.deepEqual(result.brokenWords, [], 'no heading word broken mid-word');
      });
    }
  }
});
