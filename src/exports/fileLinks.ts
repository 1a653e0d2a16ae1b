import { createHmac, timingSafeEqual } from 'crypto';

export { EXPORT_DOCUMENTS, EXPORT_FORMATS, PERIOD_PATTERN, isExportPeriod } from '../ports/documents';
export type { ExportDocument, ExportFormat, ExportRequest, FileLinkIssuer } from '../ports/documents';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, ExportDocument, ExportFormat, ExportRequest, FileLinkIssuer, isExportPeriod } from '../ports/documents';

/** What a download link carries, signed: who may fetch which document of which förbund, until when. */
export interface FileLinkClaims extends ExportRequest {
  readonly associationId: string;
  /** The Teams user (Entra object id) the link was made for; the server checks their roles again at download. */
  readonly userId: string;
  readonly userName: string;
  /** Seconds since the epoch. */
  readonly expires: number;
}

export const FILE_LINK_LIFETIME_SECONDS = 15 * 60;
/** Longer than any link this code makes; a longer token is refused before it is decoded. */
const TOKEN_MAX = 1_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,900}\.[A-Za-z0-9_-]{43}$/;

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`finsam-file-link.v1.${body}`).digest('base64url');

export function signFileLink(secret: string, claims: FileLinkClaims): string {
  const body = Buffer.from(
    JSON.stringify({
      v: 1,
      a: claims.associationId,
      u: claims.userId,
      n: claims.userName,
      d: claims.document,
      f: claims.format,
      p: claims.period,
      e: claims.expires,
    }),
    'utf8',
  ).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export type FileLinkCheck =
  { readonly ok: true; readonly claims: FileLinkClaims } | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

/** Verifies a token: shape first, then the signature (constant time), then the claims and the expiry. */
export function verifyFileLink(secret: string, token: string, nowSeconds: number): FileLinkCheck {
  if (token.length > TOKEN_MAX || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
  const [body, signature] = token.split('.') as [string, string];
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { a, u, n, d, f, p, e } = raw;
  if (raw.v !== 1 || typeof a !== 'string' || typeof u !== 'string' || typeof n !== 'string' || typeof e !== 'number' || !Number.isInteger(e))
    return { ok: false, reason: 'malformed' };
  if (!(EXPORT_DOCUMENTS as readonly unknown[]).includes(d) || !(EXPORT_FORMATS as readonly unknown[]).includes(f) || (p !== undefined && !isExportPeriod(p)))
    return { ok: false, reason: 'malformed' };
  if (nowSeconds >= e) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claims: {
      associationId: a,
      userId: u,
      userName: n,
      document: d as ExportDocument,
      format: f as ExportFormat,
      ...(p === undefined ? {} : { period: p as string }),
      expires: e,
    },
  };
}

export function fileLinkIssuer(baseUrl: string, secret: string, nowSeconds: () => number): FileLinkIssuer {
  return {
    linkFor(user, request) {
      if (!user.aadObjectId) return undefined;
      const expires = nowSeconds() + FILE_LINK_LIFETIME_SECONDS;
      const token = signFileLink(secret, { ...request, associationId: user.associationId, userId: user.aadObjectId, userName: user.name, expires });
      return { url: `${baseUrl.replace(/\/+$/, '')}/api/files/${token}`, expires };
    },
  };
}
