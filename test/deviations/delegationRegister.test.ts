import assert from 'assert/strict';
import { parseRegisterPeriod } from '../../src/deviations/delegationRegister';

describe('delegationsbeslut periods', () => {
  it('reads "since the last board meeting", a year, and a date range in either order', () => {
    assert.deepEqual(parseRegisterPeriod('delegationsbeslut sedan förra styrelsemötet'), { kind: 'unreported' });
    assert.deepEqual(parseRegisterPeriod('delegationsbeslut 2026'), { kind: 'range', from: '2026-01-01', to: '2026-12-31', label: '2026' });
    const range = parseRegisterPeriod('delegationsbeslut 2026-06-30 till 2026-01-01');
    assert.equal(range.kind, 'range');
    if (range.kind === 'range') assert.deepEqual([range.from, range.to], ['2026-01-01', '2026-06-30']);
  });
});
