import assert from 'assert/strict';
import { parseQuestion } from '../../src/questions/parser/parseQuestion';
import { resolveEntity } from '../../src/questions/parser/resolveEntity';
import { matchesWord, withinOneEdit } from '../../src/questions/parser/text';

const Y = 2026;

describe('question parser', () => {
  const cases: [string, string, number[], string?][] = [
    ['beslutsutrymme 2026?', 'decisionRoom', [2026]],
    ['Beslutsutrymmet i år', 'decisionRoom', [2026]],
    ['BESLUTSUTRYMME NÄSTA ÅR', 'decisionRoom', [2027]],
    ['beslutsutrymme forra aret', 'decisionRoom', [2025]],
    ['hur mycket har vi kvar att besluta om nästa år?', 'decisionRoom', [2027]],
    ['beslutsutrymme 2026 och 2027', 'decisionRoom', [2026, 2027]],
    ['beslutsutrymme 2026–2028', 'decisionRoom', [2026, 2027, 2028]],
    ['resultat 2026 enligt budget', 'result', [2026], 'budget'],
    ['vad blir prognosen för 2026?', 'decisionRoom', [2026], 'forecast'],
    ['förbrukningsgrad Växtkraft 2025', 'utilisation', [2025]],
    ['forbrukningskvot 2025', 'utilisation', [2025]],
    ['hur går Växtkraft?', 'utilisation', []],
    ['när slutar Växtkraft?', 'period', []],
    ['vilka insatser slutar i år?', 'endingInitiatives', [2026]],
    ['vilka insatser finansieras 2027', 'fundedInitiatives', [2027]],
    ['hur mycket betalar Knivsta i medlemsavgift?', 'membershipFee', []],
    ['soliditet 2025', 'soliditet', [2025]],
    ['intakter 2027', 'income', [2027]],
    ['vad kostar plattform 2026', 'costs', [2026]],
  ];
  for (const [text, intent, years, kind] of cases) {
    it(`"${text}" → ${intent} ${years.join(',')}`, () => {
      const q = parseQuestion(text, Y);
      assert.ok(q, 'parsed');
      assert.equal(q.intent, intent);
      assert.deepEqual(q.years, years);
      if (kind) assert.equal(q.kind, kind);
    });
  }

  it('returns undefined for a question about something else', () => {
    assert.equal(parseQuestion('vad tycker du om vädret?', Y), undefined);
  });

  it('keeps the words that name an insats', () => {
    assert.deepEqual(parseQuestion('förbrukningsgrad Växtkraft 2025', Y)?.entityWords, ['vaxtkraft']);
    assert.deepEqual(parseQuestion('när slutar en väg in?', Y)?.entityWords, ['vag']);
  });
});

describe('loose matching', () => {
  it('allows one typo, a swap or an inflection, but not in short words', () => {
    assert.ok(withinOneEdit('vaxtkarft', 'vaxtkraft'));
    assert.ok(withinOneEdit('vatkraft', 'vaxtkraft'));
    assert.ok(!withinOneEdit('vaxt', 'vaxtkraft'));
    assert.ok(matchesWord('beslutsutrymmet', 'beslutsutrymme'));
    assert.ok(matchesWord('beslutsutrymet', 'beslutsutrymme'));
    assert.ok(!matchesWord('i', 'in'));
  });

  it('resolves insats names loosely and tells same-named insatser apart by owner', () => {
    const entities = [
      { id: 'lokus-uppsala', name: 'Lokussamordnare', qualifiers: ['Uppsala'] },
      { id: 'lokus-alvkarleby', name: 'Lokussamordnare', qualifiers: ['Älvkarleby'] },
      { id: 'en-vag-in', name: 'En väg in - steget vidare', qualifiers: ['Knivsta'] },
      { id: 'min-framtid', name: 'Min framtid', qualifiers: ['Tierp'] },
    ];
    assert.equal(resolveEntity(['lokussamordnare', 'alvkarleby'], entities).kind, 'one');
    assert.equal(resolveEntity(['lokussamordnare'], entities).kind, 'ambiguous');
    const vag = resolveEntity(['vag'], entities);
    assert.ok(vag.kind === 'one' && vag.entity.id === 'en-vag-in');
    const framtid = resolveEntity(['framtid'], entities);
    assert.ok(framtid.kind === 'one' && framtid.entity.id === 'min-framtid');
    assert.equal(resolveEntity(['bryggan'], entities).kind, 'none');
  });
});
