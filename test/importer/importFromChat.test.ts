import assert from 'assert/strict';
import { LedgerSnapshot } from '../../src/domain/ledger';
import { buildLedgerReport } from '../../src/exports/ledgerReport';
import { ledgerWorkbook } from '../../src/exports/ledgerWorkbook';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { ImportDependencies, prepareLedgerImport, saveLedgerImport } from '../../src/importer/importFromChat';
import { LedgerRepository, PendingLedgerImport } from '../../src/ports/repositories';
import { UserIdentity } from '../../src/roles/roleDirectory';
import { ForbiddenError } from '../../src/errors';
import { cardTexts } from '../helpers/teams';
import { renderCard } from '../../src/cards/renderCard';
import { readDataFile } from '../helpers/data';

/** The ledger repository in memory: the use case alone, without HTTP or Cosmos. */
function memoryLedger(initial: LedgerSnapshot): LedgerRepository & { saved: LedgerSnapshot[] } {
  const snapshots = [initial];
  const pending = new Map<string, PendingLedgerImport>();
  const saved: LedgerSnapshot[] = [];
  const latest = () => [...snapshots].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
  return {
    saved,
    findSnapshotFor: async () => ({ snapshot: latest(), isLatest: true, availableYears: [], adjustments: [], applications: [] }),
    findSnapshotOnOrBefore: async () => ({ snapshot: latest(), isLatest: true, availableYears: [], adjustments: [], applications: [] }),
    hasSnapshotDated: async (_a, asOf) => snapshots.some((s) => s.asOf === asOf),
    savePendingImport: async (_a, p) => void pending.set(p.importId, p),
    getPendingImport: async (_a, id) => pending.get(id),
    saveSnapshot: async (s) => {
      const replaced = snapshots.some((x) => x.asOf === s.asOf);
      snapshots.push(s);
      saved.push(s);
      return { replaced };
    },
    hasAny: async () => true,
    saveAdjustment: async () => undefined,
    saveApplicationEntry: async () => undefined,
  };
}

const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
const kansli: UserIdentity = { aadObjectId: 'k', name: 'Kansliet', associationId: 'uppsala', roles: ['kansli'], initiatives: [] };
const importIdOf = (reply: { card: { template: string; view: unknown } }): string => {
  assert.equal(reply.card.template, 'exportOffer');
  return (reply.card.view as { actions: { data: { importId: string } }[] }).actions[0]?.data.importId as string;
};
const texts = (reply: { card: Parameters<typeof renderCard>[0]; text: string }) => cardTexts(renderCard(reply.card, reply.text)).join('\n');

describe('importing the ekonomisk information from a file, as a use case', () => {
  let ledger: ReturnType<typeof memoryLedger>;
  let deps: ImportDependencies;
  let bytes: Buffer;
  beforeEach(async () => {
    ledger = memoryLedger(snapshot);
    deps = { repos: { ledger }, today: () => '2026-11-24', now: () => new Date('2026-11-24T10:00:00Z') };
    bytes = await ledgerWorkbook(buildLedgerReport(snapshot, [], [], '2026-11-24'));
  });
  const file = () => ({ name: 'tabell.xlsx', fileType: 'xlsx', read: async () => bytes });

  it('reports, saves only on the button, and says so the second time', async () => {
    const report = await prepareLedgerImport(deps, kansli, file(), '');
    assert.match(texts(report), /Ändrade belopp mot tabellen per 2026.03.26: 0/);
    assert.equal(ledger.saved.length, 0, 'nothing saved before the button');
    const importId = importIdOf(report);
    assert.match(texts(await saveLedgerImport(deps, kansli, importId, false)), /Tabellen är sparad/);
    assert.equal(ledger.saved[0]?.asOf, '2026-11-24');
    assert.match(texts(await saveLedgerImport(deps, kansli, importId, false)), /Redan sparad/);
    assert.equal(ledger.saved.length, 1);
  });

  it('asks before it replaces a table of the same date', async () => {
    const again = await prepareLedgerImport(deps, kansli, file(), 'importera ekonomisk information per 2026-03-26');
    const importId = importIdOf(again);
    assert.match(texts(await saveLedgerImport(deps, kansli, importId, false)), /Det finns redan ekonomisk information per 2026.03.26/);
    assert.equal(ledger.saved.length, 0);
    assert.match(texts(await saveLedgerImport(deps, kansli, importId, true)), /Tabellen är ersatt/);
  });

  it('is the kansli’s and the förbundschef’s: others are refused before the file is read', async () => {
    let read = false;
    const board: UserIdentity = { ...kansli, roles: ['styrelse'] };
    await assert.rejects(prepareLedgerImport(deps, board, { ...file(), read: async () => ((read = true), bytes) }, ''), ForbiddenError);
    assert.equal(read, false);
  });
});
