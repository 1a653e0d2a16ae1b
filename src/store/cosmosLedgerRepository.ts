import { Container } from '@azure/cosmos';
import { ApplicationEntry, LedgerAdjustment } from '../domain/deviations';
import { LedgerSnapshot } from '../domain/ledger';
import { LedgerCatalogEntry, LedgerRepository, SnapshotLookup } from '../questions/ports';
import { StoredDocument, readDocument, updateWithRetry } from './documents';

interface SnapshotDocument extends StoredDocument<'ledgerSnapshot'> {
  readonly snapshot: LedgerSnapshot;
}

/** A small index of a förbund's snapshots, so a question costs one catalog read and one snapshot read. */
interface CatalogDocument extends StoredDocument<'ledgerCatalog'> {
  readonly entries: readonly LedgerCatalogEntry[];
  /** Kept beside the index so a question still costs two reads. */
  readonly adjustments?: readonly LedgerAdjustment[];
  readonly applications?: readonly ApplicationEntry[];
}

const CATALOG_ID = 'catalog';
const snapshotId = (asOf: string) => `snapshot-${asOf}`;

export class CosmosLedgerRepository implements LedgerRepository {
  constructor(private readonly container: Container) {}

  async findSnapshotFor(associationId: string, year?: number): Promise<SnapshotLookup> {
    const catalog = await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId);
    const entries = [...(catalog?.entries ?? [])].sort((a, b) => b.asOf.localeCompare(a.asOf));
    const availableYears = [...new Set(entries.flatMap((e) => e.years))].sort((a, b) => a - b);
    const entry = year === undefined ? entries[0] : entries.find((e) => e.years.includes(year));
    const adjustments = catalog?.adjustments ?? [];
    const applications = catalog?.applications ?? [];
    if (!entry) return { availableYears, isLatest: false, adjustments, applications };
    const doc = await readDocument<SnapshotDocument>(this.container, snapshotId(entry.asOf), associationId);
    return { snapshot: doc?.snapshot, isLatest: entry === entries[0], availableYears, adjustments, applications };
  }

  async saveSnapshot(snapshot: LedgerSnapshot): Promise<{ replaced: boolean }> {
    const doc: SnapshotDocument = { id: snapshotId(snapshot.asOf), associationId: snapshot.associationId, type: 'ledgerSnapshot', snapshot };
    await this.container.items.upsert(doc);
    let replaced = false;
    const entry: LedgerCatalogEntry = { asOf: snapshot.asOf, years: [...new Set(snapshot.columns.map((c) => c.year))].sort() };
    await this.updateCatalog(snapshot.associationId, (c) => {
      const others = c.entries.filter((e) => e.asOf !== snapshot.asOf);
      replaced = others.length !== c.entries.length;
      return { ...c, entries: [...others, entry] };
    });
    return { replaced };
  }

  async saveAdjustment(associationId: string, adjustment: LedgerAdjustment): Promise<void> {
    await this.updateCatalog(associationId, (c) => ({ ...c, adjustments: [...c.adjustments.filter((a) => a.caseId !== adjustment.caseId), adjustment] }));
  }

  async saveApplicationEntry(associationId: string, application: ApplicationEntry): Promise<void> {
    await this.updateCatalog(associationId, (c) => ({ ...c, applications: [...c.applications.filter((a) => a.caseId !== application.caseId), application] }));
  }

  /** Read-modify-write of the catalog (ETag), creating it when the förbund has none yet. */
  private async updateCatalog(associationId: string, change: (current: Required<Pick<CatalogDocument, 'entries' | 'adjustments' | 'applications'>>) => Required<Pick<CatalogDocument, 'entries' | 'adjustments' | 'applications'>>): Promise<void> {
    await updateWithRetry<CatalogDocument>(this.container, CATALOG_ID, associationId, (current) => ({
      ...(current ?? {}),
      id: CATALOG_ID,
      associationId,
      type: 'ledgerCatalog',
      ...change({ entries: current?.entries ?? [], adjustments: current?.adjustments ?? [], applications: current?.applications ?? [] }),
    }));
  }

  async hasAny(associationId: string): Promise<boolean> {
    return (await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId)) !== undefined;
  }
}
