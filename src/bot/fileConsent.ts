import { Activity, ActivityTypes } from 'botbuilder';
import { FileOffer } from '../commands/types';
import { InvalidInputError } from '../errors';
import { ExportFile } from '../exports/exportDocuments';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, ExportRequest, isExportPeriod } from '../exports/fileLinks';

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';
const UPLOAD_TIMEOUT_MS = 60_000;

/** Teams' file consent card: the user picks accept or decline, and Teams gives an upload URL in the user's OneDrive. */
export function fileConsentActivity(offer: FileOffer): Partial<Activity> {
  const context = { ...offer.request };
  return {
    type: ActivityTypes.Message,
    attachments: [{ contentType: FILE_CONSENT_CONTENT_TYPE, name: offer.name, content: { description: offer.description, sizeInBytes: offer.sizeInBytes, acceptContext: context, declineContext: context } }],
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
  if (!(EXPORT_DOCUMENTS as readonly unknown[]).includes(document) || !(EXPORT_FORMATS as readonly unknown[]).includes(format) || (period !== undefined && !isExportPeriod(period))) throw new InvalidInputError('Filen känns inte igen. Be om den igen.', 'file consent with unknown context');
  if (v.action === 'decline') return { action: 'decline' };
  const info = (v.uploadInfo ?? {}) as Record<string, unknown>;
  if (v.action !== 'accept' || !text(info.uploadUrl, 4000) || !text(info.contentUrl, 4000) || !text(info.name, 300) || !text(info.uniqueId, 200) || !text(info.fileType, 20)) {
    throw new InvalidInputError('Teams skickade inte var filen ska sparas. Försök igen.', 'file consent without upload info');
  }
  let uploadUrl: URL;
  try {
    uploadUrl = new URL(info.uploadUrl);
  } catch {
    throw new InvalidInputError('Teams gav en ogiltig adress för filen. Försök igen.', 'file consent upload url does not parse');
  }
  const oneDrive = uploadUrl.protocol === 'https:' && /(^|\.)sharepoint\.com$/i.test(uploadUrl.hostname);
  const loopback = allowLoopback && uploadUrl.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(uploadUrl.hostname);
  if (!oneDrive && !loopback) throw new InvalidInputError('Filen kan bara sparas i din OneDrive. Försök igen från Teams.', `file consent upload host refused: ${uploadUrl.host.slice(0, 100)}`);
  return { action: 'accept', request: { document: document as ExportRequest['document'], format: format as ExportRequest['format'], ...(period === undefined ? {} : { period: period as string }) }, uploadUrl, contentUrl: info.contentUrl, name: info.name, uniqueId: info.uniqueId, fileType: info.fileType };
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
    attachments: [{ contentType: FILE_INFO_CONTENT_TYPE, contentUrl: upload.contentUrl, name: upload.name, content: { uniqueId: upload.uniqueId, fileType: upload.fileType } }],
  };
}
