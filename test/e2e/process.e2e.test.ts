import assert from 'assert/strict';
import { ChildProcess, spawn } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import { makeTempDir } from '../helpers/tempDir';
import { teamsMessage } from '../helpers/teams';
import { startCaptureConnector } from '../helpers/captureConnector';

const ENTRY = path.resolve(__dirname, '../../src/index.js');

/** Starts `node dist/src/index.js` (what npm start runs) and resolves with its port once it logs that it listens. */
function startProcess(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', ENTRY], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, BOT_ID: '', COSMOS_ENDPOINT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /lyssnar på http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${out}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('the server process (npm start)', () => {
  it('starts with demo data, answers, shuts down gracefully on SIGTERM and starts again on the same data', async () => {
    const temp = makeTempDir();
    const connector = await startCaptureConnector();
    try {
      let { child, port } = await startProcess(temp.dir);
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      const activity = teamsMessage(connector.url, { id: '29:p', aadObjectId: 'p', name: 'P' }, 'beslutsutrymme 2026?');
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(res.status, 200);
      assert.match(JSON.stringify(connector.for(activity.conversation.id)), /3\u00a0038\u00a0tkr/);
      const exited = exitCode(child);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.equal(existsSync(path.join(temp.dir, 'LOCK')), false, 'the data directory lock is released');
      ({ child, port } = await startProcess(temp.dir));
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      const again = exitCode(child);
      child.kill('SIGTERM');
      assert.equal(await again, 0);
    } finally {
      await connector.close();
      temp.cleanup();
    }
  });

  it('is healthy before the Bot Framework is loaded; the first message loads it and is answered', async () => {
    const temp = makeTempDir();
    const connector = await startCaptureConnector();
    // A process of its own: the test process has loaded botbuilder long ago.
    const script = `
      const loaded = () => Object.keys(require.cache).some((m) => /node_modules[\\\\/]botbuilder[\\\\/]/.test(m));
      const { startApp } = require(${JSON.stringify(path.resolve(__dirname, '../../src/app.js'))});
      const { loadConfig } = require(${JSON.stringify(path.resolve(__dirname, '../../src/config.js'))});
      (async () => {
        const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: process.env.DATA_DIR, BOT_ID: '', COSMOS_ENDPOINT: '' }), { info() {}, error() {} });
        const health = (await fetch('http://127.0.0.1:' + app.port + '/healthz')).status;
        await app.firstRepair;
        const before = loaded();
        const activity = JSON.parse(process.env.ACTIVITY);
        const answered = (await fetch('http://127.0.0.1:' + app.port + '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status;
        console.log(JSON.stringify({ health, before, answered, after: loaded() }));
        await app.close();
      })();`;
    try {
      const activity = teamsMessage(connector.url, { id: '29:l', aadObjectId: 'l', name: 'L' }, 'ping');
      const child = spawn(process.execPath, ['-e', script], {
        env: { ...process.env, DATA_DIR: temp.dir, ACTIVITY: JSON.stringify(activity) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      assert.equal(await exitCode(child), 0);
      assert.deepEqual(JSON.parse(out.trim().split('\n').pop() as string), { health: 200, before: false, answered: 200, after: true });
      assert.equal(connector.for(activity.conversation.id).length, 1, 'the first message is answered');
    } finally {
      await connector.close();
      temp.cleanup();
    }
  });
});
