import assert from 'assert/strict';
import path from 'path';
import { classify, loadCorpus, readReply } from './evaluate';
import { MEASURES } from './oracle';

const NBSP = '\u00a0';
const figureCard = (headline: string, extra: string[] = [], title = 'Beslutsutrymme') => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: title }, { type: 'TextBlock', id: 'headline', text: headline }, ...extra.map((text) => ({ type: 'TextBlock', text }))],
});
const clarifyCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Menade du …?' }],
  actions: [{ type: 'Action.Execute', title: 'Lokussamordnare (Uppsala)' }],
};
const helpCard = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Vad kan jag fråga?' }] };
const errorCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Något gick fel' },
    { type: 'TextBlock', text: 'Felkod: 1a2b3c4d' },
  ],
};

describe('evaluation harness: classifying the reply cards', () => {
  const remaining2026 = { figure: { measure: 'remaining', year: 2026 } } as const;

  it("a figure card is right only with exactly the oracle's headline (spaces normalized)", () => {
    assert.equal(classify(remaining2026, readReply([figureCard(`3${NBSP}038 tkr`)])), 'right');
    assert.equal(classify(remaining2026, readReply([figureCard('3\u202f038 tkr ')])), 'right');
    assert.equal(classify(remaining2026, readReply([figureCard('3 178 tkr')])), 'wrong');
    assert.equal(classify({ figure: { measure: 'result', year: 2026 } }, readReply([figureCard('-3 110 tkr')])), 'wrong', 'U+2212, not a hyphen');
  });

  it('judges the first card that has a headline', () => {
    assert.equal(classify(remaining2026, readReply([helpCard, figureCard('3 038 tkr'), figureCard('1 tkr')])), 'right');
    assert.equal(classify(remaining2026, readReply([figureCard('1 tkr'), figureCard('3 038 tkr')])), 'wrong');
  });

  it('asked back, not understood, error, no reply', () => {
    assert.equal(classify(remaining2026, readReply([clarifyCard])), 'clarify');
    assert.equal(classify({ clarify: true }, readReply([clarifyCard])), 'right');
    assert.equal(classify({ clarify: true }, readReply([figureCard('280 tkr')])), 'wrong', 'any figure is wrong where a question back was due');
    assert.equal(classify(remaining2026, readReply([helpCard])), 'notUnderstood');
    assert.equal(classify({ notUnderstood: true }, readReply([helpCard])), 'right');
    assert.equal(classify({ notUnderstood: true }, readReply([figureCard('2 257 tkr')])), 'wrong');
    assert.equal(classify({ notUnderstood: true }, readReply([clarifyCard])), 'clarify');
    assert.equal(classify(remaining2026, readReply([figureCard('3 038 tkr'), errorCard])), 'error');
    assert.equal(classify({ notUnderstood: true }, readReply([])), 'error');
  });

  it('"–" is no data: right for a noData entry only when it names a year that has the measure', () => {
    const noData = { noData: { measure: 'remaining', year: 2031 } } as const;
    assert.equal(classify(noData, readReply([figureCard('–', ['Det finns kvarvarande beslutsutrymme för 2023, 2025, 2026, 2027 och 2028.'])])), 'right');
    assert.equal(classify(noData, readReply([figureCard('–', ['Inga uppgifter för 2031.'])])), 'notUnderstood');
    assert.equal(
      classify(noData, readReply([figureCard('–', ['Inga uppgifter för 2031.', 'Ekonomisk information per 2026-03-26.'])])),
      'notUnderstood',
      'a date is not a year named',
    );
    assert.equal(classify(noData, readReply([figureCard('12 251 tkr')])), 'wrong');
    assert.equal(classify(remaining2026, readReply([figureCard('–', ['2026'])])), 'notUnderstood');
  });

  it('an explanation must show every term as a whole number', () => {
    const ex = { explanation: { measure: 'remaining', year: 2026 } } as const;
    const card = (t: string) => figureCard('3 038 tkr', [t]);
    assert.equal(classify(ex, readReply([card('Från tidigare år 6 148 + intäkter 24 180 − kostnader 27 290 = 3 038 tkr')])), 'right');
    assert.equal(classify(ex, readReply([card('Från tidigare år 6 148 + intäkter 24 180 = 3 038 tkr')])), 'wrong');
    assert.equal(classify(ex, readReply([card('16 148 + 24 180 − 27 290 = 3 038 tkr')])), 'wrong', '6 148 inside 16 148 does not count');
  });

  it('an initiativeCount answer must name each insats', () => {
    const count = { figure: { measure: 'initiativeCount', owner: 'Uppsala' } } as const;
    assert.equal(
      classify(count, readReply([figureCard('2 insatser', ['Lokussamordnare (Uppsala)', 'Samordnat stöd för arbete och studier (Uppsala)'])])),
      'right',
    );
    assert.equal(classify(count, readReply([figureCard('2 insatser', ['Lokussamordnare (Uppsala)'])])), 'wrong');
  });

  it('dev.json is well formed, every figure computable, and covers every measure of the spec', () => {
    const dev = loadCorpus(path.resolve(__dirname, '../../../../test/questions/evaluation/dev.json'));
    assert.ok(dev.length >= 260, `${dev.length} entries`);
    const measures = new Set(dev.flatMap((e) => ('figure' in e.expect ? [e.expect.figure.measure] : [])));
    assert.deepEqual(
      MEASURES.filter((m) => !measures.has(m)),
      [],
    );
    for (const kind of ['clarify', 'notUnderstood', 'noData', 'explanation'])
      assert.ok(
        dev.some((e) => kind in e.expect),
        kind,
      );
  });
});
