import { Repositories } from '../questions/ports';
import { CosmosStore } from './cosmosStore';
import { CosmosFinanceFactsRepository } from './cosmosFinanceFactsRepository';
import { CosmosInitiativeRepository } from './cosmosInitiativeRepository';
import { CosmosLedgerRepository } from './cosmosLedgerRepository';

export function cosmosRepositories(store: CosmosStore): Repositories {
  return {
    ledger: new CosmosLedgerRepository(store.container('ledger')),
    initiatives: new CosmosInitiativeRepository(store.container('initiatives')),
    financeFacts: new CosmosFinanceFactsRepository(store.container('finance')),
  };
}
