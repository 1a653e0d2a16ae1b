import assert from 'assert/strict';
import { existsSync } from 'fs';
import path from 'path';
import { BotUnderTest } from '../../helpers/runningBot';
import {
  CORPORA,
  CorpusResult,
  Entry,
  evaluateCorpus,
  formatByMeasure,
  formatCounts,
  formatFailures,
  loadCorpus,
  runEntry,
  startEvaluationBot,
} from './evaluate';

/** Source folder of the corpora (the JSON files are not compiled into dist/). */
const CORPUS_DIR = path.resolve(__dirname, '../../../../test/questions/evaluation');
const DEV_MIN_RIGHT = 0.95;

describe('budget-question evaluation corpus (real bot over HTTP, figures from the oracle)', function () {
  this.timeout(15 * 60 * 1000);
  let bot: BotUnderTest;
  before(async () => {
    bot = await startEvaluationBot();
  });
  after(async () => bot?.stop());

  it('the harness itself: the real bot\'s "beslutsutrymme 2026" card is right for 3 038 tkr and wrong for 3 178 tkr', async () => {
    const ask = (expect: Entry['expect']) => runEntry(bot, { id: 'self', turns: ['beslutsutrymme 2026?'], expect });
    assert.equal((await ask({ figure: { measure: 'remaining', year: 2026 } })).outcome, 'right');
    assert.equal((await ask({ figure: { measure: 'remaining', year: 2026, column: 'budget' } })).outcome, 'wrong');
    assert.equal((await ask({ notUnderstood: true })).outcome, 'wrong');
  });

  for (const name of CORPORA) {
    const file = path.join(CORPUS_DIR, `${name}.json`);
    if (name !== 'dev' && !existsSync(file)) continue;
    it(`${name}.json: no wrong figure, no error${name === 'dev' ? `, at least ${DEV_MIN_RIGHT * 100} % right` : ''}`, async () => {
      const entries = loadCorpus(file);
      const result: CorpusResult = await evaluateCorpus(bot, entries);
      console.log(`\n    ${formatCounts(name, result)}\n${formatByMeasure(result)}\n${formatFailures(result)}\n`);
      const bad = result.results.filter((r) => r.outcome === 'wrong' || r.outcome === 'error');
      assert.equal(bad.length, 0, `${bad.length} wrong or error: ${bad.map((r) => r.entry.id).join(', ')}`);
      if (name === 'dev') {
        const share = result.counts.right / entries.length;
        assert.ok(share >= DEV_MIN_RIGHT, `dev right ${(share * 100).toFixed(1)} % < ${DEV_MIN_RIGHT * 100} %`);
      }
    });
  }
});
