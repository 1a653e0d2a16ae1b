import assert from 'assert/strict';
import { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { RunningPlayground, startPlayground } from '../../scripts/playgroundServer';
import { quietLogger } from '../helpers/runningBot';
import { makeTempDir } from '../helpers/tempDir';
import { PlaygroundPage, launchChromium } from './playgroundDriver';

/** A rendered card's text with the no-break spaces and hyphens that hold amounts and dates together read as plain ones. */
async function read(card: import('playwright-core').Locator): Promise<string> {
  return (await card.innerText()).replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');
}

/** The headline of a beslutsutrymme card in tkr, as the reader sees it. */
async function headlineTkr(card: import('playwright-core').Locator): Promise<number> {
  const text = await read(card);
  const match = /Kvarvarande beslutsutrymme, [^\n]+\n+([\u2212\d ]+) tkr/.exec(text);
  assert.ok(match, `no headline in:\n${text}`);
  return Number((match[1] as string).replace(/ /g, '').replace('\u2212', '-'));
}

describe('in the browser: Teams’ card renderer in the Agents Playground, every role', function () {
  // Starting the bot and four playgrounds takes a while on a busy 2-core machine.
  this.timeout(180_000);
  let playground: RunningPlayground;
  let browser: Browser;
  let temp: { dir: string; cleanup(): void };
  const pages: Record<string, PlaygroundPage> = {};

  before(async function () {
    // A browser and four playgrounds, each page waiting out the unreachable font CDN: ~50 s on a busy 2-core machine.
    this.timeout(180_000);
    temp = makeTempDir('finsam-playground-');
    browser = await launchChromium();
    playground = await startPlayground({
      env: { PORT: '0', DATA_DIR: temp.dir, CLOCK_DATE: '2026-11-23' },
      firstPort: 46150 + Math.floor(Math.random() * 1000) * 8,
      roles: ['styrelse', 'forbundschef', 'insatsansvarig', 'kansli'],
      logger: quietLogger,
    });
    for (const instance of playground.instances) {
      const page = await PlaygroundPage.open(browser, instance.role, instance.url);
      await page.openChat('Personal Chat');
      pages[instance.role] = page;
    }
  });

  after(async () => {
    for (const page of Object.values(pages)) await page.close();
    await browser?.close();
    await playground?.close();
    temp?.cleanup();
  });

  it('a board member asks "beslutsutrymme 2026?" and reads 3 038 tkr in the rendered card', async () => {
    const board = pages.styrelse as PlaygroundPage;
    await board.say('beslutsutrymme 2026?');
    const card = await board.card(/Kvarvarande beslutsutrymme, prognos 2026/);
    assert.equal(await headlineTkr(card), 3038);
    assert.match(await read(card), /Budget 2026\s+3 178 tkr/);
    await board.screenshot('beslutsutrymme-2026');
  });

  it('a board member @-mentions the bot in the board’s channel', async () => {
    const board = pages.styrelse as PlaygroundPage;
    await board.openChat('Ekonomi');
    await board.postMentioningBot('Finsam', 'beslutsutrymme 2027');
    const card = await board.card(/Kvarvarande beslutsutrymme, preliminär budget 2027/);
    assert.equal(await headlineTkr(card), 2800);
    await board.screenshot('kanal-beslutsutrymme-2027');
    await board.openChat('Personal Chat');
  });

  it('an insatsansvarig files an avvikelse in the form, the förbundschef approves it, and the board’s beslutsutrymme moves by the amount', async () => {
    const lead = pages.insatsansvarig as PlaygroundPage;
    const chef = pages.forbundschef as PlaygroundPage;
    const board = pages.styrelse as PlaygroundPage;

    await lead.say('ny avvikelse');
    const form = await lead.card('Ny avvikelse');
    await lead.screenshot('formular');
    await form.getByText('Budget: flytta medel till nästa år').click();
    await form.getByLabel(/Belopp/).fill('80 tkr kanske');
    await form.getByLabel(/Skäl/).fill('Vakans som arbetsmarknadskonsulent 1 mars–31 augusti 2026.');
    await form.getByLabel(/Styrgruppens/).fill('Styrgruppen tillstyrker att medlen flyttas till 2027.');
    await form.getByRole('button', { name: 'Skicka in avvikelsen' }).click();
    const corrected = await lead.card('Rätta följande');
    assert.match(await read(corrected), /"80 tkr kanske" är inget belopp/);
    await lead.screenshot('felaktigt-belopp');
    await corrected.getByLabel(/Belopp/).fill('80 tkr');
    await corrected.getByRole('button', { name: 'Skicka in avvikelsen' }).click();
    const receipt = await lead.card('Dnr 2026:1');
    assert.match(await read(receipt), /Inlämnad – väntar på beslut/);
    await lead.screenshot('kvitto');

    const proactive = await chef.card('Avvikelse Dnr 2026:1');
    assert.match(await read(proactive), /Beslutsutrymme 2026 \(prognos\)\s+3 038 tkr → 3 118 tkr/);
    await chef.screenshot('avvikelse-att-besluta');
    // The playground does not run refresh.userIds (Teams does); the card's button fetches the same view.
    await proactive.getByRole('button', { name: 'Visa beslutsalternativ' }).click();
    const decision = await chef.card('Motivering till beslutet');
    await decision.getByLabel(/Motivering/).fill('Vakansen är styrkt; medlen behövs 2027.');
    await chef.screenshot('beslutsvy');
    await decision.getByRole('button', { name: 'Godkänn' }).click();
    const decided = await chef.card('D 2026:1');
    assert.match(await read(decided), /Godkänd/);
    await chef.screenshot('godkand');

    const told = await lead.card('Din avvikelse Dnr 2026:1 är godkänd');
    assert.ok(told);
    await lead.screenshot('besked');

    await board.say('beslutsutrymme 2026?');
    const after = await board.card(/Växtkraft \(Enköping\) \u221280\stkr 2026/);
    assert.equal(await headlineTkr(after), 3118);
    await board.screenshot('beslutsutrymme-efter-avvikelse');
  });

  it('the kansli lists the delegationsbeslut for the kallelse and marks them as reported at a board meeting', async () => {
    const kansli = pages.kansli as PlaygroundPage;
    await kansli.say('delegationsbeslut sedan förra styrelsemötet');
    const register = await kansli.card(/1 beslut som ännu inte anmälts/);
    assert.match(await read(register), /D 2026:1 – 23 november 2026/);
    const meeting = register.getByLabel(/Styrelsemötets datum/);
    await meeting.fill('2026-12-10');
    await meeting.press('Enter');
    await kansli.page.keyboard.press('Escape'); // close the date picker that covers the button
    await kansli.screenshot('delegationsbeslut');
    await register.getByRole('button', { name: 'Markera som anmälda till styrelsen' }).click();
    const marked = await kansli.card(/anmälda till styrelsen 10\sdecember\s2026/);
    assert.match(await read(marked), /Anmäld till styrelsen\s+10 december 2026/);
    await kansli.screenshot('anmalda');
  });

  it('the kansli adds a user through the rendered form (name and e-mail, as the playground has no directory) and sees them listed', async () => {
    const kansli = pages.kansli as PlaygroundPage;
    await kansli.say('lägg till användare');
    const form = await kansli.card(/Lägg till användare/);
    await form.getByLabel('Namn', { exact: true }).fill('Berit Bergström');
    await form.getByLabel(/E-post/).fill('berit@forbundet.example');
    await kansli.screenshot('lagg-till-anvandare');
    // Teams' renderer draws the checkboxes without an accessible name: click the label's text, as a person would.
    await form.getByText('Styrelse', { exact: true }).click();
    await form.getByRole('button', { name: 'Spara' }).click();
    const list = await kansli.card(/Berit Bergström är inbjuden/);
    assert.match(await read(list), /Berit Bergström[\s\S]*Styrelse/);
    await kansli.screenshot('anvandare');
  });

  it('the kansli asks for Ekonomisk information and downloads the Excel file through the link on the rendered card', async () => {
    const kansli = pages.kansli as PlaygroundPage;
    const offer = await kansli.ask('ekonomisk information');
    assert.match(await read(offer), /Ekonomisk information per 2026-11-23/);
    assert.match(await read(offer), /Beslutsutrymme 2026\s+3 118 tkr \(prognos\)/);
    assert.match(await read(offer), /Beslut efter tabellen\s+1 avvikelse, 0 beviljade ansökningar/);
    await kansli.screenshot('ekonomisk-information');
    // Action.OpenUrl opens the link in a new window; the browser receives the file there (or in the page itself).
    const download = await new Promise<import('playwright-core').Download>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no download within 20 s')), 20_000);
      const done = (d: import('playwright-core').Download) => {
        clearTimeout(timer);
        resolve(d);
      };
      kansli.page.once('download', done);
      kansli.page.context().once('page', (popup) => popup.once('download', done));
      // Teams' renderer gives Action.OpenUrl the role of a link.
      offer.getByRole('link', { name: 'Ladda ned Excel' }).click().catch(reject);
    });
    assert.equal(download.suggestedFilename(), 'Ekonomisk information per 2026-11-23.xlsx');
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    assert.ok(workbook.getWorksheet('Ekonomisk information'), 'the downloaded file is the workbook');
  });

  it('an insatsansvarig fills the kvartalsrapport in the rendered form, saves a draft, submits, and the kansli sees it in the status list', async () => {
    const lead = pages.insatsansvarig as PlaygroundPage;
    const kansli = pages.kansli as PlaygroundPage;
    await lead.say('kvartalsrapport');
    const form = await lead.card(/Kvartalsrapport kvartal 3 2026 – Växtkraft/);
    const answer = async (card: import('playwright-core').Locator, question: RegExp, choice: string) =>
      card.getByRole('radiogroup', { name: question }).getByLabel(choice, { exact: true }).check();
    for (const question of [
      /Ligger insatsen i fas/,
      /styrgruppsmöte hållits/,
      /ordinarie representanter/,
      /uppföljning lämnats/,
      /målgruppen/,
      /metoden/,
      /jämställdhet/,
      /implementering/,
    ])
      await answer(form, question, 'Ja');
    await answer(form, /prognos för måluppfyllelse/, 'Målen kommer att nås');
    for (const question of [/avvikelse mot ansökan/, /finansierade av förbundet/, /egenfinansierade/]) await answer(form, question, 'Nej');
    await form.getByRole('button', { name: 'Spara utkast' }).click();
    const draft = await lead.card(/Utkastet är sparat/);
    await lead.screenshot('kvartalsrapport-utkast');

    await draft.getByLabel('Antal styrgruppsmöten under kvartalet').fill('2');
    const counts: [RegExp, string, string][] = [
      [/^Inskrivna under kvartalet/, '4', '3'],
      [/^Avslutade under kvartalet/, '2', '1'],
      [/^varav till arbete/, '1', '1'],
      [/^varav till rehabilitering/, '0', '0'],
      [/^Pågående vid kvartalets slut/, '12', '10'],
    ];
    for (const [label, women, men] of counts) {
      await draft.getByLabel(new RegExp(`${label.source.slice(1)}.*, kvinnor`)).fill(women);
      await draft.getByLabel(new RegExp(`${label.source.slice(1)}.*, män`)).fill(men);
    }
    await draft.getByLabel(/Antalet pågående stämmer/).check();
    await draft.getByLabel(/Måluppfyllelse per mål/).fill('Mål 1 uppnått, mål 2 enligt plan.');
    await draft.getByLabel(/Upparbetade kostnader/).fill('1 500 000');
    await lead.screenshot('kvartalsrapport-ifylld');
    await draft.getByRole('button', { name: 'Skicka in rapporten' }).click();
    const receipt = await lead.card(/Inlämnad \(version 1\)/);
    assert.match(await read(receipt), /Upparbetade kostnader hittills i år\s+1 500 000 kr/);
    await lead.screenshot('kvartalsrapport-kvitto');

    await kansli.say('vilka kvartalsrapporter saknas?');
    const status = await kansli.card(/Kvartalsrapporter kvartal 3 2026/);
    assert.match(await read(status), /Växtkraft \(Enköping\)\s+Inlämnad för sent\s+23 november 2026/);
    await kansli.screenshot('kvartalsrapporter-status');

    await kansli.say('uppföljning 2026');
    const people = await kansli.card(/Uppföljning 2026 till och med kvartal 3 2026: deltagare/);
    assert.match(await read(people), /Växtkraft \(Enköping\)\s+Inskrivna\s+7 \(4 K \/ 3 M\)/);
    await kansli.screenshot('uppfoljning');
  });

  it('an applicant files an ansökan section by section in the rendered forms; the kansli records the board’s grant; the beslutsutrymme drops', async () => {
    const applicant = pages.insatsansvarig as PlaygroundPage;
    const kansli = pages.kansli as PlaygroundPage;
    const board = pages.styrelse as PlaygroundPage;
    const fill = async (card: import('playwright-core').Locator, values: [RegExp, string][]) => {
      for (const [label, value] of values) {
        const input = card.getByLabel(label).first();
        await input.fill(value);
        if ((await input.getAttribute('role')) === 'combobox') {
          await input.press('Enter');
          await applicant.page.keyboard.press('Escape'); // close a date picker
        }
      }
    };
    const next = (card: import('playwright-core').Locator, title: string | RegExp) => card.getByRole('button', { name: title }).click();

    const before = await headlineTkr(await board.ask('beslutsutrymme 2027'));

    await applicant.say('ny ansökan');
    const s1 = await applicant.card(/1 av 5: Insatsen och insatsägare/);
    await fill(s1, [
      [/^Insatsens namn/, 'Stegvis Enköping'],
      [/^Insatsägare \(organisation\)/, 'Enköpings kommun'],
      [/^Kontaktperson/, 'Eva Ek'],
      [/^E-post/, 'eva.ek@enkoping.example'],
      [/^Part 1: organisation/, 'Arbetsförmedlingen'],
    ]);
    await s1
      .getByRole('radiogroup', { name: /Typ av insats/ })
      .getByLabel('Individinsats', { exact: true })
      .check();
    await applicant.screenshot('ansokan-avsnitt-1');
    await next(s1, 'Spara och fortsätt');
    const s2 = await applicant.card(/2 av 5: Syfte, mål och behov/);
    await fill(s2, [
      [/^Syfte/, 'Fler i arbete.'],
      [/^Övergripande mål/, 'Egen försörjning.'],
      [/^Effektmål/, '40 % till arbete.'],
      [/^Insatsmål/, '30 deltagare.'],
      [/^Bakgrund och behov/, 'Långvarigt arbetslösa unga.'],
    ]);
    await next(s2, 'Spara och fortsätt');
    const s3 = await applicant.card(/3 av 5: Insatstid, målgrupp och metod/);
    await fill(s3, [
      [/^Planerad start/, '2027-01-01'],
      [/^Planerat slut/, '2027-12-31'],
      [/^Målgrupp/, 'Unga vuxna.'],
      [/^Förväntat antal deltagare/, '30'],
      [/^Metod/, 'IPS.'],
      [/^Uppföljning och utvärdering/, 'Kvartalsvis.'],
      [/^Implementering/, 'Kommunen tar över.'],
      [/^Förankrad i lokusgruppen/, '2026-10-15'],
    ]);
    await next(s3, 'Spara och fortsätt');
    const s4 = await applicant.card(/4 av 5: Budget/);
    await fill(s4, [
      [/^Lön 1: tjänst/, 'Coach'],
      [/^Lön 1: omfattning/, '100'],
      [/^Lön 1: från/, '2027-01-01'],
      [/^Lön 1: till/, '2027-12-31'],
      [/^Lön 1: belopp/, '600 tkr'],
    ]);
    await applicant.screenshot('ansokan-budget');
    await next(s4, 'Spara och visa sammanfattning');
    const summary = await applicant.card(/5 av 5: sammanfattning/);
    assert.match(await read(summary), /Att rekvirera från förbundet\s+600 000 kr/);
    await applicant.screenshot('ansokan-sammanfattning');
    await next(summary, 'Skicka in ansökan');
    const receipt = await applicant.card(/Ansökan inlämnad: Stegvis Enköping/);
    const dnr = /Dnr 2026:\d+/.exec(await read(receipt))?.[0] as string;
    assert.ok(dnr);

    const toKansli = await kansli.card(new RegExp(`Ny ansökan ${dnr}: Stegvis Enköping`));
    await toKansli.getByRole('button', { name: 'Registrera styrelsens beslut' }).click();
    const decision = await kansli.card(/Styrelsens beslut: Stegvis Enköping/);
    await decision
      .getByRole('radiogroup', { name: /Beslut/ })
      .getByLabel('Bevilja', { exact: true })
      .check();
    const meeting = decision.getByLabel(/Styrelsemötets datum/);
    await meeting.fill('2026-12-10');
    await meeting.press('Enter');
    await kansli.page.keyboard.press('Escape');
    await decision.getByLabel(/Paragraf i protokollet/).fill('§ 47');
    await decision.getByLabel(/Beviljas 2027/).fill('500000');
    await kansli.screenshot('ansokan-styrelsebeslut');
    await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
    const recorded = await kansli.card(/Beslutet är registrerat: Stegvis Enköping beviljad/);
    assert.match(await read(recorded), /sammanträde 10 december 2026, § 47, att bevilja .*(maximalt|med högst) 500 000 kronor/s);
    await applicant.card(new RegExp(`Beslut om din ansökan ${dnr}: beviljad`));

    const after = await board.ask('beslutsutrymme 2027');
    assert.equal(await headlineTkr(after), before - 500);
    await board.screenshot('beslutsutrymme-efter-ansokan');
  });
});
