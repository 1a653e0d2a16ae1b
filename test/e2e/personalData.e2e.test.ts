import assert from 'assert/strict';
import { readFileSync } from 'fs';
import path from 'path';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, texts } from '../helpers/chat';
import { TeamsUser } from '../helpers/teams';
import { findPersonnummer } from '../../src/domain/personalData';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');

/** How Word, Outlook, phones and copied PDFs write 850312-1234. */
const VARIANTS = [
  '850312\u20131234',
  '850312\u00a01234',
  '850312 - 1234',
  '850312\u22121234',
  '\uff18\uff15\uff10\uff13\uff11\uff12\uff0d\uff11\uff12\uff13\uff14',
  '19850312\u20141234',
  '850372-1234',
  '8503121234',
];

/** Every record the embedded store has written to disk, as stored. */
function storedRecords(dataDir: string): unknown[] {
  return ['cosmos-snapshot.json', 'cosmos-journal.jsonl'].flatMap((file) => {
    const text = readFileSync(path.join(dataDir, file), 'utf8');
    return file.endsWith('.json')
      ? [JSON.parse(text)]
      : text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l.replace(/^[^{]*/, '')));
  });
}

describe('no personnummer reaches the store, whatever its spelling or place', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);

  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23' });
    assert.equal(findPersonnummer(storedRecords(bot.dataDir)), undefined, 'the demo data itself passes the guard');
  });
  after(async () => {
    await bot.stop();
  });

  const goodMove = {
    initiativeId: 'vaxtkraft',
    kind: 'budget-move',
    amount: '80 tkr',
    fromYear: '2026',
    reason: 'Vakans 1 mars–31 augusti 2026.',
    position: 'Styrgruppen tillstyrker.',
  };

  it('answers an avvikelse with a personnummer in any spelling with the form and the problem', async () => {
    const [form] = await say(vaxtkraftLead, 'ny avvikelse');
    const formId = form.actions.find((a: any) => a.verb === 'submitDeviation').data.formId as string;
    for (const number of VARIANTS) {
      const card = await invoke(vaxtkraftLead, 'submitDeviation', { formId, ...goodMove, reason: `Deltagaren ${number} slutade.` });
      assert.match(texts(card), /Skäl innehåller något som liknar ett personnummer/, number);
    }
  });

  it('refuses a report draft whose field is named with a personnummer, and a form id that is one', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    const meta = form.actions.find((a: any) => a.verb === 'saveReportDraft').data;
    for (const number of VARIANTS) {
      const card = await invoke(vaxtkraftLead, 'saveReportDraft', { ...meta, [`Anna ${number}`]: 'ja', other: 'inget' });
      assert.doesNotMatch(texts(card), /Något gick fel/);
      const [reopened] = await say(vaxtkraftLead, 'kvartalsrapport');
      assert.doesNotMatch(JSON.stringify(reopened), /Anna/, 'no draft kept the field');
    }
    const [deviationForm] = await say(vaxtkraftLead, 'ny avvikelse');
    assert.ok(deviationForm);
    for (const formId of ['19850312-1234', '8503121234']) {
      const card = await invoke(vaxtkraftLead, 'submitDeviation', { formId, ...goodMove });
      assert.match(texts(card), /personnummer/, formId);
    }
  });

  it('has not one personnummer in any string or key on disk', () => {
    assert.equal(findPersonnummer(storedRecords(bot.dataDir)), undefined);
  });
});
