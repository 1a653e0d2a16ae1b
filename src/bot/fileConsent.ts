import { Activity, ActivityTypes } from 'botbuilder';
import { FileOffer } from '../commands/types';
import { InvalidInputError } from '../errors';
import { ExportFile } from '../exports/exportDocuments';
import { IncomingFile } from '../importer/importFromChat';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, ExportRequest, isExportPeriod } from '../exports/fileLinks';

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';
const UPLOAD_TIMEOUT_MS = 60_000;

/** Teams' file consent card: the user picks accept or decline, and Teams gives an upload URL in the user's OneDrive. */
export function fileConsentActivity(offer: FileOffer): Partial<Activity> {
  const context = { ...offer.request };
  return {
    type: ActivityTypes.Message,
    attachments: [
      {
        contentType: FILE_CONSENT_CONTENT_TYPE,
        name: offer.name,
        content: { description: offer.description, sizeInBytes: offer.sizeInBytes, acceptContext: context, declineContext: context },
      },
    ],
  };
}

export interface AcceptedUpload {
  readonly request: ExportRequest;
  readonly uploadUrl: URL;
  readonly contentUrl: string;
  readonly name: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/**
 * The invoke's value, parsed: it comes from the client and is trusted in nothing. The upload
 * URL must be the user's OneDrive for Business (https, *.sharepoint.com), or loopback in local
 * anonymous mode, so the bot never PUTs a förbund's figures to an address someone typed.
 */
export function parseFileConsent(value: unknown, allowLoopback: boolean): { readonly action: 'decline' } | ({ readonly action: 'accept' } & AcceptedUpload) {
  const v = (value ?? {}) as Record<string, unknown>;
  const context = (v.context ?? {}) as Record<string, unknown>;
  const document = context.document;
  const format = context.format;
  const period = context.period;
  if (
    !(EXPORT_DOCUMENTS as readonly unknown[]).includes(document) ||
    !(EXPORT_FORMATS as readonly unknown[]).includes(format) ||
    (period !== undefined && !isExportPeriod(period))
  )
    throw new InvalidInputError('Filen känns inte igen. Be om den igen.', 'file consent with unknown context');
  if (v.action === 'decline') return { action: 'decline' };
  const info = (v.uploadInfo ?? {}) as Record<string, unknown>;
  if (
    v.action !== 'accept' ||
    !text(info.uploadUrl, 4000) ||
    !text(info.contentUrl, 4000) ||
    !text(info.name, 300) ||
    !text(info.uniqueId, 200) ||
    !text(info.fileType, 20)
  ) {
    throw new InvalidInputError('Teams skickade inte var filen ska sparas. Försök igen.', 'file consent without upload info');
  }
  let uploadUrl: URL;
  try {
    uploadUrl = new URL(info.uploadUrl);
  } catch {
    throw new InvalidInputError('Teams gav en ogiltig adress för filen. Försök igen.', 'file consent upload url does not parse');
  }
  if (!isTeamsStorage(uploadUrl, allowLoopback))
    throw new InvalidInputError(
      'Filen kan bara sparas i din OneDrive. Försök igen från Teams.',
      `file consent upload host refused: ${uploadUrl.host.slice(0, 100)}`,
    );
  return {
    action: 'accept',
    request: {
      document: document as ExportRequest['document'],
      format: format as ExportRequest['format'],
      ...(period === undefined ? {} : { period: period as string }),
    },
    uploadUrl,
    contentUrl: info.contentUrl,
    name: info.name,
    uniqueId: info.uniqueId,
    fileType: info.fileType,
  };
}

/** The user's OneDrive for Business (https, *.sharepoint.com), or loopback in local anonymous mode: the only places files go to or come from. */
function isTeamsStorage(url: URL, allowLoopback: boolean): boolean {
  const oneDrive = url.protocol === 'https:' && /(^|\.)sharepoint\.com$/i.test(url.hostname);
  const loopback = allowLoopback && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return oneDrive || loopback;
}

export const FILE_DOWNLOAD_CONTENT_TYPE = 'application/vnd.microsoft.teams.file.download.info';

/**
 * The files of a message, as Teams attaches them in the personal chat. Each is downloaded only
 * when a handler reads it, only from Teams' storage, and only up to `maxBytes`.
 */
export function incomingFiles(
  attachments: readonly { contentType?: string; name?: string; content?: unknown }[] | undefined,
  allowLoopback: boolean,
  maxBytes: number,
): IncomingFile[] {
  return (attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD_CONTENT_TYPE)
    .slice(0, 1)
    .map((a) => {
      const content = (a.content ?? {}) as Record<string, unknown>;
      const name = typeof a.name === 'string' ? a.name.slice(0, 200) : 'fil';
      const fileType = typeof content.fileType === 'string' ? content.fileType.slice(0, 20) : '';
      return {
        name,
        fileType,
        async read() {
          let url: URL;
          try {
            url = new URL(String(content.downloadUrl ?? ''));
          } catch {
            throw new InvalidInputError('Teams skickade ingen adress till filen. Skicka den igen.', 'file attachment without a download url');
          }
          if (!isTeamsStorage(url, allowLoopback))
            throw new InvalidInputError(
              'Filen kan bara hämtas från Teams. Skicka den igen härifrån chatten.',
              `file download host refused: ${url.host.slice(0, 100)}`,
            );
          const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
          if (!res.ok || !res.body) throw new Error(`file download answered ${res.status}`);
          const tooLarge = () =>
            new InvalidInputError(
              `Filen är för stor (högst ${Math.round(maxBytes / 1024 / 1024)} MB). Ekonomisk information är en tabell på en flik.`,
              'file attachment over the limit',
            );
          if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
            await res.body.cancel();
            throw tooLarge();
          }
          // Counted while read: a server that sends no length still cannot fill the memory.
          const chunks: Buffer[] = [];
          let size = 0;
          const reader = res.body.getReader();
          for (let part = await reader.read(); !part.done; part = await reader.read()) {
            size += part.value.length;
            if (size > maxBytes) {
              await reader.cancel();
              throw tooLarge();
            }
            chunks.push(Buffer.from(part.value));
          }
          return Buffer.concat(chunks);
        },
      };
    });
}

/** One PUT of the whole file, as the Teams file upload sample does (files this size need no chunks). */
export async function uploadFile(upload: AcceptedUpload, file: ExportFile): Promise<void> {
  const size = file.bytes.length;
  const res = await fetch(upload.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': file.contentType, 'content-length': String(size), 'content-range': `bytes 0-${size - 1}/${size}` },
    body: new Uint8Array(file.bytes),
    redirect: 'error',
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`file upload answered ${res.status}`);
}

/** The card Teams shows for a file in the user's OneDrive, after the upload. */
export function fileInfoActivity(upload: AcceptedUpload): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    attachments: [
      {
        contentType: FILE_INFO_CONTENT_TYPE,
        contentUrl: upload.contentUrl,
        name: upload.name,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
      },
    ],
  };
}
