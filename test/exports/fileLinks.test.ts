import assert from 'assert/strict';
import fc from 'fast-check';
import { FileLinkClaims, signFileLink, verifyFileLink } from '../../src/exports/fileLinks';

const SECRET = 'a-secret-of-at-least-32-characters-here';
const claims = fc.record<FileLinkClaims>({
  document: fc.constant('ekonomisk-information'),
  format: fc.constantFrom('xlsx', 'pdf'),
  associationId: fc.string({ minLength: 1, maxLength: 30 }),
  userId: fc.uuid(),
  userName: fc.string({ maxLength: 60 }),
  expires: fc.integer({ min: 1, max: 4_000_000_000 }),
});

describe('signed download links', () => {
  it('verify as signed until they expire, and not from then on', () => {
    fc.assert(
      fc.property(claims, (c) => {
        const token = signFileLink(SECRET, c);
        assert.deepEqual(verifyFileLink(SECRET, token, c.expires - 1), { ok: true, claims: { ...c } });
        assert.deepEqual(verifyFileLink(SECRET, token, c.expires), { ok: false, reason: 'expired' });
      }),
    );
  });

  it('refuse any changed character, and another secret', () => {
    fc.assert(
      fc.property(claims, fc.nat(), fc.constantFrom(...'ABCxyz019-_'), (c, at, ch) => {
        const token = signFileLink(SECRET, c);
        const i = at % token.length;
        fc.pre(token[i] !== ch && token[i] !== '.');
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        assert.equal(verifyFileLink(SECRET, changed, c.expires - 1).ok, false);
        assert.equal(verifyFileLink(`${SECRET}x`, token, c.expires - 1).ok, false);
      }),
    );
  });

  it('refuse paths and oversized input before decoding', () => {
    for (const t of ['', '..', '../../etc/passwd', 'a/b.c', `${'a'.repeat(2000)}.${'b'.repeat(43)}`, 'abc.def'])
      assert.deepEqual(verifyFileLink(SECRET, t, 0), { ok: false, reason: 'malformed' });
  });
});
