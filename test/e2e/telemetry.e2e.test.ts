import assert from 'assert/strict';
import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import https from 'https';
import { AddressInfo } from 'net';
import path from 'path';
import { gunzipSync } from 'zlib';
import { startCaptureConnector } from '../helpers/captureConnector';
import { makeTempDir } from '../helpers/tempDir';
import { adaptiveCardInvoke, cardTexts, teamsMessage } from '../helpers/teams';

const ENTRY = path.resolve(__dirname, '../../src/index.js');
// The exporter speaks HTTPS only: a test certificate for 127.0.0.1, trusted by the bot process alone.
const TLS = path.resolve(__dirname, '../../../test/fixtures/tls');
const USER = { id: '29:t', aadObjectId: 'telemetry-user', name: 'T' };

interface Envelope {
  readonly name: string;
  readonly data: { readonly baseType: string; readonly baseData: Record<string, any> };
}

/** A local Application Insights ingestion endpoint: keeps every envelope and wakes whoever waits for one. */
async function startIngestion() {
  const envelopes: Envelope[] = [];
  let waiters: (() => void)[] = [];
  const server = https.createServer({ key: readFileSync(path.join(TLS, 'localhost.key')), cert: readFileSync(path.join(TLS, 'localhost.crt')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
      const parsed = JSON.parse(text) as Envelope | Envelope[];
      envelopes.push(...(Array.isArray(parsed) ? parsed : [parsed]));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] }));
      const woken = waiters;
      waiters = [];
      woken.forEach((w) => w());
    });
  });
  // The exporter reuses its connection; Node's 5 s keep-alive would close it under the exporter's
  // feet now and then, and a failed export waits a minute on disk before it is sent again.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    /** Resolves with the first envelope that matches, as soon as it arrives. */
    async waitFor(match: (e: Envelope) => boolean, withinMs = 75_000): Promise<Envelope> {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const found = envelopes.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) {
          const seen = envelopes
            .filter((e) => e.data.baseType !== 'MetricData')
            .map((e) => `${e.data.baseType} ${String(e.data.baseData.data ?? e.data.baseData.name ?? '').slice(0, 100)}`);
          throw new Error(`no matching envelope within ${withinMs} ms; received:\n${seen.join('\n')}`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What each bot process wrote, shown when a test fails. */
const childOutput = new WeakMap<ChildProcess, string>();

function startProcess(env: Record<string, string>, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.resolve(__dirname, '../helpers/noCloudMetadata.js'), ENTRY], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, BOT_ID: '', COSMOS_ENDPOINT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Read, or a full pipe would stop the bot at its next write to stderr.
    child.stderr?.resume();
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      childOutput.set(child, out);
      const match = /lyssnar på http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${out}`)));
  });
}

describe('telemetry to Application Insights (@azure/monitor-opentelemetry)', () => {
  it('sends requests, dependencies (Cosmos, connector), exceptions with the error id the user sees, and custom events when the connection string is set', async function () {
    // A batch the exporter fails to send (a connection closed under it) is kept on disk and sent
    // again a minute later, by design; the test waits for that rather than failing.
    this.timeout(180_000);
    const temp = makeTempDir();
    const connector = await startCaptureConnector();
    const ingestion = await startIngestion();
    const { child, port } = await startProcess(
      {
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000013;IngestionEndpoint=${ingestion.url}`,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        NODE_EXTRA_CA_CERTS: path.join(TLS, 'localhost.crt'),
        // Export at once rather than every few seconds.
        OTEL_BSP_SCHEDULE_DELAY: '50',
        OTEL_BLRP_SCHEDULE_DELAY: '50',
      },
      temp.dir,
    );
    const post = async (activity: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return { status: res.status, body: (await res.text()) || undefined };
    };
    try {
      const message = teamsMessage(connector.url, USER, 'ping');
      assert.equal((await post(message)).status, 200);
      // Cosmos and the reply to the connector are outgoing dependencies.
      const connectorPort = new URL(connector.url).port;
      await ingestion.waitFor(
        (e) =>
          e.data.baseType === 'RemoteDependencyData' &&
          String(e.data.baseData.data).includes(`127.0.0.1:${connectorPort}/v3/conversations/${encodeURIComponent(message.conversation.id)}`),
      );
      await ingestion.waitFor((e) => e.data.baseType === 'RemoteDependencyData' && /\/dbs\/finsam\/colls\/\w+\/docs/.test(String(e.data.baseData.data)));

      const bad = await post(adaptiveCardInvoke(connector.url, USER, 'noSuchVerb', {}));
      const errorId = /Felkod: ([0-9a-f]{8})/.exec(cardTexts(JSON.parse(bad.body as string).value).join(' '))?.[1];
      assert.ok(errorId, 'the user is shown an error id');
      const exception = await ingestion.waitFor((e) => e.data.baseType === 'ExceptionData' && JSON.stringify(e.data.baseData).includes(errorId));
      assert.match(JSON.stringify(exception.data.baseData), /UnknownActionError.*unknown verb noSuchVerb/);

      await post(adaptiveCardInvoke(connector.url, USER, 'askQuestion', { question: 'beslutsutrymme 2026?' }));
      const event = await ingestion.waitFor((e) => e.data.baseType === 'EventData' && e.data.baseData.name === 'askQuestion');
      assert.equal(event.data.baseData.properties?.association, 'uppsala');
      // And the incoming turns themselves.
      await ingestion.waitFor(
        (e) => e.data.baseType === 'RequestData' && e.data.baseData.name === 'POST /api/messages' && String(e.data.baseData.url).endsWith('/api/messages'),
      );
    } catch (err) {
      (err as Error).message += `\nthe bot wrote:\n${(childOutput.get(child) ?? '').slice(-4000)}`;
      throw err;
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await ingestion.close();
      await connector.close();
      temp.cleanup();
    }
  });

  it('loads nothing of it when the connection string is not set', async () => {
    const { startBot } = await import('../helpers/runningBot');
    const bot = await startBot({ APPLICATIONINSIGHTS_CONNECTION_STRING: '' });
    try {
      assert.equal((await bot.post(teamsMessage(bot.connector.url, USER, 'ping'))).status, 200);
      assert.deepEqual(
        Object.keys(require.cache).filter((m) => /@azure[\\/]monitor-opentelemetry|@opentelemetry[\\/]sdk/.test(m)),
        [],
      );
    } finally {
      await bot.stop();
    }
  });
});
