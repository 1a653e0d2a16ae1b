import assert from 'assert/strict';
import fc from 'fast-check';
import { containsPersonnummer } from '../../src/domain/personalData';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('personnummer guard', () => {
  it('finds personnummer and samordningsnummer in every common form', () => {
    for (const text of ['19800101-1234', '800101-1234', '8001011234', '198001011234', 'Deltagare 800101+1234 slutade', 'samordningsnummer 800161-1234', '800101 1234']) {
      assert.ok(containsPersonnummer(text), text);
    }
  });

  it('leaves dates, amounts and Dnr alone', () => {
    for (const text of ['2026-03-26', 'Vakans 1 mars–31 augusti 2026', '80 000 kr', 'Dnr 2026:14', '1 232 000', 'tel 018-727 18 00', '2026-03-26 till 2026-06-30']) {
      assert.ok(!containsPersonnummer(text), text);
    }
  });

  it('finds any valid-looking number wherever it stands in the text', () => {
    const pnr = fc.record({
      century: fc.constantFrom('', '19', '20'),
      yy: fc.integer({ min: 0, max: 99 }),
      mm: fc.integer({ min: 1, max: 12 }),
      dd: fc.integer({ min: 1, max: 28 }),
      coordination: fc.boolean(),
      separator: fc.constantFrom('', '-', '+'),
      last: fc.integer({ min: 0, max: 9999 }),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, 'x')), pnr, fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, 'y')), (before, p, after) => {
        const day = p.coordination ? p.dd + 60 : p.dd;
        const number = `${p.century}${pad(p.yy)}${pad(p.mm)}${pad(day)}${p.separator}${pad(p.last, 4)}`;
        assert.ok(containsPersonnummer(`${before} ${number} ${after}`), number);
      }),
    );
  });
});
