import { createSign, generateKeyPairSync, KeyObject } from 'crypto';
import http from 'http';
import { AddressInfo } from 'net';

/** A local stand-in for the Bot Framework's OpenID metadata and signing keys, and a signer for tokens. */
export interface TokenIssuer {
  readonly metadataUrl: string;
  sign(claims: Record<string, unknown>, options?: { forgedKey?: boolean }): string;
  /** Requests for the metadata or the keys so far. */
  hits(): number;
  /** While true, the metadata and keys answer 503 (an outage of the key service). */
  setFailing(failing: boolean): void;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  let hits = 0;
  let failing = false;
  const server = http.createServer((req, res) => {
    hits += 1;
    res.setHeader('content-type', 'application/json');
    if (failing) {
      res.statusCode = 503;
      res.end('{}');
      return;
    }
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ ...trusted.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
    } else {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    metadataUrl: `http://127.0.0.1:${port}/.well-known/openidconfiguration`,
    sign(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 600, ...claims })}`;
      const key: KeyObject = options.forgedKey ? forger.privateKey : trusted.privateKey;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
    },
    hits: () => hits,
    setFailing(value) {
      failing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
