import assert from 'assert/strict';
import { readFileSync } from 'fs';
import path from 'path';
import { colorIcon, outlineIcon } from '../../scripts/appPackage/icons';
import { APP_PACKAGE_DIR, fillPlaceholders, placeholdersOf, validateManifest } from '../../scripts/appPackage/manifest';
import { decodePng, encodePng } from '../../scripts/appPackage/png';
import { buildAppPackage } from '../../scripts/packageApp';
import { findCommand } from '../../src/commands';
import { readQuestionWords } from '../../src/questions/parser/readQuestion';
import { readZip } from '../helpers/readZip';

const template = readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const SAMPLE = {
  APP_VERSION: '1.0.0',
  TEAMS_APP_ID: '5d0c1c7e-3f1a-4b8e-9c2d-1a2b3c4d5e6f',
  BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  APP_PUBLISHER: 'Samordningsförbundet Uppsala län',
  APP_WEBSITE_URL: 'https://www.samordningsforbund.se',
};
const filled = () => JSON.parse(fillPlaceholders(template, SAMPLE)) as Record<string, any>;

describe('Teams app package', () => {
  it('has exactly the placeholders the environment fills', () => {
    assert.deepEqual(placeholdersOf(template).sort(), Object.keys(SAMPLE).sort());
    assert.throws(() => fillPlaceholders(template, { ...SAMPLE, BOT_ID: undefined }), /Värden saknas för BOT_ID/);
  });

  it('validates against the official manifest schema of its version (from @microsoft/app-manifest)', () => {
    const manifest = filled();
    assert.equal(manifest.manifestVersion, '1.27');
    assert.equal(manifest.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.27/MicrosoftTeams.schema.json');
    assert.deepEqual(validateManifest(manifest), []);
  });

  it('the schema check fails on what Teams would refuse', () => {
    const broken = filled();
    broken.name.short = 'Ett namn som är alldeles för långt för Teams';
    broken.bots[0].scopes = ['personal', 'kanal'];
    delete broken.icons;
    const problems = validateManifest(broken).join('\n');
    assert.match(problems, /\/name\/short/);
    assert.match(problems, /\/bots\/0\/scopes\/1/);
    assert.match(problems, /icons/);
  });

  it('offers the bot in personal chats, teams and group chats, with Swedish commands the bot understands', () => {
    const bot = filled().bots[0];
    assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
    const titles: string[] = bot.commandLists.flatMap((l: any) => l.commands.map((c: any) => c.title));
    for (const title of titles) {
      const command = findCommand(title);
      const understood = command.name !== 'budgetfråga' || readQuestionWords(title, 2026).measures.length > 0;
      assert.ok(understood, `the bot does not understand the manifest command "${title}"`);
    }
  });

  it('has the icons Teams requires: color 192×192, outline 32×32 white on transparent, both drawn by the project', () => {
    const color = decodePng(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
    const outline = decodePng(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    assert.deepEqual([color.width, color.height, color.colorType], [192, 192, 6]);
    assert.deepEqual([outline.width, outline.height, outline.colorType], [32, 32, 6]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      alphas.add(a as number);
      if (a !== 0) assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${i / 4} is not white`);
    }
    assert.deepEqual([...alphas].sort(), [0, 255], 'white marks on a transparent ground');
    assert.ok(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')).equals(encodePng(colorIcon())), 'color.png is what npm run icons draws');
    assert.ok(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')).equals(encodePng(outlineIcon())), 'outline.png is what npm run icons draws');
  });

  it('npm run package writes the zip Teams accepts: the filled manifest and both icons at the root', () => {
    const entries = readZip(buildAppPackage(SAMPLE));
    assert.deepEqual([...entries.keys()], ['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8'));
    assert.equal(manifest.id, SAMPLE.TEAMS_APP_ID);
    assert.equal(manifest.bots[0].botId, SAMPLE.BOT_ID);
    assert.deepEqual(validateManifest(manifest), []);
    assert.equal(decodePng(entries.get('color.png') as Buffer).width, 192);
    assert.throws(() => buildAppPackage({ ...SAMPLE, BOT_ID: 'min-bot' }), /BOT_ID ska vara ett GUID/);
  });
});
