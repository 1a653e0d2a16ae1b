import { IncomingMessage } from 'http';

/** Larger than any activity Teams sends (a message is at most about 28 KB, a card submit less). */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413 };

/**
 * Reads a JSON request body of at most `limit` bytes. A declared length over the limit
 * is refused before a byte is read; a body that grows past it stops being read at once.
 */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      try {
        settle({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        settle({ ok: false, status: 400 });
      }
    });
    req.once('error', () => settle({ ok: false, status: 400 }));
    req.once('aborted', () => settle({ ok: false, status: 400 }));
  });
}

/** The least an activity must have for the adapter to route it. */
export function isActivityShaped(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && type.length > 0 && type.length <= 100;
}
