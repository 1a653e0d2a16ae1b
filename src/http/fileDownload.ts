import { randomUUID } from 'crypto';
import type { Request, Response } from 'restify';
import { Logger } from '../bot/errorReply';
import { ExportDependencies, EXPORT_ROLES, buildExportFile } from '../exports/exportDocuments';
import { verifyFileLink } from '../exports/fileLinks';
import { RoleDirectory, hasRole } from '../roles/roleDirectory';

export interface FileDownloadOptions {
  /** Undefined: links are off and every path here is 404. */
  readonly secret: string | undefined;
  /** Undefined while the store is opening. */
  readonly deps: () => (ExportDependencies & { readonly directory: RoleDirectory }) | undefined;
  readonly logger: Logger;
  readonly nowSeconds?: () => number;
}

function answer(res: Response, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(message);
}

/**
 * GET /api/files/:token: a document built from the store for the user the signed link names, who
 * must still hold a role that may have it. No listing, no paths: the token only names what to build.
 */
export function fileDownloadHandler(options: FileDownloadOptions) {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return async (req: Request, res: Response): Promise<void> => {
    const token = typeof req.params?.token === 'string' ? req.params.token : '';
    if (!options.secret) return answer(res, 404, 'Det finns ingen fil här.');
    const check = verifyFileLink(options.secret, token, nowSeconds());
    if (!check.ok) {
      if (check.reason === 'expired')
        return answer(res, 410, 'Länken har gått ut (den gäller i 15 minuter). Skriv "ekonomisk information" till boten i Teams för en ny.');
      return answer(res, 404, 'Det finns ingen fil här.');
    }
    const deps = options.deps();
    if (!deps) return answer(res, 503, 'Boten startar. Försök igen om en stund.', { 'retry-after': '5' });
    const { claims } = check;
    const user = await deps.directory.lookup(claims.userId, claims.userName);
    if (user.associationId !== claims.associationId || !hasRole(user, ...EXPORT_ROLES))
      return answer(res, 403, 'Du har inte längre behörighet till det här dokumentet.');
    try {
      const file = await buildExportFile(deps, user, claims);
      const ascii = file.name.replace(/[^A-Za-z0-9 ._-]/g, '_');
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.bytes);
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      options.logger.error({ message: 'file download failed', errorId, association: claims.associationId, error: (err as Error)?.message });
      answer(res, 500, `Det gick inte att skapa filen. Felkod: ${errorId}`);
    }
  };
}
