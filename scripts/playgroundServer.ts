import { ChildProcess, spawn } from 'child_process';
import path from 'path';
import { RunningApp, startApp } from '../src/app';
import { Logger, jsonLogger } from '../src/bot/errorReply';
import { loadConfig } from '../src/config';

/** One playground per role, each acting as one user of config/roles.demo.json. */
export const PLAYGROUND_ROLES = [
  { role: 'styrelse', label: 'Styrelseledamot' },
  { role: 'forbundschef', label: 'Förbundschef' },
  { role: 'insatsansvarig', label: 'Insatsansvarig (Växtkraft)' },
  { role: 'kansli', label: 'Kansliet (ekonom)' },
  { role: 'ersattare', label: 'Ersättare för förbundschefen' },
  { role: 'insatsansvarig-alvkarleby', label: 'Insatsansvarig (Älvkarleby)' },
] as const;
export type PlaygroundRole = (typeof PLAYGROUND_ROLES)[number]['role'];

export interface PlaygroundInstance {
  readonly role: PlaygroundRole;
  readonly label: string;
  readonly url: string;
}

export interface RunningPlayground {
  readonly bot: RunningApp;
  readonly instances: readonly PlaygroundInstance[];
  close(): Promise<void>;
}

const PROJECT = path.resolve(__dirname, '../..');
const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

/** Starts one Agents Playground (no browser, no telemetry) and resolves once it listens. */
function startInstance(role: PlaygroundRole, port: number, botUrl: string, logDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start', '--app-endpoint', botUrl, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'], {
      cwd: PROJECT,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(PROJECT, 'playground', `${role}.yml`),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, `playground-${role}.log`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) resolve({ child, port: Number(listening[1]) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Agents Playground (${role}) avslutades med kod ${code} innan den startade:\n${output}`)));
  });
}

export interface PlaygroundOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Port of the first playground; the others follow. */
  readonly firstPort?: number;
  readonly roles?: readonly PlaygroundRole[];
  readonly logger?: Logger;
}

/** The bot on its embedded store with demo data, and a playground per role pointed at it. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const config = loadConfig({ ...process.env, BOT_ID: '', DEMO_DATA: 'on', ...options.env });
  const bot = await startApp(config, options.logger ?? jsonLogger);
  const children: ChildProcess[] = [];
  // Playgrounds must not outlive the process that started them, however it ends.
  const killChildren = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  process.once('exit', killChildren);
  const close = async () => {
    process.off('exit', killChildren);
    await Promise.all(
      children.map(
        (child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
      ),
    );
    await bot.close();
  };
  try {
    const botUrl = `http://127.0.0.1:${bot.port}/api/messages`;
    const wanted = PLAYGROUND_ROLES.filter((r) => !options.roles || options.roles.includes(r.role));
    const firstPort = options.firstPort ?? 56150;
    const instances: PlaygroundInstance[] = [];
    for (const [i, r] of wanted.entries()) {
      const started = await startInstance(r.role, firstPort + i, botUrl, config.dataDir);
      children.push(started.child);
      instances.push({ role: r.role, label: r.label, url: `http://localhost:${started.port}` });
    }
    return { bot, instances, close };
  } catch (err) {
    await close();
    throw err;
  }
}
