import { AddressInfo } from 'net';
import { Logger, jsonLogger } from './bot/errorReply';
import type { BotRuntime } from './bot/botRuntime';
import { LazyNotifier } from './bot/lazyNotifier';
import { AfterTurnWork } from './jobs/afterTurn';
import { HandlerDependencies } from './commands/types';
import { createDependencies } from './bot/dependencies';
import { repairUnfinishedDeviations } from './deviations/completeDeviation';
import { repairUnfinishedApplications } from './applications/repairApplications';
import { BackgroundLoop, startBackgroundLoop } from './jobs/background';
import { AppConfig } from './config';
import { seedDemoDataIfEmpty } from './demo/seedDemoData';
import { bootstrapRoles } from './roles/storedDirectory';
import { CosmosStore, openCosmosStore, storeConfigOf } from './store/cosmosStore';
import { randomBytes } from 'crypto';
import { fileLinkIssuer } from './exports/fileLinks';
import { AppState, createHttpSurface } from './http/httpSurface';

export interface RunningApp {
  readonly port: number;
  /** The interface the server listens on (127.0.0.1 in local anonymous mode). */
  readonly address: string;
  readonly store: CosmosStore;
  /** Settles when the first background pass over half-done ärenden has run (it starts once /healthz is ready). */
  readonly firstRepair: Promise<void>;
  /** Settles when what followed the answered turns (messages to others) is done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Composes store, bot and HTTP server. /healthz answers 200 only once the store is ready. */
export async function startApp(config: AppConfig, logger: Logger = jsonLogger): Promise<RunningApp> {
  // The embedded store stops taking writes when its disk does; then the bot is not healthy.
  const state: AppState = { ready: false, storeWritable: () => true };
  // Set once the store is open; the Bot Framework is built with it when first needed.
  const composed: { deps?: HandlerDependencies } = {};
  // The Bot Framework (a third of the start-up) is loaded by the first turn or message that needs it.
  let runtime: Promise<BotRuntime> | undefined;
  const botRuntime = (): Promise<BotRuntime> => {
    const deps = composed.deps;
    if (!deps) return Promise.reject(new Error('the bot runtime was asked for before the store was open'));
    runtime ??= import('./bot/botRuntime').then((m) => m.createBotRuntime(config, logger, deps));
    return runtime;
  };

  // Local anonymous mode makes its own link secret (one instance); a deployment sets FILE_LINK_SECRET or has no links.
  const linkSecret = config.fileLinkSecret ?? (config.botId ? undefined : randomBytes(32).toString('base64url'));

  // maxParamLength goes to find-my-way, restify's router, which answers 404 for a path parameter over 100 characters (a signed link's token is longer).
  const server = createHttpSurface(config, logger, state, botRuntime, linkSecret);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port, address } = server.address() as AddressInfo;

  if (!config.botId) {
    logger.info({ message: '*** LOKALT ANONYMT LÄGE: BOT_ID är tomt, så /api/messages tar emot anrop utan token. Använd aldrig detta i produktion. ***' });
    console.warn('\n*** WARNING: BOT_ID is empty: running in LOCAL ANONYMOUS MODE, /api/messages accepts unauthenticated requests. ***\n');
  }

  let store: CosmosStore;
  try {
    store = await openCosmosStore(storeConfigOf(config));
  } catch (err) {
    server.close();
    throw err;
  }
  const embedded = store.embedded;
  if (embedded) state.storeWritable = () => embedded.writable();
  const afterTurn = new AfterTurnWork((label, err) =>
    logger.error({ message: `${label}: failed after the answer; the background repair finishes what it can`, error: (err as Error)?.message }),
  );
  const baseUrl = config.publicBaseUrl ?? `http://${address === '0.0.0.0' || address === '::' ? 'localhost' : address}:${port}`;
  const fileLinks = linkSecret ? fileLinkIssuer(baseUrl, linkSecret, () => Math.floor(Date.now() / 1000)) : undefined;
  const deps: HandlerDependencies = {
    ...createDependencies(config, store, new LazyNotifier(botRuntime), (label, task) => afterTurn.run(label, task)),
    fileLinks,
    progressAfterMs: config.progressAfterMs,
  };
  composed.deps = deps;
  const bootstrapped = await bootstrapRoles(deps.repos.people, config.rolesFile, deps.now());
  if (bootstrapped.created.length > 0) logger.info({ message: `Användare och roller inlästa från rollfilen för ${bootstrapped.created.join(', ')}.` });
  if (config.demoData && (await seedDemoDataIfEmpty(deps.repos))) logger.info({ message: 'Demodata för Samordningsförbundet Uppsala län inläst.' });
  state.deps = deps;
  state.ready = true;
  // Finish, in the background, what a crash or an outage left half-done (a filing without Dnr or
  // unnotified, a decision without number or effect): first now, then every interval.
  const repairs: BackgroundLoop = startBackgroundLoop(
    async () => {
      const now = Date.now();
      const busy = (changedAt: string) => Math.abs(now - Date.parse(changedAt)) < config.repairGraceMs;
      const deviations = await repairUnfinishedDeviations(
        deps,
        (d, err) => logger.error({ message: 'could not finish avvikelse', caseId: d.id, association: d.associationId, error: (err as Error).message }),
        { busy },
      );
      const applications = await repairUnfinishedApplications(
        deps,
        (a, err) => logger.error({ message: 'could not finish ansökan', caseId: a.id, association: a.associationId, error: (err as Error).message }),
        { busy },
      );
      const rosters = await deps.repos.people.settleUnfinished();
      if (deviations.finished + applications.finished + rosters > 0)
        logger.info({
          message: `${deviations.finished} avvikelser, ${applications.finished} ansökningar och ${rosters} behörighetsändringar slutförda i bakgrunden.`,
        });
      return { finished: deviations.finished + applications.finished + rosters, failed: deviations.failed + applications.failed };
    },
    {
      intervalMs: config.repairIntervalMs,
      maxDelayMs: 5 * config.repairIntervalMs,
      onError: (err) => logger.error({ message: 'background repair failed', error: (err as Error)?.message }),
    },
  );
  logger.info({
    message: `Boten lyssnar på http://localhost:${port}/api/messages`,
    store: store.embedded ? `inbyggd Cosmos under ${config.dataDir}` : config.cosmosEndpoint,
  });

  return {
    port,
    address,
    store,
    firstRepair: repairs.firstPass,
    settled: () => afterTurn.settled(),
    async close() {
      state.ready = false;
      await repairs.stop();
      await afterTurn.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
