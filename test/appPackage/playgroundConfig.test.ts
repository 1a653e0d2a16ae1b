import assert from 'assert/strict';
import { readFileSync } from 'fs';
import path from 'path';
import { PLAYGROUND_ROLES } from '../../scripts/playgroundServer';
import { parseRoles } from '../../src/roles/roleDirectory';

const ROOT = path.resolve(__dirname, '../../..');
const demoUsers = parseRoles(JSON.parse(readFileSync(path.join(ROOT, 'config/roles.demo.json'), 'utf8')), 'roles.demo.json');

/** The currentUser block of a playground config (plain YAML, two-space indent). */
function currentUser(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const block = /\ncurrentUser:\n((?: {2}.+\n)+)/.exec(text)?.[1] ?? '';
  return Object.fromEntries(
    block
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [key, ...value] = line.trim().split(':');
        return [key as string, value.join(':').trim().replace(/^"|"$/g, '')];
      }),
  );
}

describe('Agents Playground configuration', () => {
  it('has one config per role, acting as that role’s demo user of config/roles.demo.json', () => {
    for (const { role } of PLAYGROUND_ROLES) {
      const me = currentUser(path.join(ROOT, 'playground', `${role}.yml`));
      const user = demoUsers.get(me.aadObjectId as string);
      assert.ok(user, `${role}.yml: ${me.aadObjectId} is not in the demo roles`);
      assert.equal(user.name, me.name, `${role}.yml: name`);
      assert.ok(user.roles.includes(role.replace(/-.*/, '') as never), `${role}.yml acts as ${user.roles.join(', ')}`);
    }
  });

  it('the default .m365agentsplayground.yml is the board member', () => {
    const me = currentUser(path.join(ROOT, '.m365agentsplayground.yml'));
    assert.deepEqual(demoUsers.get(me.aadObjectId as string)?.roles, ['styrelse']);
  });
});
