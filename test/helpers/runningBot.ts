import { startApp, RunningApp } from '../../src/app';
import { Logger } from '../../src/bot/errorReply';
import { AppConfig, loadConfig } from '../../src/config';
import { CaptureConnector, startCaptureConnector } from './captureConnector';
import { makeTempDir } from './tempDir';

export const quietLogger: Logger & { errors: Record<string, unknown>[] } = {
  errors: [],
  error(entry) {
    this.errors.push(entry);
  },
  info() {},
};

export interface BotUnderTest {
  readonly app: RunningApp;
  readonly connector: CaptureConnector;
  readonly baseUrl: string;
  readonly dataDir: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts the real server (embedded Cosmos, demo data) on a free port and a capture connector beside it. */
export async function startBot(env: Record<string, string> = {}, dataDir?: string, existingConnector?: CaptureConnector): Promise<BotUnderTest> {
  const temp = dataDir ? undefined : makeTempDir('finsam-e2e-');
  const dir = dataDir ?? (temp as { dir: string }).dir;
  const config: AppConfig = loadConfig({ PORT: '0', DATA_DIR: dir, ...env });
  // Reusing the connector keeps stored conversation references valid across a restart.
  const connector = existingConnector ?? (await startCaptureConnector());
  const app = await startApp(config, quietLogger);
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    app,
    connector,
    baseUrl,
    dataDir: dir,
    async post(activity, headers = {}) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      // What follows an answer (messages to others) runs after it; tests look once it is done.
      await app.settled();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop(options = {}) {
      await app.close();
      if (!existingConnector) await connector.close();
      if (!options.keepData) temp?.cleanup();
    },
  };
}
