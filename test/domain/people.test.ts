import assert from 'assert/strict';
import fc from 'fast-check';
import { Person, ROLES, Roster, RosterChange, RosterRuleError, applyRosterChange, rolesOn } from '../../src/domain/people';

const ids = ['a', 'b', 'c', 'd', 'e'];
const person: fc.Arbitrary<Person> = fc.record({
  aadObjectId: fc.constantFrom(...ids),
  name: fc.constantFrom('Anna', 'Bo', 'Cecilia'),
  roles: fc.subarray([...ROLES]),
  initiatives: fc.subarray(['vaxtkraft', 'bryggan']),
});
const change: fc.Arbitrary<RosterChange> = fc.oneof(
  person.map((p) => ({ kind: 'save' as const, person: p })),
  fc.constantFrom(...ids).map((id) => ({ kind: 'remove' as const, aadObjectId: id })),
);
const start: Roster = {
  associationId: 'uppsala',
  version: 0,
  people: [
    { aadObjectId: 'a', name: 'Chef', roles: ['forbundschef'], initiatives: [] },
    { aadObjectId: 'b', name: 'Kansli', roles: ['kansli'], initiatives: [] },
  ],
};

describe('the roster rules', () => {
  it('never leave a förbund without a förbundschef or a kansli person, whatever is changed by whom', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(change, fc.constantFrom(...ids)), { maxLength: 30 }), (steps) => {
        let roster = start;
        for (const [c, actor] of steps) {
          try {
            roster = applyRosterChange(roster, c, actor).roster;
          } catch (err) {
            if (!(err instanceof RosterRuleError)) throw err;
          }
          assert.ok(roster.people.some((p) => p.roles.includes('forbundschef')));
          assert.ok(roster.people.some((p) => p.roles.includes('kansli')));
          assert.equal(new Set(roster.people.map((p) => p.aadObjectId)).size, roster.people.length);
        }
      }),
    );
  });

  it("refuses a change of one's own roles and counts each accepted change once", () => {
    assert.throws(() => applyRosterChange(start, { kind: 'remove', aadObjectId: 'b' }, 'b'), /dina egna behörigheter/);
    const { roster } = applyRosterChange(start, { kind: 'save', person: { aadObjectId: 'c', name: 'Ny', roles: ['styrelse'], initiatives: ['x'] } }, 'b');
    assert.equal(roster.version, 1);
    assert.deepEqual(roster.people.find((p) => p.aadObjectId === 'c')?.initiatives, [], 'insatser only for an insatsansvarig');
  });

  it('gives an ersättare the role only within the period', () => {
    const deputy: Person = {
      aadObjectId: 'd',
      name: 'Ers',
      roles: ['ersattare', 'styrelse'],
      initiatives: [],
      deputyPeriod: { from: '2026-07-01', to: '2026-07-31' },
    };
    assert.deepEqual(rolesOn(deputy, '2026-06-30'), ['styrelse']);
    assert.deepEqual(rolesOn(deputy, '2026-07-01'), ['ersattare', 'styrelse']);
    assert.deepEqual(rolesOn(deputy, '2026-07-31'), ['ersattare', 'styrelse']);
    assert.deepEqual(rolesOn(deputy, '2026-08-01'), ['styrelse']);
  });
});
