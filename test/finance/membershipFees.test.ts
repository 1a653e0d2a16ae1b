import assert from 'assert/strict';
import fc from 'fast-check';
import { splitMembershipFee } from '../../src/finance/membershipFees';
import { kassalikviditet, soliditet } from '../../src/finance/keyRatios';
import { readDataFile } from '../helpers/data';

const followUp = readDataFile<any>('uppsala-2025-uppfoljning.json');
const KOMMUNER = [
  'Enköpings kommun',
  'Heby kommun',
  'Håbo kommun',
  'Knivsta kommun',
  'Tierps kommun',
  'Uppsala kommun',
  'Älvkarleby kommun',
  'Östhammars kommun',
];

describe('medlemsavgifter', () => {
  for (const year of ['2025', '2024']) {
    it(`splits ${year}'s total into state half, region quarter and kommuner quarter exactly`, () => {
      const fees: Record<string, number> = followUp.membershipFees[year];
      const total = Object.values(fees).reduce((a, b) => a + b, 0);
      // Population shares reproduce each kommun's fee; the recorded fees are proportional to them.
      const split = splitMembershipFee(
        total,
        KOMMUNER.map((name) => ({ name, population: fees[name]! })),
      );
      assert.equal(split.state, fees['Försäkringskassan/Arbetsförmedlingen']);
      assert.equal(split.region, fees['Region Uppsala']);
      assert.deepEqual(Object.fromEntries(split.municipalities.map((m) => [m.name, m.amount])), Object.fromEntries(KOMMUNER.map((k) => [k, fees[k]])));
    });
  }

  it('2025: 23 428 000 = 11 714 000 + 5 857 000 + 5 857 000', () => {
    const split = splitMembershipFee(23_428_000, [{ name: 'A', population: 1 }]);
    assert.deepEqual([split.state, split.region, split.municipalitiesTotal], [11_714_000, 5_857_000, 5_857_000]);
  });

  it('every split adds up to the total to the krona (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 12 }), (total, populations) => {
        const s = splitMembershipFee(
          total,
          populations.map((population, i) => ({ name: `k${i}`, population })),
        );
        assert.equal(s.state + s.region + s.municipalitiesTotal, total);
        assert.equal(
          s.municipalities.reduce((a, m) => a + m.amount, 0),
          s.municipalitiesTotal,
        );
        assert.ok(Math.abs(s.state - 2 * s.region) <= 2);
      }),
    );
  });
});

describe('nyckeltal', () => {
  it('soliditet 2025 is 54 % (7 148 352 / 13 328 474)', () => {
    const b = followUp.annualReport2025.balance2025;
    assert.equal(soliditet(b.summaEgetKapital, b.summaTillgangar), 54);
  });

  it('kassalikviditet 2025 from omsättningstillgångar and kortfristiga skulder', () => {
    const b = followUp.annualReport2025.balance2025;
    assert.equal(kassalikviditet(b.omsattningstillgangar, b.kortfristigaSkulder), 216);
  });
});
