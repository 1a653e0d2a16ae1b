/**
 * Preloaded (node -r) into a bot process under test: Azure Monitor's resource detection asks the
 * Azure VM metadata service (169.254.169.254), which does not exist here, and a test sends nothing
 * off the loopback. Such a request fails at once, as it would on a machine without that service.
 */
import http from 'http';

const METADATA_HOST = '169.254.169.254';
const original = http.request;

function refuses(args: unknown[]): boolean {
  const first = args[0];
  if (typeof first === 'string' || first instanceof URL) return new URL(String(first)).hostname === METADATA_HOST;
  const options = first as http.RequestOptions | undefined;
  return options?.host === METADATA_HOST || options?.hostname === METADATA_HOST;
}

(http as { request: unknown }).request = function request(this: unknown, ...args: unknown[]) {
  if (!refuses(args)) return (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
  const req = new http.ClientRequest('http://127.0.0.1:9/', () => undefined);
  req.on('error', () => undefined);
  req.destroy();
  process.nextTick(() => req.emit('error', Object.assign(new Error('no cloud metadata service in tests'), { code: 'ENETUNREACH' })));
  return req;
} as typeof http.request;
