/**
 * npm run bench: accuracy of the budget questions on the evaluation corpora
 * (test/questions/evaluation/: dev.json and the held-out sets), in the
 * classes right / asked back / not understood / wrong / error. VERBOSE=1 adds the counts
 * per measure and every entry that was not right.
 */
import { existsSync } from 'fs';
import path from 'path';
import {
  CORPORA,
  evaluateCorpus,
  formatByMeasure,
  formatCounts,
  formatFailures,
  loadCorpus,
  OUTCOME_LABELS,
  OUTCOMES,
  startEvaluationBot,
} from '../test/questions/evaluation/evaluate';

const CORPUS_DIR = path.resolve(__dirname, '../../test/questions/evaluation');

async function main() {
  const bot = await startEvaluationBot();
  try {
    console.log('\nBudget questions: accuracy per corpus');
    console.log(`${'corpus'.padEnd(10)}${'entries'.padStart(8)}${OUTCOMES.map((o) => OUTCOME_LABELS[o].padStart(20)).join('')}`);
    for (const name of CORPORA) {
      const file = path.join(CORPUS_DIR, `${name}.json`);
      if (!existsSync(file)) {
        console.log(`${name.padEnd(10)} (no ${name}.json)`);
        continue;
      }
      const entries = loadCorpus(file);
      const t0 = Date.now();
      const result = await evaluateCorpus(bot, entries);
      const pct = (n: number) => `${n} (${((100 * n) / entries.length).toFixed(1)} %)`;
      console.log(
        `${name.padEnd(10)}${String(entries.length).padStart(8)}${OUTCOMES.map((o) => pct(result.counts[o]).padStart(20)).join('')}   ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      if (process.env.VERBOSE) console.log(`${formatCounts(name, result)}\n${formatByMeasure(result)}\n${formatFailures(result)}`);
    }
  } finally {
    await bot.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
