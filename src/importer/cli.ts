import { readFileSync } from 'fs';
import 'dotenv/config';
import { loadConfig } from '../config';
import { AppError } from '../errors';
import { openCosmosStore } from '../store/cosmosStore';
import { CosmosLedgerRepository } from '../store/cosmosLedgerRepository';
import { parseLedgerFile } from './ledgerFile';
import { describeImport, importLedger } from './importLedger';
import { plainText } from '../format/swedish';

/** npm run import -- <file.json>: loads one ekonomisk-information table into the configured store. */
async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    console.error('Ange filen: npm run import -- <fil.json>');
    return 2;
  }
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
  const store = await openCosmosStore({ endpoint: config.cosmosEndpoint, key: config.cosmosKey, managedIdentityClientId: config.azureClientId, database: config.cosmosDatabase, dataDir: config.dataDir });
  try {
    const result = await importLedger(input, new CosmosLedgerRepository(store.container('ledger')));
    // A terminal, not a card: plain spaces.
    console.log(plainText(describeImport(result)));
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
