import restify from 'restify';
import { METADATA_RETRY_SECONDS, METADATA_UNAVAILABLE } from '../bot/openIdMetadata';
import { isActivityShaped, readJsonBody } from '../httpBody';
import { Logger } from '../bot/errorReply';
import type { BotRuntime } from '../bot/botRuntime';
import { HandlerDependencies } from '../commands/types';
import { hasJobKey, sendReminders } from '../jobs/reminderJob';
import { isPlausibleBotToken, normaliseBearer } from '../bot/tokenPrecheck';
import { AppConfig } from '../config';
import { trackEvent } from '../telemetry';
import { fileDownloadHandler } from './fileDownload';

/** What the routes read of the start-up's progress: set by startApp as the store opens. */
export interface AppState {
  /** Set once the store is open and the demo data seeded; requests wait for it with 503. */
  deps?: HandlerDependencies;
  ready: boolean;
  storeWritable: () => boolean;
}

/**
 * The HTTP surface: /healthz, /api/messages (token pre-check, bounded body, the Bot Framework
 * adapter answering into a capture), /api/files (signed download links) and /api/jobs/reminders.
 */
export function createHttpSurface(
  config: AppConfig,
  logger: Logger,
  state: AppState,
  botRuntime: () => Promise<BotRuntime>,
  linkSecret: string | undefined,
): restify.Server {
  const server = restify.createServer({ name: 'finsam-bot', handleUncaughtExceptions: false, ...({ maxParamLength: 1000 } as object) });
  // No body parser: /api/messages checks the token before it reads a byte of the body, and reads at most MAX_BODY_BYTES.
  server.get('/healthz', async (_req, res) => {
    const healthy = state.ready && state.storeWritable();
    res.status(healthy ? 200 : 503);
    res.json({ status: healthy ? 'ok' : state.ready ? 'store not writable' : 'starting' });
  });
  server.post('/api/messages', async (req, res) => {
    if (!state.deps) {
      res.status(503);
      res.json({ error: 'starting' });
      return;
    }
    if (config.botId && !isPlausibleBotToken(req.headers.authorization)) {
      res.status(401);
      res.json({ error: 'Unauthorized' });
      return;
    }
    const body = await readJsonBody(req);
    if (!body.ok) {
      // Whatever is left of an oversized body is not read: the connection closes after the answer.
      if (body.status === 413) res.header('connection', 'close');
      res.status(body.status);
      res.json({ error: body.status === 413 ? 'Payload too large' : 'Bad request' });
      return;
    }
    if (!isActivityShaped(body.value)) {
      res.status(400);
      res.json({ error: 'Bad request' });
      return;
    }
    (req as unknown as { body: unknown }).body = body.value;
    req.headers.authorization = normaliseBearer(req.headers.authorization);
    const { adapter, bot: running } = await botRuntime();
    // The adapter answers into a capture, so that no SDK message (a token's reason, a DNS error) reaches the caller.
    const answer: { status: number; body?: unknown } = { status: 200 };
    const capture = {
      status(code: number) {
        answer.status = code;
        return capture;
      },
      send(sent: unknown) {
        answer.body = sent;
        return capture;
      },
      header() {
        return capture;
      },
      end() {
        return capture;
      },
    };
    await adapter.process(req, capture as unknown as restify.Response, (context) => running.run(context));
    if (answer.status === 500 && answer.body === METADATA_UNAVAILABLE) {
      res.header('retry-after', String(METADATA_RETRY_SECONDS));
      res.status(503);
      res.json({ error: 'Service unavailable' });
    } else if (answer.status >= 400) {
      if (answer.status >= 500) logger.error({ message: 'adapter failed', status: answer.status, error: String(answer.body ?? '').slice(0, 500) });
      res.status(answer.status);
      res.json({ error: answer.status === 401 ? 'Unauthorized' : answer.status === 400 ? 'Bad request' : 'Internal error' });
    } else {
      res.status(answer.status);
      if (answer.body !== undefined) res.json(answer.body);
      else res.end();
    }
  });
  server.get('/api/files/:token', fileDownloadHandler({ secret: linkSecret, deps: () => state.deps, logger }));
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
    if (!state.deps) {
      res.status(503);
      res.json({ error: 'starting' });
      return;
    }
    const result = await sendReminders(state.deps, config, logger);
    trackEvent('remindersSent', Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v === 'number')));
    res.json(result);
  });
  return server;
}
