import path from 'path';

export interface AppConfig {
  readonly port: number;
  readonly botId: string;
  readonly botPassword: string;
  readonly botTenantId: string;
  readonly botType: string;
  /** Where channel token signing keys are published; empty means the Bot Framework's public endpoint. */
  readonly botOpenIdMetadataUrl?: string;
  readonly cosmosEndpoint?: string;
  readonly cosmosKey?: string;
  readonly cosmosDatabase: string;
  readonly dataDir: string;
  readonly demoData: boolean;
  readonly rolesFile?: string;
  readonly defaultAssociation: string;
  /** Pretend today is this date (Europe/Stockholm), for demos and tests; empty means the real date. */
  readonly clockDate?: string;
}

/** Reads the environment once; everything else receives the typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    port,
    botId: env.BOT_ID ?? '',
    botPassword: env.BOT_PASSWORD ?? '',
    botTenantId: env.BOT_TENANT_ID ?? '',
    botType: env.BOT_TYPE || (env.BOT_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
    botOpenIdMetadataUrl: env.BOT_OPENID_METADATA_URL || undefined,
    cosmosEndpoint: env.COSMOS_ENDPOINT || undefined,
    cosmosKey: env.COSMOS_KEY || undefined,
    cosmosDatabase: env.COSMOS_DATABASE || 'finsam',
    dataDir: path.resolve(env.DATA_DIR || './.data'),
    demoData: (env.DEMO_DATA ?? 'on').toLowerCase() !== 'off',
    // Local anonymous mode gets the demo roles, so a newcomer can try every role.
    rolesFile: env.ROLES_FILE || (env.BOT_ID ? undefined : path.resolve(__dirname, '../../config/roles.demo.json')),
    defaultAssociation: env.DEFAULT_ASSOCIATION || 'uppsala',
    clockDate: parseClockDate(env.CLOCK_DATE),
  };
}

function parseClockDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`CLOCK_DATE is not a date like 2026-11-23: ${value}`);
  return value;
}
