import assert from 'assert/strict';
import fc from 'fast-check';
import { parseSwedishAmount } from '../../src/format/parseAmount';
import { formatInteger, formatKr } from '../../src/format/swedish';

const kronor = (text: string) => {
  const parsed = parseSwedishAmount(text);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.message}`);
  return parsed.kronor;
};

describe('Swedish amounts', () => {
  it('reads the ways people write amounts', () => {
    assert.equal(kronor('80 tkr'), 80_000);
    assert.equal(kronor('80 000'), 80_000);
    assert.equal(kronor('80000 kr'), 80_000);
    assert.equal(kronor('1,5 mkr'), 1_500_000);
    assert.equal(kronor('1 232 000'), 1_232_000);
    assert.equal(kronor('1\u00a0232\u00a0000 kr'), 1_232_000);
    assert.equal(kronor('450 TKR'), 450_000);
    assert.equal(kronor('2,753 tkr'), 2_753);
    assert.equal(kronor('80 000:-'), 80_000);
  });

  it('refuses what is not a positive whole number of kronor, saying why in Swedish', () => {
    const message = (text: string) => {
      const parsed = parseSwedishAmount(text);
      assert.ok(!parsed.ok, text);
      return parsed.message.replace(/[\u00a0\u202f]/g, ' ');
    };
    assert.match(message('åttio'), /är inget belopp/);
    assert.match(message('12,5'), /inte ett helt antal kronor/);
    assert.match(message('1,0005 tkr'), /inte ett helt antal kronor/);
    assert.match(message('0 kr'), /större än noll/);
    assert.match(message('-80 tkr'), /är inget belopp/);
    assert.match(message('80 000 000 000 000 mkr'), /orimligt stort/);
    assert.match(message('1 23 000'), /är inget belopp/);
    assert.match(message('9 007 199 254 740 991'), /orimligt stort; högst 1 000 000 000 kr/);
    assert.match(message('1 000 000 001'), /orimligt stort/);
    assert.equal(kronor('1 000 000 000'), 1_000_000_000);
    assert.match(message('1'.repeat(200)), /inget belopp/);
  });

  it('reads back every amount it formats, in kr, with plain digits and in tkr', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (amount) => {
        assert.equal(kronor(formatKr(amount)), amount);
        assert.equal(kronor(String(amount)), amount);
        if (amount <= 1_000_000) assert.equal(kronor(`${formatInteger(amount)} tkr`), amount * 1000);
      }),
    );
  });

  it('reads decimal tkr and mkr exactly, without floating-point drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (thousands) => {
        const whole = Math.floor(thousands / 1000);
        const rest = String(thousands % 1000).padStart(3, '0');
        assert.equal(kronor(`${whole},${rest} mkr`), thousands * 1000 || NaN);
      }),
    );
  });
});
