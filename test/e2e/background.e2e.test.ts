import assert from 'assert/strict';
import { URL } from 'url';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chat, chatOf } from '../helpers/chat';
import { TeamsUser } from '../helpers/teams';
import { startCaptureConnector } from '../helpers/captureConnector';
import { openCosmosStore } from '../../src/store/cosmosStore';
import { cosmosRepositories } from '../../src/store/repositories';
import { REMINDER_LEASE_MS } from '../../src/store/cosmosReportRepository';
import { makeTempDir } from '../helpers/tempDir';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const chef = user('29:chef', '00000000-0000-0000-0000-0000000000c1', 'Förbundschef (demo)');
const lead = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig (demo)');

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
}

describe('finishing in the background', function () {
  it('is healthy at once with 12 half-done filings and the connector down, and finishes them all once it is back', async function () {
    this.timeout(120_000);
    let bot: BotUnderTest = await startBot({ CLOCK_DATE: '2026-11-23' });
    const { say } = chat(() => bot);
    await say(chef, 'hjälp');
    const connectorPort = Number(new URL(bot.connector.url).port);
    await bot.app.close();
    await bot.connector.close();

    const store = await openCosmosStore({ database: 'finsam', dataDir: bot.dataDir });
    const repos = cosmosRepositories(store);
    for (let i = 0; i < 12; i += 1) {
      await repos.deviations.createIfAbsent({
        id: `avvikelse-halfdone-${i}`,
        associationId: 'uppsala',
        status: 'registreras',
        initiativeId: 'forstarkt-stod',
        initiativeName: 'Förstärkt stöd till arbete eller studier',
        kind: 'method',
        reason: 'Ny metod.',
        steeringGroupPosition: 'Tillstyrks.',
        filedBy: { aadObjectId: lead.aadObjectId, name: lead.name },
        filedAt: '2026-11-23T09:00:00.000Z',
        filedOn: '2026-11-23',
        postedCards: [],
        decidersNotified: false,
      });
    }
    await store.close();

    bot = await startBot({ CLOCK_DATE: '2026-11-23', REPAIR_INTERVAL_MS: '50' }, bot.dataDir);
    try {
      assert.equal((await fetch(`${bot.baseUrl}/healthz`)).status, 200, 'healthy before any repair');
      await bot.app.firstRepair;
      // The chef's chat is still where the old connector was: nobody could be told yet.
      const connector = await startCaptureConnector(connectorPort);
      try {
        await until(() => connector.for(chatOf(chef)).filter((a) => /Avvikelse Dnr 2026:/.test(JSON.stringify(a))).length >= 12);
        await new Promise((r) => setTimeout(r, 300));
        const told = connector.for(chatOf(chef)).filter((a) => /Avvikelse Dnr 2026:/.test(JSON.stringify(a)));
        assert.equal(told.length, 12, 'each decider card once');
        const numbers = told.map((a) => Number(/Avvikelse Dnr 2026:(\d+)/.exec(JSON.stringify(a))?.[1])).sort((x, y) => x - y);
        assert.deepEqual(
          numbers,
          Array.from({ length: 12 }, (_, i) => i + 1),
          'every filing got its own gap-free Dnr',
        );
      } finally {
        await connector.close();
      }
    } finally {
      await bot.stop();
    }
  });

  it('gives a reminder claimed by a run that died to the next run once its lease is over', async () => {
    const temp = makeTempDir();
    const store = await openCosmosStore({ database: 'finsam', dataDir: temp.dir });
    try {
      const repos = cosmosRepositories(store);
      const quarter = { year: 2026, quarter: 3 } as const;
      assert.equal(await repos.reports.claimReminder('uppsala', lead.aadObjectId, quarter, 'före'), true);
      assert.equal(await repos.reports.claimReminder('uppsala', lead.aadObjectId, quarter, 'före'), false, 'a live claim is respected');
      const container = store.container('reports');
      const { resources } = await container.items.query({ query: 'SELECT * FROM c WHERE c.type = "reminder"' }).fetchAll();
      const stuck = resources[0];
      await container.item(stuck.id, 'uppsala').replace({ ...stuck, claimedAt: new Date(Date.now() - REMINDER_LEASE_MS - 1000).toISOString() });
      assert.equal(await repos.reports.claimReminder('uppsala', lead.aadObjectId, quarter, 'före'), true, 'the lease is over: taken over');
      assert.equal(await repos.reports.claimReminder('uppsala', lead.aadObjectId, quarter, 'före'), false, 'by one run only');
      await repos.reports.finishReminder('uppsala', lead.aadObjectId, quarter, 'före', 'sent');
      assert.equal(await repos.reports.claimReminder('uppsala', lead.aadObjectId, quarter, 'före'), false, 'a sent reminder stays sent');
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});
