import assert from 'assert/strict';
import fc from 'fast-check';
import { roundHalfAwayFromZero, splitByLargestRemainder, toKronor, wholePercent } from '../../src/domain/money';
import { formatDate, formatKr, formatPercent, formatTkr } from '../../src/format/swedish';

describe('money', () => {
  it('converts printed tkr to whole kronor without float drift', () => {
    assert.equal(toKronor(2.753, 'tkr'), 2753);
    assert.equal(toKronor(2753, 'tkr'), 2_753_000);
    assert.equal(toKronor(-0.5, 'kr'), -1);
  });

  it('rounds half away from zero', () => {
    assert.deepEqual([2.5, -2.5, 2.4999, -0.5].map(roundHalfAwayFromZero), [3, -3, 2, -1]);
  });

  it('formats Swedish style', () => {
    assert.equal(formatTkr(3_038_000), '3\u00a0038\u00a0tkr');
    assert.equal(formatTkr(-3_110_000), '\u22123\u00a0110\u00a0tkr');
    assert.equal(formatKr(23_428_000), '23\u00a0428\u00a0000\u00a0kr');
    assert.equal(formatPercent(82), '82\u00a0%');
    assert.equal(formatDate('2027-12-31'), '2027\u201112\u201131');
  });

  it('computes whole percentages rounded half up, exactly', () => {
    assert.equal(wholePercent(17_430, 21_304), 82);
    assert.equal(wholePercent(19, 40), 48);
    assert.equal(wholePercent(21, 40), 53);
    assert.equal(wholePercent(1, 0), undefined);
  });

  it('splits so that the parts always add up to the total (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitByLargestRemainder(total, weights);
          assert.equal(
            parts.reduce((a, b) => a + b, 0),
            total,
          );
          parts.forEach((p, i) => {
            const exact = (total * (weights[i] ?? 0)) / weights.reduce((a, b) => a + b, 0);
            assert.ok(Math.abs(p - exact) < 1 + 1e-6, `part ${i} is within a krona of its exact share`);
            assert.ok(Number.isInteger(p));
          });
        },
      ),
    );
  });

  it('breaks a tie between remainders in favour of the larger weight, whatever the order (found by fast-check)', () => {
    assert.deepEqual(splitByLargestRemainder(6, [1, 11]), [0, 6]);
    assert.deepEqual(splitByLargestRemainder(6, [11, 1]), [6, 0]);
    assert.deepEqual(splitByLargestRemainder(805_950_378, [1, 11]), [67_162_531, 738_787_847]);
    assert.deepEqual(splitByLargestRemainder(1, [1, 1]), [1, 0]);
  });

  it('gives equal weights equal parts up to one krona, and is independent of the order of weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 2, maxLength: 9 }), (total, weights) => {
        const parts = splitByLargestRemainder(total, weights);
        const reversed = splitByLargestRemainder(total, [...weights].reverse()).reverse();
        const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
        // Ties between equal weights may go to another position, but the multiset of parts is the same.
        assert.deepEqual(sorted(parts), sorted(reversed));
      }),
    );
  });
});
