import restify from 'restify';
import { AddressInfo } from 'net';
import { createAdapter } from './bot/adapter';
import { Logger, jsonLogger } from './bot/errorReply';
import { FinsamBot } from './bot/finsamBot';
import { HandlerDependencies } from './commands/types';
import { createDependencies } from './bot/dependencies';
import { hasJobKey, sendReminders } from './jobs/reminderJob';
import { repairUnfinishedDeviations } from './deviations/completeDeviation';
import { repairUnfinishedApplications } from './applications/repairApplications';
import { isPlausibleBotToken } from './bot/tokenPrecheck';
import { AppConfig } from './config';
import { seedDemoDataIfEmpty } from './demo/seedDemoData';
import { loadRoleDirectory } from './roles/roleDirectory';
import { CosmosStore, openCosmosStore } from './store/cosmosStore';
import { trackEvent } from './telemetry';

export interface RunningApp {
  readonly port: number;
  readonly store: CosmosStore;
  close(): Promise<void>;
}

/** Composes store, bot and HTTP server. /healthz answers 200 only once the store is ready. */
export async function startApp(config: AppConfig, logger: Logger = jsonLogger): Promise<RunningApp> {
  const roles = loadRoleDirectory(config.rolesFile, config.defaultAssociation);
  const adapter = createAdapter(config, logger);
  let ready = false;
  let bot: FinsamBot | undefined;
  let jobDeps: HandlerDependencies | undefined;

  const server = restify.createServer({ name: 'finsam-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.get('/healthz', async (_req, res) => {
    res.status(ready ? 200 : 503);
    res.json({ status: ready ? 'ok' : 'starting' });
  });
  server.post('/api/messages', async (req, res) => {
    if (!bot) {
      res.status(503);
      res.json({ error: 'starting' });
      return;
    }
    if (config.botId && !isPlausibleBotToken(req.headers.authorization)) {
      res.status(401);
      res.json({ error: 'Unauthorized' });
      return;
    }
    const running = bot;
    await adapter.process(req, res, (context) => running.run(context));
  });
  server.post('/api/jobs/reminders', async (req, res) => {
    if (!config.jobsKey) {
      res.status(404);
      res.json({ error: 'JOBS_KEY är inte satt; jobbet kan inte anropas över HTTP.' });
      return;
    }
    if (!hasJobKey(req.headers.authorization, config.jobsKey)) {
      res.status(401);
      res.json({ error: 'Unauthorized' });
      return;
    }
    if (!jobDeps) {
      res.status(503);
      res.json({ error: 'starting' });
      return;
    }
    const result = await sendReminders(jobDeps, config, logger);
    trackEvent('remindersSent', Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v === 'number')));
    res.json(result);
  });
  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;

  if (!config.botId) {
    logger.info({ message: '*** LOKALT ANONYMT LÄGE: BOT_ID är tomt, så /api/messages tar emot anrop utan token. Använd aldrig detta i produktion. ***' });
    console.warn('\n*** WARNING: BOT_ID is empty: running in LOCAL ANONYMOUS MODE, /api/messages accepts unauthenticated requests. ***\n');
  }

  let store: CosmosStore;
  try {
    store = await openCosmosStore({ endpoint: config.cosmosEndpoint, key: config.cosmosKey, managedIdentityClientId: config.azureClientId, database: config.cosmosDatabase, dataDir: config.dataDir });
  } catch (err) {
    server.close();
    throw err;
  }
  const deps = createDependencies(config, store, adapter, roles);
  if (config.demoData && (await seedDemoDataIfEmpty(deps.repos))) logger.info({ message: 'Demodata för Samordningsförbundet Uppsala län inläst.' });
  // Finish what a crash left half-done (a filing without Dnr, a decision without number or effect).
  const repaired = await repairUnfinishedDeviations(deps, (d, err) => logger.error({ message: 'could not finish avvikelse', caseId: d.id, association: d.associationId, error: (err as Error).message })).catch((err) => {
    logger.error({ message: 'repair of unfinished avvikelser failed', error: (err as Error).message });
    return 0;
  });
  const repairedApplications = await repairUnfinishedApplications(deps, (a, err) => logger.error({ message: 'could not finish ansökan', caseId: a.id, association: a.associationId, error: (err as Error).message })).catch((err) => {
    logger.error({ message: 'repair of unfinished ansökningar failed', error: (err as Error).message });
    return 0;
  });
  if (repaired + repairedApplications > 0) logger.info({ message: `${repaired} avvikelser och ${repairedApplications} ansökningar slutförda vid start.` });
  bot = new FinsamBot(deps, roles, logger);
  jobDeps = deps;
  ready = true;
  logger.info({ message: `Boten lyssnar på http://localhost:${port}/api/messages`, store: store.embedded ? `inbyggd Cosmos under ${config.dataDir}` : config.cosmosEndpoint });

  return {
    port,
    store,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
