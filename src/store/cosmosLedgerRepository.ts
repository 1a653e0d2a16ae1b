import { Container } from '@azure/cosmos';
import { ApplicationEntry, LedgerAdjustment } from '../domain/deviations';
import { LedgerSnapshot } from '../domain/ledger';
import { LedgerCatalogEntry, LedgerRepository, PendingLedgerImport, SnapshotLookup } from '../ports/repositories';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, updateWithRetry } from './documents';

interface PendingImportDocument extends StoredDocument<'ledgerImport'> {
  readonly pending: PendingLedgerImport;
}

/** Never changed once written: an import of the same date writes a new version. */
interface SnapshotDocument extends StoredDocument<'ledgerSnapshot'> {
  readonly snapshot: LedgerSnapshot;
  readonly version?: number;
}

/** A catalog entry points at the current version of the date's snapshot (none: the unversioned document of earlier releases). */
interface StoredCatalogEntry extends LedgerCatalogEntry {
  readonly version?: number;
}

/**
 * A small index of a förbund's snapshots. Every question reads it (so every instance sees a
 * new table at once); the immutable snapshot it points at is then usually in the process cache.
 */
interface CatalogDocument extends StoredDocument<'ledgerCatalog'> {
  readonly entries: readonly StoredCatalogEntry[];
  /** Kept beside the index so a question still costs one read. */
  readonly adjustments?: readonly LedgerAdjustment[];
  readonly applications?: readonly ApplicationEntry[];
}

const CATALOG_ID = 'catalog';
const snapshotId = (asOf: string, version?: number) => (version === undefined ? `snapshot-${asOf}` : `snapshot-${asOf}-v${version}`);
/** Snapshots kept in memory per process; a förbund has a handful of dates. */
const CACHE_SIZE = 32;

type CatalogContent = Required<Pick<CatalogDocument, 'entries' | 'adjustments' | 'applications'>>;

export class CosmosLedgerRepository implements LedgerRepository {
  /** Immutable snapshots by förbund and document id (date + version), least recently used first. */
  private readonly snapshots = new Map<string, LedgerSnapshot>();

  constructor(private readonly container: Container) {}

  private async readSnapshot(associationId: string, id: string): Promise<LedgerSnapshot | undefined> {
    const key = `${associationId}/${id}`;
    const cached = this.snapshots.get(key);
    if (cached) {
      this.snapshots.delete(key);
      this.snapshots.set(key, cached);
      return cached;
    }
    const doc = await readDocument<SnapshotDocument>(this.container, id, associationId);
    if (!doc) return undefined;
    this.snapshots.set(key, doc.snapshot);
    if (this.snapshots.size > CACHE_SIZE) this.snapshots.delete(this.snapshots.keys().next().value as string);
    return doc.snapshot;
  }

  async findSnapshotFor(associationId: string, year?: number): Promise<SnapshotLookup> {
    const catalog = await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId);
    const entries: StoredCatalogEntry[] = [...(catalog?.entries ?? [])].sort((a, b) => b.asOf.localeCompare(a.asOf));
    const availableYears = [...new Set(entries.flatMap((e) => e.years))].sort((a, b) => a - b);
    const entry = year === undefined ? entries[0] : entries.find((e) => e.years.includes(year));
    const adjustments = catalog?.adjustments ?? [];
    const applications = catalog?.applications ?? [];
    if (!entry) return { availableYears, isLatest: false, adjustments, applications };
    const snapshot = await this.readSnapshot(associationId, snapshotId(entry.asOf, entry.version));
    return { snapshot, isLatest: entry === entries[0], availableYears, adjustments, applications };
  }

  async saveSnapshot(snapshot: LedgerSnapshot): Promise<{ replaced: boolean }> {
    const { associationId, asOf } = snapshot;
    // A new immutable version, then the catalog points at it; a concurrent import of the same date takes the next number.
    let version =
      1 +
      Math.max(
        0,
        ...((await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId))?.entries ?? [])
          .filter((e) => e.asOf === asOf)
          .map((e) => e.version ?? 0),
      );
    for (;;) {
      const doc: SnapshotDocument = { id: snapshotId(asOf, version), associationId, type: 'ledgerSnapshot', snapshot, version };
      try {
        await this.container.items.create(doc);
        break;
      } catch (err) {
        if (!isStatus(err, 409)) throw err;
        version += 1;
      }
    }
    let replaced = false;
    const entry: StoredCatalogEntry = { asOf, years: [...new Set(snapshot.columns.map((c) => c.year))].sort(), version };
    await this.updateCatalog(associationId, (c) => {
      const previous = c.entries.find((e) => e.asOf === asOf);
      replaced = previous !== undefined;
      // Never point back at an older version than one a concurrent import already published.
      if ((previous?.version ?? 0) > version) return c;
      return { ...c, entries: [...c.entries.filter((e) => e.asOf !== asOf), entry] };
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
  private async updateCatalog(associationId: string, change: (current: CatalogContent) => CatalogContent): Promise<void> {
    await updateWithRetry<CatalogDocument>(this.container, CATALOG_ID, associationId, (current) => ({
      ...(current ?? {}),
      id: CATALOG_ID,
      associationId,
      type: 'ledgerCatalog',
      ...change({ entries: current?.entries ?? [], adjustments: current?.adjustments ?? [], applications: current?.applications ?? [] }),
    }));
  }

  async findSnapshotOnOrBefore(associationId: string, date: string): Promise<SnapshotLookup> {
    const catalog = await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId);
    const entries: StoredCatalogEntry[] = [...(catalog?.entries ?? [])].sort((a, b) => b.asOf.localeCompare(a.asOf));
    const availableYears = [...new Set(entries.flatMap((e) => e.years))].sort((a, b) => a - b);
    const entry = entries.find((e) => e.asOf <= date);
    const adjustments = catalog?.adjustments ?? [];
    const applications = catalog?.applications ?? [];
    if (!entry) return { availableYears, isLatest: false, adjustments, applications };
    const snapshot = await this.readSnapshot(associationId, snapshotId(entry.asOf, entry.version));
    return { snapshot, isLatest: entry === entries[0], availableYears, adjustments, applications };
  }

  async hasSnapshotDated(associationId: string, asOf: string): Promise<boolean> {
    const catalog = await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId);
    return (catalog?.entries ?? []).some((e) => e.asOf === asOf);
  }

  async savePendingImport(associationId: string, pending: PendingLedgerImport): Promise<void> {
    const doc: PendingImportDocument = { id: `import-${pending.importId}`, associationId, type: 'ledgerImport', pending };
    // Names of pending ansökningar and the file's name come from the user's file.
    assertNoPersonalData(doc);
    await this.container.items.upsert(doc);
  }

  async getPendingImport(associationId: string, importId: string): Promise<PendingLedgerImport | undefined> {
    return (await readDocument<PendingImportDocument>(this.container, `import-${importId}`, associationId))?.pending;
  }

  async hasAny(associationId: string): Promise<boolean> {
    return (await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId)) !== undefined;
  }
}
