import assert from 'assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { todayInStockholm } from '../../src/clock';

describe("today's date in Stockholm", () => {
  it('turns at midnight Stockholm time, in winter and in summer', () => {
    assert.equal(todayInStockholm(new Date('2026-12-31T22:59:59Z')), '2026-12-31');
    assert.equal(todayInStockholm(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
    assert.equal(todayInStockholm(new Date('2026-06-30T21:59:59Z')), '2026-06-30');
    assert.equal(todayInStockholm(new Date('2026-06-30T22:00:00Z')), '2026-07-01');
  });

  it('agrees with luxon’s time-zone arithmetic at any instant 2000–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const expected = DateTime.fromMillis(ms).setZone('Europe/Stockholm').toISODate();
        assert.equal(todayInStockholm(new Date(ms)), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
