/** The board documents the bot makes, as links and file consents name them. */
/** What to build, never a path. */
export const EXPORT_DOCUMENTS = ['ekonomisk-information', 'delegationsbeslut', 'uppfoljning'] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];
export const EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  readonly document: ExportDocument;
  readonly format: ExportFormat;
  /** The delegationsbeslut's selection ("unreported", since the last board meeting, or "2026-01-01..2026-06-30"); the follow-up's last quarter ("2025-Q4"); the ekonomisk information's date ("2026-06-12"). */
  readonly period?: string;
}

export const PERIOD_PATTERN = '^(unreported|\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}|\\d{4}-Q[1-4]|\\d{4}-\\d{2}-\\d{2})$';
export const isExportPeriod = (value: unknown): value is string => typeof value === 'string' && new RegExp(PERIOD_PATTERN).test(value);

/** Makes download links for the user who asked; none for a user Teams gave no Entra id (the link could not be bound). */
export interface FileLinkIssuer {
  linkFor(
    user: { readonly aadObjectId?: string; readonly name: string; readonly associationId: string },
    request: ExportRequest,
  ): { readonly url: string; readonly expires: number } | undefined;
}
