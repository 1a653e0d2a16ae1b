import { readFileSync } from 'fs';
import 'dotenv/config';
import { loadConfig } from '../config';
import { AppError } from '../errors';
import { openCosmosStore, storeConfigOf } from '../store/cosmosStore';
import { CosmosLedgerRepository } from '../store/cosmosLedgerRepository';
import { parseLedgerFile } from './ledgerFile';
import { describeImport, importLedger } from './importLedger';
import { plainText } from '../format/swedish';
import { applyLedgerAdjustments } from '../finance/ledgerAdjustments';
import { compareStatedTotals, computeLedgerTotals } from '../finance/ledgerTotals';
import { readLedgerWorkbook } from './ledgerWorkbookReader';

/** npm run import -- <file.json | file.xlsx> [per-date]: loads one ekonomisk-information table into the configured store. */
async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    console.error('Ange filen: npm run import -- <fil.json eller fil.xlsx> [ÅÅÅÅ-MM-DD]');
    return 2;
  }
  if (/\.xlsx$/i.test(file)) return importWorkbook(file, argv[1]);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`Kunde inte läsa ${file} som JSON: ${(err as Error).message}`);
    return 1;
  }
  try {
    parseLedgerFile(input); // reject a bad file before touching the store
  } catch (err) {
    console.error(err instanceof AppError ? err.userMessage : String(err));
    return 1;
  }
  const config = loadConfig();
  const store = await openCosmosStore(storeConfigOf(config));
  try {
    const result = await importLedger(input, new CosmosLedgerRepository(store.container('ledger')));
    // A terminal, not a card: plain spaces.
    console.log(plainText(describeImport(result)));
    return 0;
  } finally {
    await store.close();
  }
}

/** An Excel table (the export's layout or the board papers'), read against DEFAULT_ASSOCIATION's current table as the chat import does. */
async function importWorkbook(file: string, asOf: string | undefined): Promise<number> {
  const config = loadConfig();
  const store = await openCosmosStore(storeConfigOf(config));
  try {
    const repository = new CosmosLedgerRepository(store.container('ledger'));
    const lookup = await repository.findSnapshotFor(config.defaultAssociation);
    if (!lookup.snapshot) {
      console.error(`${config.defaultAssociation} har ingen tabell ännu: läs in den första som JSON (data/contracts/ledger.schema.json).`);
      return 1;
    }
    const template = applyLedgerAdjustments(lookup.snapshot, lookup.adjustments, lookup.applications).snapshot;
    let snapshot;
    try {
      ({ snapshot } = await readLedgerWorkbook(readFileSync(file), template, asOf));
    } catch (err) {
      console.error(err instanceof AppError ? plainText(err.userMessage) : String(err));
      return 1;
    }
    const differences = compareStatedTotals(snapshot, computeLedgerTotals(snapshot));
    const { replaced } = await repository.saveSnapshot(snapshot);
    console.log(plainText(describeImport({ snapshot, differences, replaced })));
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Importen misslyckades: ${(err as Error).message}`);
    process.exit(1);
  },
);
