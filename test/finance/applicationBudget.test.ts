import assert from 'assert/strict';
import fc from 'fast-check';
import { BudgetOwner, checkYearOverride, monthWeightsByYear, salaryAmount, splitByMonths, summariseBudget } from '../../src/finance/applicationBudget';

/** The förbund's own example: Arbetslivsintro, Uppsala kommun and Region Uppsala, 2022-01-01–2023-10-31. */
const ARBETSLIVSINTRO: BudgetOwner[] = [
  {
    organisation: 'Uppsala kommun',
    role: 'huvudinsatsägare',
    salaries: [{ title: 'Arbetsmarknadskonsulenter', percent: 100, from: '2022-01-01', to: '2023-10-31', amount: 3_248_000 }],
    premises: 0,
    otherCosts: [{ post: 'Inköpta tjänster för deltagare', amount: 1_650_000 }],
    selfFunding: 0,
  },
  {
    organisation: 'Region Uppsala',
    role: 'delinsatsägare',
    salaries: [{ title: 'Arbetsterapeut', percent: 100, from: '2022-01-01', to: '2023-10-31', amount: 1_134_000 }],
    premises: 0,
    otherCosts: [],
    selfFunding: 0,
  },
];
const PERIOD = { start: '2022-01-01', end: '2023-10-31' };

describe('application budget', () => {
  it('reproduces the Arbetslivsintro totals', () => {
    const s = summariseBudget(ARBETSLIVSINTRO, PERIOD);
    assert.equal(s.owners[0]!.salaries + s.owners[1]!.salaries, 4_382_000);
    assert.equal(s.owners[0]!.other, 1_650_000);
    assert.equal(s.total, 6_032_000);
    assert.deepEqual(
      s.owners.map((o) => o.requested),
      [4_898_000, 1_134_000],
    );
  });

  it('proposes a split by months (12 in 2022, 10 in 2023) and accepts the applicant’s own split that adds up', () => {
    const s = summariseBudget(ARBETSLIVSINTRO, PERIOD);
    // Each line is split on its own: 12/22 of 3 248 000 = 1 771 636, of 1 650 000 = 900 000, of 1 134 000 = 618 545.
    assert.deepEqual(s.byYear, { 2022: 3_290_181, 2023: 2_741_819 });
    // The applicant's own split in the application: no month rule gives it, and it is accepted as entered.
    assert.deepEqual(checkYearOverride({ 2022: 3_375_350, 2023: 2_656_650 }, s), []);
    assert.match(checkYearOverride({ 2022: 3_375_350, 2023: 2_656_000 }, s).join(), /ska bli 6\u00a0032\u00a0000\u00a0kr/);
    assert.match(checkYearOverride({ 2022: 3_000_000, 2024: 3_032_000 }, s).join(), /2024 ligger utanför insatstiden/);
  });

  it('counts 1 April–30 September the next year as 9 months in each year; partial months by their share of days', () => {
    const w = monthWeightsByYear('2022-04-01', '2023-09-30');
    assert.equal(w.get(2022), w.get(2023));
    assert.deepEqual(splitByMonths(180_000, '2022-04-01', '2023-09-30'), { 2022: 90_000, 2023: 90_000 });
    // 16–30 November is half of November: 1.5 months in 2022 against 1 in 2023.
    assert.deepEqual(splitByMonths(25_000, '2022-11-16', '2023-01-31'), { 2022: 15_000, 2023: 10_000 });
  });

  it('computes a salary line from monthly salary, omfattning and PO-pålägg', () => {
    assert.equal(salaryAmount({ title: 'Coach', percent: 50, from: '2026-01-01', to: '2026-12-31', monthlySalary: 40_000, poRatePercent: 31.42 }), 315_408);
  });

  it('property: every split adds up exactly to the amount, in whole kronor, over the period’s years only', () => {
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), date, date, (amount, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const split = splitByMonths(amount, from, to);
        assert.equal(
          Object.values(split).reduce((x, y) => x + y, 0),
          amount,
        );
        for (const [year, part] of Object.entries(split)) {
          assert.ok(Number.isInteger(part) && part >= 0);
          assert.ok(Number(year) >= Number(from.slice(0, 4)) && Number(year) <= Number(to.slice(0, 4)));
        }
      }),
    );
  });
});
