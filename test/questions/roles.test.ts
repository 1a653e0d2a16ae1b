import assert from 'assert/strict';
import { readFileSync } from 'fs';
import path from 'path';
import { ROLES, parseRoles } from '../../src/roles/roleDirectory';

describe('roles file', () => {
  it('the shipped demo roles cover every role', () => {
    const users = parseRoles(JSON.parse(readFileSync(path.resolve(__dirname, '../../../config/roles.demo.json'), 'utf8')), 'demo');
    const roles = new Set([...users.values()].flatMap((u) => u.roles));
    assert.deepEqual([...roles].sort(), [...ROLES].sort());
  });

  it('refuses a broken file with a message naming the problem', () => {
    assert.throws(
      () => parseRoles({ users: [{ aadObjectId: 'a', association: 'uppsala', roles: ['kung'] }] }, 'roles.json'),
      /roles.json: users\[0\]: okänd roll kung/,
    );
    assert.throws(() => parseRoles({ users: [{ aadObjectId: 'a', association: 'Uppsala Län', roles: [] }] }, 'r'), /förbunds-id/);
    assert.throws(() => parseRoles({}, 'r'), /"users" ska vara en lista/);
  });
});
