import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { TeamsUser } from '../helpers/teams';
import { chat, texts } from '../helpers/chat';
import { initiativesWithoutLead } from '../../src/reports/initiativesWithoutLead';
import { Initiative } from '../../src/domain/initiatives';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');

describe('insatser that no insatsansvarig answers for', () => {
  let bot: BotUnderTest;
  const { say } = chat(() => bot);
  before(async () => {
    bot = await startBot({ CLOCK_DATE: '2026-11-23' });
  });
  after(async () => {
    await bot?.stop();
  });

  it('lists for the kansli every running insats without one, and none that has one', async () => {
    const [card] = await say(kansli, 'vilka insatser saknar insatsansvarig?');
    const text = texts(card);
    // The demo roles give Växtkraft, Lokussamordnare Älvkarleby and Förstärkt stöd an insatsansvarig.
    assert.match(text, /\d+ insatser saknar insatsansvarig/);
    assert.match(text, /Bryggan \(Östhammar\)/);
    assert.doesNotMatch(text, /Växtkraft|Förstärkt stöd/);
    assert.match(text, /Rapporten för kvartal 3 2026 ska in senast 31 oktober 2026/);
  });

  it('is not shown to a board member', async () => {
    const [card] = await say(board, 'vilka insatser saknar insatsansvarig?');
    assert.match(texts(card), /visas för kansliet och förbundschefen/);
  });

  it('counts an insats running in the current or the last ended quarter, or starting later, not one that ended before', () => {
    const insats = (id: string, start: string, end: string): Initiative => ({
      id,
      name: id,
      fullName: id,
      owner: 'Heby kommun',
      kind: 'individual',
      period: { start, end },
      parties: [],
    });
    const all = [
      insats('pagar', '2025-01-01', '2027-12-31'),
      insats('slutade-i-kv3', '2024-01-01', '2026-09-30'),
      insats('slutade-2025', '2023-01-01', '2025-12-31'),
      insats('har-ansvarig', '2025-01-01', '2027-12-31'),
      insats('beviljad-for-2027', '2027-01-01', '2028-06-30'),
    ];
    const leads = [{ name: 'A', associationId: 'uppsala', roles: ['insatsansvarig' as const], initiatives: ['har-ansvarig'] }];
    assert.deepEqual(
      initiativesWithoutLead(all, leads, '2026-11-23').map((i) => i.id),
      ['pagar', 'slutade-i-kv3', 'beviljad-for-2027'],
    );
  });
});
