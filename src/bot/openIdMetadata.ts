/* eslint-disable @typescript-eslint/no-require-imports */

/** The signing keys could not be fetched and none are cached: the request can be neither accepted nor refused. */
export class MetadataUnavailableError extends Error {
  override readonly name = 'MetadataUnavailableError';
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(detail);
  }
}

/** What the adapter answers when the signing keys cannot be had; the HTTP edge turns it into 503. */
export const METADATA_UNAVAILABLE = 'openid-metadata-unavailable';

/** How long a failed fetch of the OpenID metadata or keys is not tried again. */
export const METADATA_RETRY_SECONDS = 30;

interface MetadataState {
  keys?: unknown[];
  retryAt?: number;
}

let installed = false;

/**
 * The SDK's OpenIdMetadata refetches on every request while the metadata is unreachable,
 * and throws away its cached keys' usefulness when a refresh fails. This wraps its
 * refreshCache (the class is not exported, so its prototype is patched once): a failed
 * refresh keeps the cached keys in use, is not retried for METADATA_RETRY_SECONDS, and
 * without any keys gives a MetadataUnavailableError the HTTP edge turns into 503.
 */
export function installResilientOpenIdMetadata(): void {
  if (installed) return;
  installed = true;
  const { OpenIdMetadata } = require('botframework-connector/lib/auth/openIdMetadata') as { OpenIdMetadata: { prototype: { refreshCache(): Promise<void> } } };
  const original = OpenIdMetadata.prototype.refreshCache;
  OpenIdMetadata.prototype.refreshCache = async function refreshCache(this: MetadataState): Promise<void> {
    if (this.retryAt !== undefined && Date.now() < this.retryAt) {
      if (this.keys) return;
      throw new MetadataUnavailableError(Math.ceil((this.retryAt - Date.now()) / 1000), 'OpenID metadata unavailable (waiting before the next attempt)');
    }
    try {
      await original.call(this);
      this.retryAt = undefined;
    } catch (err) {
      this.retryAt = Date.now() + METADATA_RETRY_SECONDS * 1000;
      if (this.keys) return;
      throw new MetadataUnavailableError(METADATA_RETRY_SECONDS, `OpenID metadata unavailable: ${(err as Error)?.message}`);
    }
  };
}
