import { existsSync, mkdirSync, rmSync } from 'fs';
import path from 'path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

let screenshotsCleared = false;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium saknas (${CHROMIUM}). Installera Debians paket: apt-get install -y chromium (eller ange CHROMIUM_PATH).`);
  }
  // Once per run: every browser spec of the run adds its screenshots to the same folder.
  if (!screenshotsCleared) rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  screenshotsCleared = true;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * One role's Agents Playground in the browser: type into the chat, read and use the
 * cards Teams' renderer drew. Waits are on what appears on screen, never on time.
 */
export class PlaygroundPage {
  private shots = 0;

  private constructor(
    readonly name: string,
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  static async open(browser: Browser, name: string, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1300 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    return new PlaygroundPage(name, page, context);
  }

  async openChat(name: 'Personal Chat' | 'Ekonomi'): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
  }

  /** Sends a message in the open personal chat. */
  async say(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').last().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Starts a channel post that @-mentions the bot, picked from the mention menu as a user would. */
  async postMentioningBot(botName: string, text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').first().click();
    await this.page.keyboard.type(`@${botName.slice(0, 3)}`);
    await this.page.getByRole('menuitem', { name: new RegExp(botName) }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** The newest rendered card containing the text, once it is on screen. */
  async card(containing: string | RegExp, timeout = 15_000): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard', { hasText: containing }).last();
    await card.waitFor({ state: 'visible', timeout });
    return card;
  }

  /** Sends a message and returns the first card that arrives after it (older cards with the same text do not count). */
  async ask(text: string, timeout = 15_000): Promise<Locator> {
    const cards = this.page.locator('.ac-adaptiveCard');
    const before = await cards.count();
    await this.say(text);
    const reply = cards.nth(before);
    await reply.waitFor({ state: 'visible', timeout });
    return reply;
  }

  async screenshot(step: string): Promise<void> {
    this.shots += 1;
    const file = `${this.name}-${String(this.shots).padStart(2, '0')}-${step.replace(/[^a-z0-9åäö-]+/gi, '-').toLowerCase()}.png`;
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, file), fullPage: true });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
