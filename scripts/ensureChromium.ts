/**
 * Run by `npm test` before the suites: the browser tests drive Debian's Chromium (and the
 * export tests read PDFs with Debian's poppler-utils), never a
 * browser a tool downloads. When it is missing and this user may install packages (root, or
 * sudo without a password), it installs it from apt as .ci/run used to; otherwise it stops
 * with the one command to run.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync } from 'fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium poppler-utils';

function stop(reason: string): never {
  console.error(`\nChromium (${CHROMIUM}) eller poppler-utils (${PDFTOTEXT}) saknas och ${reason}.\nKör: ${INSTALL}\n`);
  process.exit(1);
}

function main(): void {
  const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(existsSync(PDFTOTEXT) ? [] : ['poppler-utils'])];
  if (missing.length === 0) return;
  if (process.env.CHROMIUM_PATH && !existsSync(CHROMIUM)) stop('CHROMIUM_PATH pekar inte på en fil');
  if (process.platform !== 'linux' || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) stop('den här maskinen har inte apt-get');
  const root = process.getuid?.() === 0;
  if (!root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) stop('den här användaren får inte installera paket utan lösenord');
  const run = (args: string[]) =>
    execFileSync(root ? (args[0] as string) : 'sudo', root ? args.slice(1) : args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log(`Saknas: installerar Debians paket ${missing.join(' och ')} med apt-get …`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
  if (!existsSync(CHROMIUM) || !existsSync(PDFTOTEXT)) stop('apt-get installerade dem inte');
}

main();
