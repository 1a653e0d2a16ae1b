/** The SDK accepts only "Bearer" as written; RFC 7235 makes the scheme case-insensitive. */
export function normaliseBearer(authorization: string | undefined): string {
  const match = /^bearer +(\S+)$/i.exec((authorization ?? '').trim());
  return match ? `Bearer ${match[1]}` : (authorization ?? '');
}

/**
 * A cheap check before the Bot Framework validates a token: Bot Framework and
 * Entra ID tokens are RS256-signed JWTs with a key id. Anything else (no token,
 * "alg":"none", garbage) is refused with 401 here, without fetching signing keys.
 */
export function isPlausibleBotToken(authorization: string | undefined): boolean {
  const match = /^bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/i.exec(authorization ?? '');
  if (!match) return false;
  try {
    const header = JSON.parse(Buffer.from(match[1] as string, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
    return header.alg === 'RS256' && typeof header.kid === 'string' && header.kid !== '';
  } catch {
    return false;
  }
}
