import { Repositories } from '../ports/repositories';
import { CosmosStore } from './cosmosStore';
import { CosmosApplicationRepository } from './cosmosApplicationRepository';
import { CosmosConversationRepository } from './cosmosConversationRepository';
import { CosmosDeviationRepository } from './cosmosDeviationRepository';
import { CosmosFinanceFactsRepository } from './cosmosFinanceFactsRepository';
import { CosmosInitiativeRepository } from './cosmosInitiativeRepository';
import { CosmosLedgerRepository } from './cosmosLedgerRepository';
import { CosmosPeopleRepository } from './cosmosPeopleRepository';
import { CosmosReadingRepository } from './cosmosReadingRepository';
import { CosmosReportRepository } from './cosmosReportRepository';
import { CosmosSequenceRepository } from './cosmosSequenceRepository';

export function cosmosRepositories(store: CosmosStore): Repositories {
  return {
    ledger: new CosmosLedgerRepository(store.container('ledger')),
    initiatives: new CosmosInitiativeRepository(store.container('initiatives')),
    financeFacts: new CosmosFinanceFactsRepository(store.container('finance')),
    deviations: new CosmosDeviationRepository(store.container('cases')),
    sequences: new CosmosSequenceRepository(store.container('counters')),
    conversations: new CosmosConversationRepository(store.container('conversations')),
    reports: new CosmosReportRepository(store.container('reports')),
    applications: new CosmosApplicationRepository(store.container('cases')),
    readings: new CosmosReadingRepository(store.container('conversations')),
    people: new CosmosPeopleRepository(store.container('people')),
  };
}
