import path from 'path';

export interface AppConfig {
  readonly port: number;
  /** The interface to listen on: all of them with BOT_ID (App Service), loopback only in local anonymous mode. */
  readonly host: string;
  readonly botId: string;
  readonly botPassword: string;
  readonly botTenantId: string;
  readonly botType: string;
  /** Where channel token signing keys are published; empty means the Bot Framework's public endpoint. */
  readonly botOpenIdMetadataUrl?: string;
  readonly cosmosEndpoint?: string;
  readonly cosmosKey?: string;
  /** Client id of the user-assigned managed identity that reaches Cosmos through Entra ID when no key is set (App Service). */
  readonly azureClientId?: string;
  /** Application Insights; empty sends no telemetry (locally, tests). */
  readonly applicationInsightsConnectionString?: string;
  readonly cosmosDatabase: string;
  readonly dataDir: string;
  readonly demoData: boolean;
  readonly rolesFile?: string;
  readonly defaultAssociation: string;
  /** Key an Azure timer presents to POST /api/jobs/reminders; empty disables the endpoint. */
  readonly jobsKey?: string;
  /** Days before a report's deadline that the first reminder goes out. */
  readonly reminderDaysBefore: number;
  /** Ansökningar up to this total (kr) may be decided on delegation by the förbundschef. */
  readonly delegationLimitKr: number;
  /** Reminders sent per second at most (Teams allows 7 per conversation). */
  readonly remindersPerSecond: number;
  /** How often half-done ärenden are looked for and finished in the background (ms); up to five times as long after failures. */
  readonly repairIntervalMs: number;
  /** A half-done ärende younger than this (ms) is left to the request that is handling it. */
  readonly repairGraceMs: number;
  /** The bot's public address, for download links (https://<app>.azurewebsites.net); empty: http://<host>:<port>. */
  readonly publicBaseUrl?: string;
  /** Signs download links (HMAC); shared by every instance. Empty: a random one per process in local anonymous mode, no links otherwise. */
  readonly fileLinkSecret?: string;
  /** A document not built after this long (ms) gets a "Skapar …" message first; 0 always (tests). */
  readonly progressAfterMs: number;
  /** Pretend today is this date (Europe/Stockholm), for demos and tests; empty means the real date. */
  readonly clockDate?: string;
}

/** Reads the environment once; everything else receives the typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    port,
    // Anonymous mode lets anyone act as anyone: never on the network unless HOST says so.
    host: env.HOST || (env.BOT_ID ? '0.0.0.0' : '127.0.0.1'),
    botId: env.BOT_ID ?? '',
    botPassword: env.BOT_PASSWORD ?? '',
    botTenantId: env.BOT_TENANT_ID ?? '',
    botType: env.BOT_TYPE || (env.BOT_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
    botOpenIdMetadataUrl: env.BOT_OPENID_METADATA_URL || undefined,
    cosmosEndpoint: env.COSMOS_ENDPOINT || undefined,
    cosmosKey: env.COSMOS_KEY || undefined,
    azureClientId: env.AZURE_CLIENT_ID || undefined,
    applicationInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING || undefined,
    cosmosDatabase: env.COSMOS_DATABASE || 'finsam',
    dataDir: path.resolve(env.DATA_DIR || './.data'),
    demoData: (env.DEMO_DATA ?? 'on').toLowerCase() !== 'off',
    // Local anonymous mode gets the demo roles, so a newcomer can try every role.
    rolesFile: env.ROLES_FILE || (env.BOT_ID ? undefined : path.resolve(__dirname, '../../config/roles.demo.json')),
    defaultAssociation: env.DEFAULT_ASSOCIATION || 'uppsala',
    clockDate: parseClockDate(env.CLOCK_DATE),
    jobsKey: env.JOBS_KEY || undefined,
    publicBaseUrl: parseBaseUrl(env.PUBLIC_BASE_URL),
    progressAfterMs: wholeNumberIn(env.PROGRESS_AFTER_MS, 1000, 0, 60_000, 'PROGRESS_AFTER_MS'),
    fileLinkSecret: fileLinkSecret(env.FILE_LINK_SECRET),
    reminderDaysBefore: wholeNumberIn(env.REMINDER_DAYS_BEFORE, 7, 0, 60, 'REMINDER_DAYS_BEFORE'),
    delegationLimitKr: wholeNumberIn(env.DELEGATION_LIMIT_KR, 500_000, 0, 100_000_000, 'DELEGATION_LIMIT_KR'),
    remindersPerSecond: wholeNumberIn(env.REMINDERS_PER_SECOND, 7, 1, 7, 'REMINDERS_PER_SECOND'),
    repairIntervalMs: wholeNumberIn(env.REPAIR_INTERVAL_MS, 60_000, 10, 3_600_000, 'REPAIR_INTERVAL_MS'),
    repairGraceMs: wholeNumberIn(env.REPAIR_GRACE_MS, 120_000, 0, 3_600_000, 'REPAIR_GRACE_MS'),
  };
}

function wholeNumberIn(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}: ${value}`);
  return n;
}

function parseClockDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`CLOCK_DATE is not a date like 2026-11-23: ${value}`);
  return value;
}

function parseBaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^/\s?#]+\/?$/.test(value)) throw new Error(`PUBLIC_BASE_URL must be like https://finsam.azurewebsites.net: ${value}`);
  return value.replace(/\/$/, '');
}

function fileLinkSecret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error('FILE_LINK_SECRET must be at least 32 characters.');
  return value;
}
