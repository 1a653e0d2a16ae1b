/**
 * npm run bench: how long the parser takes to read a question (readQuestionWords), over every
 * turn of the evaluation corpora; the median of seven passes, in µs per question.
 */
import { readQuestionWords } from '../src/questions/parser/readQuestion';
import { CORPORA, loadCorpus } from '../test/questions/evaluation/evaluate';
import path from 'path';

const turns = CORPORA.flatMap((name) => loadCorpus(path.resolve(__dirname, `../../test/questions/evaluation/${name}.json`)).flatMap((e) => e.turns));
for (let i = 0; i < 2; i += 1) turns.forEach((q) => readQuestionWords(q, 2026));
const passes: number[] = [];
for (let p = 0; p < 7; p += 1) {
  const t0 = process.hrtime.bigint();
  turns.forEach((q) => readQuestionWords(q, 2026));
  passes.push(Number(process.hrtime.bigint() - t0) / 1e3 / turns.length);
}
passes.sort((a, b) => a - b);
console.log(
  `Reading a question (readQuestionWords) over ${turns.length} corpus turns: median ${(passes[3] as number).toFixed(1)} µs per question (7 passes, range ${(passes[0] as number).toFixed(1)}–${(passes[6] as number).toFixed(1)})`,
);
