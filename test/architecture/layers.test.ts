import assert from 'assert/strict';
import { readFileSync, readdirSync } from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '../../../src');

/**
 * The house's floors, lowest first. A module may import its own floor or one below, never one
 * above: domain and formats know nothing of the store, use cases nothing of chat commands,
 * nothing below the edge knows the Bot Framework.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['domain', 'format', 'errors.ts', 'clock.ts', 'config.ts'],
  ['finance'],
  ['ports', 'cards', 'roles'],
  ['store', 'questions', 'deviations', 'reports', 'applications', 'exports', 'importer', 'jobs', 'demo', 'people', 'telemetry.ts'],
  ['commands', 'cardActions'],
  ['bot', 'http', 'httpBody.ts'],
  // Entry points compose everything.
  ['app.ts', 'index.ts', 'instrument.ts', 'compileCache.ts', 'importer/cli.ts', 'jobs/remindCli.ts', 'people/forbundCli.ts'],
];

function floorOf(file: string): number {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const exact = FLOORS.findIndex((f) => f.includes(rel));
  if (exact >= 0) return exact;
  const top = rel.includes('/') ? (rel.split('/')[0] as string) : rel;
  const floor = FLOORS.findIndex((f) => f.includes(top));
  assert.ok(floor >= 0, `${rel} is on no floor: add its folder to FLOORS`);
  return floor;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Relative imports of a module (static, dynamic and require), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)]
    .map((m) => path.resolve(path.dirname(file), m[1] as string))
    .filter((target) => target.startsWith(SRC))
    .map((target) => sources(path.dirname(target)).find((f) => f === `${target}.ts`) ?? path.join(target, 'index.ts'));
}

describe('the dependencies point one way', () => {
  const files = sources(SRC);

  it('no module imports a floor above its own', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => floorOf(target) > floorOf(file))
        .map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`),
    );
    assert.deepEqual(upward, []);
  });

  it('only the edge (src/bot) imports the Bot Framework', () => {
    const outside = files.filter(
      (f) => !path.relative(SRC, f).startsWith(`bot${path.sep}`) && /from 'botbuilder|require\('botbuilder/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      outside.map((f) => path.relative(SRC, f)),
      [],
    );
  });

  it('puts every module on a floor (a new folder must be placed)', () => {
    for (const file of files) floorOf(file);
    assert.ok(floorOf(path.join(SRC, 'questions/answerQuestion.ts')) > floorOf(path.join(SRC, 'domain/ledger.ts')));
  });
});
