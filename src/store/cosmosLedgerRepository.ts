import { Container } from '@azure/cosmos';
import { LedgerSnapshot } from '../domain/ledger';
import { LedgerCatalogEntry, LedgerRepository, SnapshotLookup } from '../questions/ports';
import { StoredDocument, readDocument, updateWithRetry } from './documents';

interface SnapshotDocument extends StoredDocument<'ledgerSnapshot'> {
  readonly snapshot: LedgerSnapshot;
}

/** A small index of a förbund's snapshots, so a question costs one catalog read and one snapshot read. */
interface CatalogDocument extends StoredDocument<'ledgerCatalog'> {
  readonly entries: readonly LedgerCatalogEntry[];
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
    if (!entry) return { availableYears, isLatest: false };
    const doc = await readDocument<SnapshotDocument>(this.container, snapshotId(entry.asOf), associationId);
    return { snapshot: doc?.snapshot, isLatest: entry === entries[0], availableYears };
  }

  async saveSnapshot(snapshot: LedgerSnapshot): Promise<{ replaced: boolean }> {
    const doc: SnapshotDocument = { id: snapshotId(snapshot.asOf), associationId: snapshot.associationId, type: 'ledgerSnapshot', snapshot };
    await this.container.items.upsert(doc);
    let replaced = false;
    const entry: LedgerCatalogEntry = { asOf: snapshot.asOf, years: [...new Set(snapshot.columns.map((c) => c.year))].sort() };
    await updateWithRetry<CatalogDocument>(this.container, CATALOG_ID, snapshot.associationId, (current) => {
      const others = (current?.entries ?? []).filter((e) => e.asOf !== snapshot.asOf);
      replaced = others.length !== (current?.entries.length ?? 0);
      return { id: CATALOG_ID, associationId: snapshot.associationId, type: 'ledgerCatalog', entries: [...others, entry], ...(current?._etag ? { _etag: current._etag } : {}) };
    });
    return { replaced };
  }

  async hasAny(associationId: string): Promise<boolean> {
    return (await readDocument<CatalogDocument>(this.container, CATALOG_ID, associationId)) !== undefined;
  }
}
