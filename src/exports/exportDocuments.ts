import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { ApplicationEntry } from '../domain/deviations';
import { parseQuarterKey } from '../domain/quarters';
import { loadFollowUp } from '../reports/loadFollowUp';
import { buildFollowUpDocument } from './followUpDocument';
import { Repositories } from '../ports/repositories';
import { RegisterSource, buildRegisterDocument, loadRegister, periodFromKey, RegisterDocument } from './registerReport';
import { Role, UserIdentity, hasRole } from '../roles/roleDirectory';
import { ExportRequest } from './fileLinks';
import { LedgerReport, buildLedgerReport } from './ledgerReport';

/** Board material: the kansli and the deciders prepare the kallelse, the board reads it. */
export const EXPORT_ROLES: readonly Role[] = ['kansli', 'forbundschef', 'ersattare', 'styrelse'];

/** How a message names the document while it is being made. */
export const DOCUMENT_NAME: Readonly<Record<ExportRequest['document'], string>> = {
  'ekonomisk-information': 'Ekonomisk information',
  delegationsbeslut: 'listan över delegationsbeslut',
  uppfoljning: 'uppföljningen',
};

export interface ExportFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export interface ExportDependencies {
  /** The follow-up reads reports, insatser and the ledger; the other documents less. */
  readonly repos: Repositories;
  readonly today: () => string;
}

export function assertMayExport(user: UserIdentity): void {
  if (!hasRole(user, ...EXPORT_ROLES)) throw new ForbiddenError('Ekonomisk information tas fram för kansliet, förbundschefen och styrelsen.');
}

/**
 * The report as the calculators give it: today, the latest table with the decisions since
 * applied; "per" a later date (a coming board meeting), the same under that date; "per" a past
 * date, the state then: the table of that date or before, the decisions made by then, and the
 * ansökningar decided later as still pending.
 */
export async function currentLedgerReport(deps: ExportDependencies, associationId: string, perDate?: string): Promise<LedgerReport> {
  const today = deps.today();
  const past = perDate !== undefined && perDate < today;
  const lookup = past ? await deps.repos.ledger.findSnapshotOnOrBefore(associationId, perDate) : await deps.repos.ledger.findSnapshotFor(associationId);
  if (!lookup.snapshot)
    throw new NotFoundError(
      past ? `Det finns ingen ekonomisk information per ${perDate} eller tidigare.` : 'Det finns ingen ekonomisk information inläst för förbundet ännu.',
      `no ledger for ${associationId}`,
    );
  if (!past) return buildLedgerReport(lookup.snapshot, lookup.adjustments, lookup.applications, perDate ?? today);
  const adjustments = lookup.adjustments.filter((a) => a.decidedOn <= perDate);
  const applications = lookup.applications
    .filter((a) => a.submittedOn <= perDate)
    .map((a): ApplicationEntry =>
      a.status !== 'inlämnad' && (a.decidedOn ?? '') > perDate
        ? { caseId: a.caseId, dnr: a.dnr, name: a.name, owner: a.owner, submittedOn: a.submittedOn, requestedByYear: a.requestedByYear, status: 'inlämnad' }
        : a,
    );
  return buildLedgerReport(lookup.snapshot, adjustments, applications, perDate);
}

/** The delegationsbeslut of the request's period as the document for the kallelse. */
export async function registerDocument(deps: ExportDependencies, associationId: string, period: string | undefined): Promise<RegisterDocument> {
  const source: RegisterSource = {
    listDecided: (a, f, t) => deps.repos.deviations.listDecided(a, f, t),
    listDelegationDecisions: (a, f, t) => deps.repos.applications.listDelegationDecisions(a, f, t),
  };
  const selection = periodFromKey(period);
  const [{ listed }, ledger] = await Promise.all([loadRegister(source, associationId, selection), deps.repos.ledger.findSnapshotFor(associationId)]);
  return buildRegisterDocument(listed, selection, ledger.snapshot?.associationName ?? associationId, deps.today());
}

/**
 * Builds the document from the store, for a user allowed to have it. The file is made anew
 * for each delivery (link, file consent), so any instance can serve it and none keeps it.
 */
export async function buildExportFile(deps: ExportDependencies, user: UserIdentity, request: ExportRequest): Promise<ExportFile> {
  assertMayExport(user);
  // exceljs and pdfkit are loaded by the first export, not at start.
  if (request.document === 'uppfoljning') {
    const through = parseQuarterKey(request.period ?? '');
    if (!through)
      throw new InvalidInputError('Uppföljningens period saknas. Skriv till exempel "uppföljning 2025 för kallelsen".', 'follow-up export without a quarter');
    const followUp = await loadFollowUp(deps.repos, user.associationId, deps.today(), { year: through.year, through });
    const ledger = await deps.repos.ledger.findSnapshotFor(user.associationId);
    const document = buildFollowUpDocument(followUp, ledger.snapshot?.associationName ?? user.associationId, deps.today());
    const bytes =
      request.format === 'xlsx'
        ? await (await import('./followUpWorkbook')).followUpWorkbook(document)
        : await (await import('./followUpPdf')).followUpPdf(document);
    return { name: `${document.title}.${request.format}`, contentType: CONTENT_TYPES[request.format], bytes };
  }
  if (request.document === 'delegationsbeslut') {
    const register = await registerDocument(deps, user.associationId, request.period);
    const bytes =
      request.format === 'xlsx'
        ? await (await import('./registerWorkbook')).registerWorkbook(register)
        : await (await import('./registerPdf')).registerPdf(register);
    return { name: `${register.title}.${request.format}`, contentType: CONTENT_TYPES[request.format], bytes };
  }
  const report = await currentLedgerReport(deps, user.associationId, request.period);
  const bytes =
    request.format === 'xlsx' ? await (await import('./ledgerWorkbook')).ledgerWorkbook(report) : await (await import('./ledgerPdf')).ledgerPdf(report);
  return { name: `${report.title}.${request.format}`, contentType: CONTENT_TYPES[request.format], bytes };
}
