import assert from 'assert/strict';
import fc from 'fast-check';
import { containsPersonnummer, findPersonnummer, normaliseForGuard } from '../../src/domain/personalData';
import { newOpaqueId } from '../../src/domain/opaqueId';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Fullwidth digits (U+FF10–U+FF19), what some Asian input methods and copied PDFs give. */
const fullwidth = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

/** Every separator people type or their programs put between date and the last four digits. */
const SEPARATORS = [
  '',
  '-',
  '+',
  ' ',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u2010',
  '\u2011',
  '\u00a0',
  '\u202f',
  '\u2007',
  ' - ',
  ' \u2013 ',
  '\u00a0-\u00a0',
  '\uff0d',
  '\ufe63',
  '\u00ad',
  '\u200b',
  '-\u200b',
];

const personnummer = fc
  .record({
    century: fc.constantFrom('', '19', '20'),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 28 }),
    coordination: fc.boolean(),
    separator: fc.constantFrom(...SEPARATORS),
    last: fc.integer({ min: 0, max: 9999 }),
    wide: fc.boolean(),
  })
  .map((p) => {
    const day = p.coordination ? p.dd + 60 : p.dd;
    const digits = (s: string) => (p.wide ? fullwidth(s) : s);
    return `${digits(`${p.century}${pad(p.yy)}${pad(p.mm)}${pad(day)}`)}${p.separator}${digits(pad(p.last, 4))}`;
  });
const noDigits = (s: string) => s.replace(/\p{Nd}/gu, 'x');

describe('personnummer guard', () => {
  it('finds personnummer and samordningsnummer in every common form', () => {
    for (const text of [
      '19800101-1234',
      '800101-1234',
      '8001011234',
      '198001011234',
      'Deltagare 800101+1234 slutade',
      'samordningsnummer 800161-1234',
      '800101 1234',
      '850312–1234',
      '850312\u00a01234',
      '850312 - 1234',
      '850312\u22121234',
      '８５０３１２－１２３４',
      '19850312—1234',
      '850312\u200b-1234',
      'Anna 19850312-1234',
    ]) {
      assert.ok(containsPersonnummer(text), JSON.stringify(text));
    }
  });

  it('leaves dates, amounts and Dnr alone', () => {
    for (const text of [
      '2026-03-26',
      'Vakans 1 mars–31 augusti 2026',
      '80 000 kr',
      'Dnr 2026:14',
      '1 232 000',
      'tel 018-727 18 00',
      '2026-03-26 till 2026-06-30',
      '2026-03-26T12:34:56.789Z',
      'D 2026:3',
      '2026–2028',
      '4 000 000 kr',
      '1,5 mkr',
    ]) {
      assert.ok(!containsPersonnummer(text), text);
    }
  });

  it('reads text the way it looks: fullwidth digits, every dash and space variant, invisible characters gone', () => {
    assert.equal(normaliseForGuard('８５０３１２\u2013\u00a01234'), '850312- 1234');
    assert.equal(normaliseForGuard('85\u200b0312\u22121234'), '850312-1234');
  });

  it('finds any valid-looking number wherever it stands in the text, in any of its variants', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }).map(noDigits), personnummer, fc.string({ maxLength: 20 }).map(noDigits), (before, number, after) => {
        assert.ok(containsPersonnummer(`${before} ${number} ${after}`), JSON.stringify(number));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the number in any string or key of a document about to be stored, without naming it', () => {
    fc.assert(
      fc.property(personnummer, fc.constantFrom('value', 'key', 'nested', 'array'), (number, where) => {
        const doc =
          where === 'value'
            ? { id: 'x', fields: { other: number } }
            : where === 'key'
              ? { id: 'x', fields: { [`Anna ${number}`]: 'ja' } }
              : where === 'nested'
                ? { id: 'x', decision: { period: { start: '2026-01-01', end: number } } }
                : { id: 'x', versions: [{ fields: {} }, { fields: { note: `Deltagare ${number}` } }] };
        const found = findPersonnummer(doc);
        assert.ok(found, JSON.stringify(doc));
        assert.ok(!containsPersonnummer(found), found);
      }),
      { numRuns: 500 },
    );
    assert.equal(
      findPersonnummer({ id: 'avvikelse-1', amount: 8501121234, when: '2026-03-26T12:00:00Z', _etag: '"850312-1234"', list: ['Dnr 2026:1'] }),
      undefined,
    );
  });

  it('lets a machine id through even where it happens to hold a personnummer-shaped run; the same digits as text are refused', () => {
    const uuid = 'ab900101-1234-4f1e-9abc-def012345678';
    assert.ok(containsPersonnummer('900101-1234'));
    assert.equal(containsPersonnummer(uuid), false);
    assert.equal(findPersonnummer({ id: 'x', filedBy: { aadObjectId: uuid.toUpperCase() }, conversationId: `a:${uuid}` }), undefined);
    assert.ok(containsPersonnummer(`${uuid} Deltagare 900101-1234`), 'a number beside an id is still found');
  });

  it('makes ids the guard never refuses: letters only, 128 random bits', () => {
    const ids = Array.from({ length: 2000 }, newOpaqueId);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-p]{32}$/);
  });
});
