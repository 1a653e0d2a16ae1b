import assert from 'assert/strict';
import fc from 'fast-check';
import { LedgerSnapshot } from '../../src/domain/ledger';
import { compareStatedTotals, computeLedgerTotals, latestEstimateColumn } from '../../src/finance/ledgerTotals';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { readDataFile } from '../helpers/data';

const FIELDS = ['income', 'cost', 'initiatives', 'result', 'carriedIn', 'remaining', 'remainingAfterApplications'] as const;

function expectStatedTotalsReproduced(file: string) {
  const snapshot = parseLedgerFile(readDataFile(file));
  const totals = computeLedgerTotals(snapshot);
  let checked = 0;
  for (const t of totals) {
    const stated = snapshot.statedTotals[t.column.key] ?? {};
    for (const field of FIELDS) {
      if (stated[field] === undefined) continue;
      assert.equal(t[field], stated[field], `${t.column.key} ${field}`);
      checked += 1;
    }
  }
  assert.deepEqual(compareStatedTotals(snapshot, totals), []);
  return checked;
}

describe('ledger totals (ekonomisk information)', () => {
  it('reproduces every printed total of the 2026-03-26 table', () => {
    assert.equal(expectStatedTotalsReproduced('uppsala-2026-03-26.ledger.json'), 24);
  });

  it('reproduces every printed total of the 2022-11-17 table, pending application included', () => {
    assert.equal(expectStatedTotalsReproduced('uppsala-2022-11-17.ledger.json'), 7);
  });

  it("chains each year from the previous year's latest estimate (prognos 2026, not budget)", () => {
    const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
    const byKey = new Map(computeLedgerTotals(snapshot).map((t) => [t.column.key, t]));
    assert.equal(latestEstimateColumn(snapshot.columns, 2026)?.key, '2026-forecast');
    assert.equal(byKey.get('2026-forecast')?.remaining, 3_038_000);
    assert.equal(byKey.get('2026-budget')?.remaining, 3_178_000);
    assert.equal(byKey.get('2027-preliminary')?.carriedIn, 3_038_000);
    assert.equal(byKey.get('2028-preliminary')?.remaining, 12_251_000);
  });

  it('reports a printed total that does not match the lines, flagging a 1 tkr difference as rounding', () => {
    const raw = readDataFile<Record<string, any>>('uppsala-2026-03-26.ledger.json');
    raw.statedTotals['2026-forecast'].carriedIn = 6348; // the cover letter's typo
    raw.statedTotals['2027-preliminary'].cost = 23879;
    const snapshot = parseLedgerFile(raw);
    const diffs = compareStatedTotals(snapshot, computeLedgerTotals(snapshot));
    assert.deepEqual(
      diffs.map((d) => [d.columnKey, d.field, d.stated, d.computed, d.difference, d.rounding]),
      [
        ['2026-forecast', 'carriedIn', 6_348_000, 6_148_000, 200_000, false],
        ['2027-preliminary', 'cost', 23_879_000, 23_878_000, 1_000, true],
      ],
    );
  });
});

const amount = fc.integer({ min: -5_000_000, max: 5_000_000 });
const snapshotArb: fc.Arbitrary<LedgerSnapshot> = fc
  .record({
    years: fc.uniqueArray(fc.integer({ min: 2020, max: 2030 }), { minLength: 1, maxLength: 4 }),
    withForecast: fc.boolean(),
    opening: amount,
    lineCount: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(amount, { minLength: 64, maxLength: 64 }),
    groups: fc.array(fc.constantFrom('membership_fees', 'sales', 'governance', 'administration', 'initiative', 'other_initiative'), {
      minLength: 8,
      maxLength: 8,
    }),
  })
  .map(({ years, withForecast, opening, lineCount, seed, groups }) => {
    const sorted = [...years].sort((a, b) => a - b);
    const columns = sorted.flatMap((year, i) => [
      { key: `${year}-b`, year, kind: i === 0 ? ('budget' as const) : ('preliminary' as const) },
      ...(withForecast && i === 0 ? [{ key: `${year}-f`, year, kind: 'forecast' as const }] : []),
    ]);
    const lines = Array.from({ length: lineCount }, (_, i) => {
      const group = groups[i] as LedgerSnapshot['lines'][number]['group'];
      return {
        id: `l${i}`,
        section: ['membership_fees', 'sales'].includes(group) ? ('income' as const) : ('cost' as const),
        group,
        label: `rad ${i}`,
        amounts: Object.fromEntries(columns.map((c, j) => [c.key, Math.abs(seed[(i * 8 + j) % 64] ?? 0)])),
      };
    });
    const pendingApplications = [{ name: 'Ny', owner: 'X', amounts: Object.fromEntries(columns.map((c, j) => [c.key, Math.abs(seed[(j + 40) % 64] ?? 0)])) }];
    return {
      associationId: 'test',
      associationName: 'Test',
      asOf: '2026-01-01',
      reserveFund: 0,
      openingSurplus: { year: sorted[0] ?? 2020, amount: opening },
      columns,
      lines,
      pendingApplications,
      statedTotals: {},
    };
  });

describe('ledger totals: invariants (fast-check)', () => {
  it('result = income − cost and remaining = carried in + result in every column', () => {
    fc.assert(
      fc.property(snapshotArb, (s) => {
        for (const t of computeLedgerTotals(s)) {
          assert.equal(t.result, t.income - t.cost);
          assert.equal(t.remaining, t.carriedIn + t.result);
          assert.equal(t.cost, t.governance + t.administration + t.externalProject + t.initiatives + t.otherInitiatives);
        }
      }),
    );
  });

  it("each year is carried in from the previous year's latest estimate, pending applications accumulate along the chain", () => {
    fc.assert(
      fc.property(snapshotArb, (s) => {
        const totals = computeLedgerTotals(s);
        const years = [...new Set(s.columns.map((c) => c.year))].sort((a, b) => a - b);
        years.forEach((year, i) => {
          const estimate = totals.find((t) => t.column.key === latestEstimateColumn(s.columns, year)?.key)!;
          for (const t of totals.filter((x) => x.column.year === year)) {
            if (i === 0) assert.equal(t.carriedIn, s.openingSurplus.amount);
            else {
              const prev = totals.find((x) => x.column.key === latestEstimateColumn(s.columns, years[i - 1]!)?.key)!;
              assert.equal(t.carriedIn, prev.remaining);
              assert.equal(t.remaining - t.remainingAfterApplications, prev.remaining - prev.remainingAfterApplications + t.pendingApplications);
            }
          }
          assert.ok(estimate);
        });
      }),
    );
  });

  it('does not depend on the order of lines or columns', () => {
    fc.assert(
      fc.property(snapshotArb, fc.nat(), (s, shift) => {
        const rotate = <T>(xs: readonly T[]) => xs.map((_, i) => xs[(i + shift) % xs.length] as T);
        const shuffled = { ...s, lines: rotate(s.lines).reverse(), columns: rotate(s.columns) };
        const key = (ts: ReturnType<typeof computeLedgerTotals>) => Object.fromEntries(ts.map((t) => [t.column.key, { ...t, column: undefined }]));
        assert.deepEqual(key(computeLedgerTotals(shuffled)), key(computeLedgerTotals(s)));
      }),
    );
  });
});
