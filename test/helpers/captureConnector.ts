import http from 'http';
import { AddressInfo } from 'net';

export interface CapturedActivity {
  readonly conversationId: string;
  readonly body: any;
  /** The id the connector gave the activity (what a later update or invoke refers to). */
  readonly id?: string;
  /** When it arrived (process.hrtime.bigint()): what a user waits for, in the bench. */
  readonly receivedAt?: bigint;
}

/** A file PUT to /upload/…, as Teams' OneDrive upload URL receives it in the file consent flow. */
export interface CapturedUpload {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface CapturedUpdate extends CapturedActivity {
  readonly activityId: string;
}

/** A stand-in for the Bot Connector service: records what the bot sends (POST) and updates (PUT) at serviceUrl. */
export interface CaptureConnector {
  readonly url: string;
  readonly activities: CapturedActivity[];
  readonly updates: CapturedUpdate[];
  readonly uploads: CapturedUpload[];
  /** Serves a file at /files/<name>, as Teams' storage serves an attachment's downloadUrl; `chunked` sends no length. */
  serveFile(name: string, body: Buffer, options?: { chunked?: boolean }): string;
  for(conversationId: string): any[];
  /** The next `times` sends to the conversation get 429 with Retry-After: 0, as Teams answers a bot that sends too fast. */
  throttle(conversationId: string, times: number): void;
  /** How many 429s were given. */
  throttled(): number;
  /** Sends to the conversation get no answer until `release()`: a connector that hangs. */
  hold(conversationId: string): void;
  release(): void;
  /** How many sends are waiting for `release()`. */
  held(): number;
  /** Teams' member directory (GET …/members/{id}): what TeamsInfo.getMember finds for a user id. */
  addMember(member: { readonly id: string; readonly name: string; readonly aadObjectId: string; readonly email: string }): void;
  close(): Promise<void>;
}

/** `port` 0 takes a free one; a given port brings a connector back where conversation references point. */
export async function startCaptureConnector(port = 0): Promise<CaptureConnector> {
  const activities: CapturedActivity[] = [];
  const updates: CapturedUpdate[] = [];
  const uploads: CapturedUpload[] = [];
  const files = new Map<string, { body: Buffer; chunked: boolean }>();
  const members = new Map<string, Record<string, string>>();
  let counter = 0;
  const throttles = new Map<string, number>();
  let throttledCount = 0;
  const holding = new Set<string>();
  let waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const file = req.method === 'GET' ? files.get(req.url ?? '') : undefined;
      if (file) {
        if (file.chunked) {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          for (let i = 0; i < file.body.length; i += 64 * 1024) res.write(file.body.subarray(i, i + 64 * 1024));
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.body.length) });
          res.end(file.body);
        }
        return;
      }
      if (req.method === 'PUT' && (req.url ?? '').startsWith('/upload/')) {
        uploads.push({ path: req.url as string, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        const found = members.get(decodeURIComponent(member[1] as string));
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation' } }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (req.method === 'PUT' && match?.[2]) {
        updates.push({
          conversationId: decodeURIComponent(match[1] as string),
          activityId: decodeURIComponent(match[2]),
          body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: match[2] }));
        return;
      }
      const conversation = match ? decodeURIComponent(match[1] as string) : '';
      if (req.method === 'POST' && match && (throttles.get(conversation) ?? 0) > 0) {
        throttles.set(conversation, (throttles.get(conversation) as number) - 1);
        throttledCount += 1;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
        return;
      }
      if (req.method === 'POST' && match && holding.has(conversation)) {
        waiting.push(() => {
          counter += 1;
          activities.push({ conversationId: conversation, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), id: `sent-${counter}` });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `sent-${counter}` }));
        });
        return;
      }
      if (req.method === 'POST' && match) {
        counter += 1;
        activities.push({
          conversationId: decodeURIComponent(match[1] as string),
          body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
          id: `sent-${counter}`,
          receivedAt: process.hrtime.bigint(),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${counter}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    activities,
    updates,
    uploads,
    serveFile: (name, body, options = {}) => {
      files.set(`/files/${name}`, { body, chunked: options.chunked ?? false });
      return `http://127.0.0.1:${actualPort}/files/${name}`;
    },
    throttle: (conversationId, times) => throttles.set(conversationId, times),
    throttled: () => throttledCount,
    hold: (conversationId) => holding.add(conversationId),
    release: () => {
      holding.clear();
      const now = waiting;
      waiting = [];
      now.forEach((answer) => answer());
    },
    held: () => waiting.length,
    addMember: (m) => members.set(m.id, { id: m.id, name: m.name, aadObjectId: m.aadObjectId, email: m.email, userPrincipalName: m.email }),
    for: (conversationId) => activities.filter((a) => a.conversationId === conversationId).map((a) => a.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
