import assert from 'assert/strict';
import fc from 'fast-check';
import { LedgerAdjustment, prognosisChanges } from '../../src/domain/deviations';
import { applyLedgerAdjustments, remainingInitiativeBudget } from '../../src/finance/ledgerAdjustments';
import { computeLedgerTotals, latestEstimateColumn } from '../../src/finance/ledgerTotals';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { readDataFile } from '../helpers/data';

const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
const remainingByYear = (s: typeof snapshot) => {
  const totals = computeLedgerTotals(s);
  return Object.fromEntries([2026, 2027, 2028].map((y) => [y, totals.find((t) => t.column.key === latestEstimateColumn(s.columns, y)?.key)?.remaining ?? NaN]));
};
const adjustment = (
  kind: 'budget-move' | 'budget-return',
  fromYear: number,
  amount: number,
  decidedOn = '2026-11-23',
  initiativeId = 'vaxtkraft',
): LedgerAdjustment => ({
  caseId: `avvikelse-${kind}-${fromYear}-${amount}-${decidedOn}`,
  dnr: 'Dnr 2026:1',
  decidedOn,
  initiativeId,
  initiativeName: initiativeId,
  changes: prognosisChanges({ kind, fromYear, amount }),
});

describe('approved avvikelser in the ledger', () => {
  it('moving X from y to y+1 frees X in y and leaves the following years as they were', () => {
    const before = remainingByYear(snapshot);
    const { snapshot: after, applied } = applyLedgerAdjustments(snapshot, [adjustment('budget-move', 2026, 80_000)]);
    assert.equal(applied.length, 1);
    const r = remainingByYear(after);
    assert.deepEqual([r[2026]! - before[2026]!, r[2027]! - before[2027]!, r[2028]! - before[2028]!], [80_000, 0, 0]);
    assert.equal(r[2026], 3_118_000);
  });

  it('changes only the prognos of y, never the fastställd budget', () => {
    const { snapshot: after } = applyLedgerAdjustments(snapshot, [adjustment('budget-move', 2026, 80_000)]);
    const line = after.lines.find((l) => l.id === 'vaxtkraft')!;
    assert.equal(line.amounts['2026-budget'], 2_753_000);
    assert.equal(line.amounts['2026-forecast'], 2_673_000);
    assert.equal(line.amounts['2027-preliminary'], 2_834_000);
  });

  it('ignores decisions the published table already contains (decided on or before its date)', () => {
    const { snapshot: after, applied } = applyLedgerAdjustments(snapshot, [adjustment('budget-move', 2026, 80_000, '2026-03-26')]);
    assert.equal(applied.length, 0);
    assert.equal(after, snapshot);
  });

  it('property: any set of moves and returns frees in 2026 exactly what leaves 2026, and by 2028 exactly what was returned', () => {
    const before = remainingByYear(snapshot);
    const arbitraryAdjustment = fc.record({
      kind: fc.constantFrom('budget-move' as const, 'budget-return' as const),
      fromYear: fc.constantFrom(2026, 2027),
      amount: fc.integer({ min: 1, max: 2_000_000 }),
      initiativeId: fc.constantFrom('vaxtkraft', 'framsteget', 'regexpro', 'plattform-heby'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryAdjustment, { maxLength: 6 }), (items) => {
        const adjustments = items.map((a, i) => ({ ...adjustment(a.kind, a.fromYear, a.amount, '2026-11-23', a.initiativeId), caseId: `c${i}` }));
        const r = remainingByYear(applyLedgerAdjustments(snapshot, adjustments).snapshot);
        const returned = items.filter((a) => a.kind === 'budget-return').reduce((s, a) => s + a.amount, 0);
        // Moves into 2028 from 2027 cancel in the chain; only returns free money for good.
        assert.equal(r[2028]! - before[2028]!, returned);
        const freedIn2026 = items.filter((a) => a.fromYear === 2026).reduce((s, a) => s + a.amount, 0);
        assert.equal(r[2026]! - before[2026]!, freedIn2026);
      }),
    );
  });

  it('remaining budget of an insats is its latest estimate less utfall and money already asked for', () => {
    assert.equal(remainingInitiativeBudget(snapshot, 'vaxtkraft', 2026, 1_000_000, 80_000), 1_673_000);
    assert.equal(remainingInitiativeBudget(snapshot, 'vaxtkraft', 2028, 0, 0), undefined, 'no budget 2028');
    assert.equal(remainingInitiativeBudget(snapshot, 'okand', 2026, 0, 0), undefined);
  });
});
