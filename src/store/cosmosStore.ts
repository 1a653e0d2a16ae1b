import { Container, CosmosClient, Database } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { EmbeddedCosmos, startEmbeddedCosmos } from './embeddedCosmos';
import type { AppConfig } from '../config';

/**
 * The containers of the whole product. Every one is partitioned by förbund
 * (/associationId), so one förbund's data never shares a logical partition with another's.
 */
export const CONTAINERS = {
  /** Ledger snapshots (ekonomisk information) and the per-förbund catalog of them. */
  ledger: 'ledger',
  /** The insats registry and yearly figures per insats (budget, utfall). */
  initiatives: 'initiatives',
  /** Membership fees and annual-report figures per year. */
  finance: 'finance',
  /** Avvikelser, ansökningar and delegationsbeslut: ärenden with a Dnr. */
  cases: 'cases',
  /** Kvartalsrapporter, drafts and versions. */
  reports: 'reports',
  /** Conversation references for proactive messages. */
  conversations: 'conversations',
  /** Sequence counters (Dnr, D-numbers) per förbund and year. */
  counters: 'counters',
  /** The förbund served, their people and roles, and the audit of changes to them. */
  people: 'people',
} as const;

export type ContainerName = keyof typeof CONTAINERS;
export const PARTITION_KEY_PATH = '/associationId';

export interface StoreConfig {
  readonly endpoint?: string;
  /** Only for the embedded store or a local emulator: Azure is reached as the managed identity. */
  readonly key?: string;
  readonly managedIdentityClientId?: string;
  readonly database: string;
  readonly dataDir: string;
}

/** The store settings of the app's configuration (one place for the server and every CLI). */
export const storeConfigOf = (config: AppConfig): StoreConfig => ({
  endpoint: config.cosmosEndpoint,
  key: config.cosmosKey,
  managedIdentityClientId: config.azureClientId,
  database: config.cosmosDatabase,
  dataDir: config.dataDir,
});

export interface CosmosStore {
  readonly database: Database;
  readonly embedded?: EmbeddedCosmos;
  container(name: ContainerName): Container;
  close(): Promise<void>;
}

/** The App Service's user-assigned identity (its client id), or whatever DefaultAzureCredential finds (az login) on a developer's machine. */
function managedIdentity(clientId: string | undefined): TokenCredential {
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity'); // eslint-disable-line @typescript-eslint/no-require-imports
  return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
}

const isLocalEndpoint = (endpoint: string | undefined) => endpoint !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(endpoint);

/** Connects to the configured account, or starts the embedded server under dataDir when no endpoint is set. */
export async function openCosmosStore(config: StoreConfig): Promise<CosmosStore> {
  const embedded = config.endpoint ? undefined : await startEmbeddedCosmos(config.dataDir);
  try {
    const key = embedded?.key ?? config.key;
    const client = new CosmosClient({
      endpoint: embedded?.endpoint ?? (config.endpoint as string),
      ...(key ? { key } : { aadCredentials: managedIdentity(config.managedIdentityClientId) }),
      // A server on this machine (embedded, or npm run cosmos) has no regions to discover.
      connectionPolicy: { enableEndpointDiscovery: !embedded && !isLocalEndpoint(config.endpoint) },
    });
    const containers = new Map<ContainerName, Container>();
    if (key) {
      const { database } = await client.databases.createIfNotExists({ id: config.database });
      for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
        const { container } = await database.containers.createIfNotExists({ id: CONTAINERS[name], partitionKey: { paths: [PARTITION_KEY_PATH] } });
        containers.set(name, container);
      }
    } else {
      // Entra ID data-plane roles cannot create databases or containers: the Bicep did; check that they are there.
      for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
        const container = client.database(config.database).container(CONTAINERS[name]);
        await container.read();
        containers.set(name, container);
      }
    }
    const database = client.database(config.database);
    return {
      database,
      embedded,
      container: (name) => containers.get(name) as Container,
      async close() {
        client.dispose();
        await embedded?.close();
      },
    };
  } catch (err) {
    await embedded?.close();
    throw err;
  }
}
