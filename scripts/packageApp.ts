/**
 * npm run package [-- <miljö>]: fills appPackage/manifest.json from the environment
 * (and env/.env.<miljö> when it exists), validates it against the official schema and
 * writes appPackage/build/appPackage.<miljö>.zip with the manifest and both icons.
 */
import { config as loadEnvFile } from 'dotenv';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { APP_PACKAGE_DIR, fillPlaceholders, validateManifest } from './appPackage/manifest';
import { writeZip } from './appPackage/zip';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function buildAppPackage(values: Readonly<Record<string, string | undefined>>): Buffer {
  for (const name of ['TEAMS_APP_ID', 'BOT_ID']) {
    if (values[name] && !GUID.test(values[name] as string)) throw new Error(`${name} ska vara ett GUID, inte "${values[name]}".`);
  }
  const manifestText = fillPlaceholders(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const problems = validateManifest(manifest);
  if (problems.length > 0)
    throw new Error(`manifest.json följer inte schemat ${String(manifest.manifestVersion)}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: 'color.png', data: readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')) },
  ]);
}

function main(): void {
  const environment = process.argv[2] ?? 'dev';
  const envFile = path.resolve(__dirname, '../../env', `.env.${environment}`);
  if (existsSync(envFile)) loadEnvFile({ path: envFile });
  const version = (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  const zip = buildAppPackage({
    APP_VERSION: version,
    APP_PUBLISHER: 'Samordningsförbundet',
    APP_WEBSITE_URL: 'https://www.samordningsforbund.se',
    ...process.env,
  });
  const out = path.join(APP_PACKAGE_DIR, 'build', `appPackage.${environment}.zip`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Appaketet skrivet: ${out}`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
