import assert from 'assert/strict';
import http from 'http';
import os from 'os';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { chatOf } from '../helpers/chat';
import { TeamsUser, teamsMessage } from '../helpers/teams';
import { TokenIssuer, startTokenIssuer } from '../helpers/tokenIssuer';
import { loadConfig } from '../../src/config';
import { MAX_BODY_BYTES } from '../../src/httpBody';
import { MetadataUnavailableError, installResilientOpenIdMetadata } from '../../src/bot/openIdMetadata';

const board: TeamsUser = { id: '29:board', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Styrelseledamot (demo)' };
const appId = '11111111-2222-3333-4444-555555555555';

/** A raw POST whose body is sent in chunks without a declared length, as a slow or hostile client would. */
function postChunked(baseUrl: string, chunks: number, chunkBytes: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/messages`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', (err) =>
      (err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err),
    );
    const chunk = Buffer.alloc(chunkBytes, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"type":"message","text":"');
    pump();
  });
}

async function healthz(bot: BotUnderTest): Promise<number> {
  return (await fetch(`${bot.baseUrl}/healthz`)).status;
}

describe('the HTTP edge', function () {
  describe('local anonymous mode', () => {
    let bot: BotUnderTest;
    before(async () => {
      bot = await startBot({ CLOCK_DATE: '2026-11-23' });
    });
    after(async () => {
      await bot.stop();
    });

    it('listens on loopback only, unless HOST says otherwise', () => {
      assert.equal(bot.app.address, '127.0.0.1');
      assert.equal(loadConfig({}).host, '127.0.0.1');
      assert.equal(loadConfig({ BOT_ID: appId }).host, '0.0.0.0');
      assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
    });

    it('cannot be reached from another interface of the machine', async () => {
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (!external) return; // a machine without a network has no other interface to try
      await assert.rejects(fetch(`http://${external.address}:${bot.app.port}/healthz`));
    });

    it('refuses a declared body over 256 KB at once (413), without reading it', async () => {
      const big = JSON.stringify({
        ...teamsMessage(bot.connector.url, board, 'x'.repeat(MAX_BODY_BYTES)),
        conversation: { id: chatOf(board), conversationType: 'personal' },
      });
      const res = await bot.post(JSON.parse(big));
      assert.equal(res.status, 413);
      assert.deepEqual(res.body, { error: 'Payload too large' });
      assert.equal(bot.connector.activities.length, 0);
    });

    it('stops reading an undeclared body once it passes 256 KB, and /healthz answers meanwhile', async () => {
      const started = Date.now();
      const [res, health] = await Promise.all([postChunked(bot.baseUrl, 200_000, 1024), healthz(bot)]);
      assert.equal(res.status, 413);
      assert.equal(health, 200);
      assert.ok(Date.now() - started < 5000, 'not read to the end');
    });

    it('answers malformed JSON and an activity without a type with 400 that says nothing more', async () => {
      const garbage = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type": "message", ',
      });
      assert.equal(garbage.status, 400);
      assert.deepEqual(await garbage.json(), { error: 'Bad request' });
      const { type: _type, ...untyped } = teamsMessage(bot.connector.url, board, 'hej');
      for (const body of [untyped, { ...untyped, type: 42 }, [], 'text']) {
        const res = await bot.post(body);
        assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
        assert.deepEqual(res.body, { error: 'Bad request' });
      }
    });
  });

  describe('with BOT_ID set', () => {
    let issuer: TokenIssuer;
    let bot: BotUnderTest;
    const activity = () => teamsMessage(bot.connector.url, board, 'beslutsutrymme 2026?');
    const claims = () => ({ aud: appId, serviceurl: bot.connector.url });

    before(async () => {
      issuer = await startTokenIssuer();
      bot = await startBot({ BOT_ID: appId, BOT_PASSWORD: 'secret', BOT_OPENID_METADATA_URL: issuer.metadataUrl, CLOCK_DATE: '2026-11-23' });
    });
    after(async () => {
      await bot.stop();
      await issuer.close();
    });

    it('refuses a tokenless 200 MB POST before reading its body, and stays healthy', async () => {
      const started = Date.now();
      const [res, health] = await Promise.all([postChunked(bot.baseUrl, 200_000, 1024), healthz(bot)]);
      assert.equal(res.status, 401);
      assert.deepEqual(JSON.parse(res.body), { error: 'Unauthorized' });
      assert.equal(health, 200);
      assert.ok(Date.now() - started < 5000);
    });

    it('accepts the scheme in any case ("bearer", "BEARER")', async () => {
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        assert.equal((await bot.post(activity(), { authorization: `${scheme} ${issuer.sign(claims())}` })).status, 200, scheme);
      }
    });

    it('answers every token problem with the same 401 that names no reason', async () => {
      const emulator = { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', ver: '1.0', appid: appId, aud: appId };
      const tokens = [
        issuer.sign({ ...claims(), aud: 'someone-else' }),
        issuer.sign(claims(), { forgedKey: true }),
        issuer.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 3600 }),
        issuer.sign({ ...claims(), serviceurl: 'https://elsewhere.example' }),
        issuer.sign(emulator, { forgedKey: true }),
        issuer.sign({ ...emulator, appid: 'someone-else' }),
        issuer.sign({ ...emulator, ver: '3.0' }),
      ];
      for (const token of tokens) {
        const res = await bot.post(activity(), { authorization: `Bearer ${token}` });
        assert.equal(res.status, 401, token.slice(0, 40));
        assert.deepEqual(res.body, { error: 'Unauthorized' });
      }
      assert.equal(bot.connector.activities.length, 0, 'nothing was answered');
    });
  });

  describe('when the signing keys cannot be fetched', () => {
    let issuer: TokenIssuer;
    let bot: BotUnderTest;
    before(async () => {
      issuer = await startTokenIssuer();
      issuer.setFailing(true);
      bot = await startBot({ BOT_ID: appId, BOT_PASSWORD: 'secret', BOT_OPENID_METADATA_URL: issuer.metadataUrl, CLOCK_DATE: '2026-11-23' });
    });
    after(async () => {
      await bot.stop();
      await issuer.close();
    });

    it('answers 503 with Retry-After and nothing about the cause, and does not refetch on every request', async () => {
      const token = issuer.sign({ aud: appId, serviceurl: bot.connector.url });
      for (let i = 0; i < 5; i += 1) {
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(teamsMessage(bot.connector.url, board, 'hej')),
        });
        assert.equal(res.status, 503);
        assert.ok(Number(res.headers.get('retry-after')) > 0);
        assert.deepEqual(await res.json(), { error: 'Service unavailable' });
      }
      assert.equal(issuer.hits(), 1, 'one failed fetch, then a pause');
      assert.equal(await healthz(bot), 200);
    });
  });

  it('keeps using cached keys when a refresh of the metadata fails', async () => {
    installResilientOpenIdMetadata();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OpenIdMetadata } = require('botframework-connector/lib/auth/openIdMetadata');
    const issuer = await startTokenIssuer();
    try {
      const metadata = new OpenIdMetadata(issuer.metadataUrl);
      assert.ok(await metadata.getKey('test-key-1'), 'loaded');
      const hitsAfterLoad = issuer.hits();
      issuer.setFailing(true);
      metadata.lastUpdated = 0; // the keys are a day old: the next use refreshes them
      assert.ok(await metadata.getKey('test-key-1'), 'the cached key still validates tokens');
      assert.ok(await metadata.getKey('test-key-1'));
      assert.equal(issuer.hits(), hitsAfterLoad + 1, 'one failed refresh, then a pause');
      const empty = new OpenIdMetadata(`${issuer.metadataUrl}?other`);
      await assert.rejects(empty.getKey('test-key-1'), MetadataUnavailableError);
    } finally {
      await issuer.close();
    }
  });
});
