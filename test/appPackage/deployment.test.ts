import assert from 'assert/strict';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import { CONTAINERS, PARTITION_KEY_PATH } from '../../src/store/cosmosStore';
import { quietLogger } from '../helpers/runningBot';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const bicep = read('infra/azure.bicep');
const envDev = read('env/.env.dev');
const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1] as string))];
const envFileKeys = (text: string) =>
  new Set(
    text
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => l.split('=')[0] as string),
  );

describe('deployment files', () => {
  it('the Bicep creates exactly the containers and partition key the app uses', () => {
    const listed = /var containerNames = \[([^\]]*)\]/.exec(bicep)?.[1] ?? '';
    assert.deepEqual(
      [...listed.matchAll(/'([a-z]+)'/g)].map((m) => m[1]),
      Object.values(CONTAINERS),
    );
    assert.match(bicep, new RegExp(`partitionKey: \\{ paths: \\[ '${PARTITION_KEY_PATH}' \\]`));
    assert.match(bicep, /EnableServerless/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|22-lts'/);
    // Production starts the built app; nothing compiles at start.
    assert.match(bicep, /appCommandLine: 'node (?:--[a-z-]+=\d+ )*dist\/src\/index\.js'/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
  });

  it('the App Service settings are variables the app reads, and give a production configuration', () => {
    const settings = Object.fromEntries(
      [...bicep.matchAll(/\{ name: '([A-Z_]+)', value: ((?:\$\{[^}]*\}|[^}])+) \}/g)].map((m) => [m[1] as string, (m[2] as string).trim()]),
    );
    const configSource = read('src/config.ts');
    for (const name of Object.keys(settings).filter((n) => !['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND'].includes(n))) {
      assert.match(configSource, new RegExp(`env\\.${name}\\b`), `${name} is not read by src/config.ts`);
    }
    for (const required of [
      'BOT_ID',
      'BOT_TYPE',
      'BOT_TENANT_ID',
      'COSMOS_ENDPOINT',
      'AZURE_CLIENT_ID',
      'COSMOS_DATABASE',
      'DEMO_DATA',
      'ROLES_FILE',
      'JOBS_KEY',
      'FILE_LINK_SECRET',
      'PUBLIC_BASE_URL',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ])
      assert.ok(settings[required], required);
    assert.equal(settings.COSMOS_KEY, undefined, 'no Cosmos key in production: the managed identity reaches Cosmos');
    // Values the Bicep computes at deployment get a sample of the same kind.
    const SAMPLES: Record<string, string> = {
      BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      BOT_TENANT_ID: '5d0c1c7e-3f1a-4b8e-9c2d-1a2b3c4d5e6f',
      DELEGATION_LIMIT_KR: '500000',
      JOBS_KEY: 'key-from-vault',
      FILE_LINK_SECRET: 'file-link-secret-from-vault-0123456789',
      PUBLIC_BASE_URL: 'https://fsdev1a2b-app.azurewebsites.net',
    };
    const literal = (k: string, v: string | undefined) => SAMPLES[k] ?? (v?.startsWith("'") ? v.slice(1, -1) : `from-${v}`);
    const config = loadConfig(Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, literal(k, v)])));
    assert.equal(config.demoData, false);
    assert.equal(config.botType, 'UserAssignedMSI');
    assert.ok(config.cosmosEndpoint);
    assert.equal(config.cosmosKey, undefined);
    assert.ok(config.azureClientId && config.applicationInsightsConnectionString && config.jobsKey && config.fileLinkSecret);
    assert.equal(config.publicBaseUrl, 'https://fsdev1a2b-app.azurewebsites.net');
    assert.doesNotThrow(() => createAdapter(config, quietLogger), 'botbuilder accepts a user-assigned managed identity');
  });

  it('every variable the app reads is documented in .env.example', () => {
    const documented = envFileKeys(read('.env.example'));
    const read_ = [...read('src/config.ts').matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1] as string);
    for (const name of new Set(read_)) assert.ok(documented.has(name), `${name} is missing from .env.example`);
  });

  it('the Agents Toolkit project refers to files that exist and to variables its env file defines', () => {
    const yml = read('m365agents.yml');
    for (const file of [...yml.matchAll(/(?:path|manifestPath|parameters|ignoreFile): (\.\/[^\s]+)/g)].map((m) => m[1] as string)) {
      assert.ok(existsSync(path.join(ROOT, file)), `${file} does not exist`);
    }
    const defined = envFileKeys(envDev);
    const used = [...placeholders(yml), ...placeholders(read('infra/azure.parameters.json')), ...placeholders(read('appPackage/manifest.json'))];
    for (const name of used) assert.ok(defined.has(name), `${name} is not in env/.env.dev`);
    assert.doesNotMatch(envDev, /(PASSWORD|SECRET|KEY)=\S/, 'no secret in the committed env file');
  });

  it('production runs the built app on the Node the project is built and tested with', () => {
    const pkg = JSON.parse(read('package.json'));
    const nodeMajor = /^(\d+)\./.exec(pkg.devDependencies.node)?.[1];
    assert.ok(nodeMajor && Number(nodeMajor) >= 22, 'the project runs on a supported Node LTS from the registry package node');
    assert.match(bicep, new RegExp(`linuxFxVersion: 'NODE\\|${nodeMajor}-lts'`));
    assert.match(pkg.engines.node, new RegExp(`^>=${nodeMajor}\\.`));
    assert.match(pkg.devDependencies['@types/node'], new RegExp(`^\\^${nodeMajor}\\.`));
    const command = /appCommandLine: '([^']+)'/.exec(bicep)?.[1];
    assert.match(
      command ?? '',
      /^node (?:--max-(?:old|semi)-space-size=\d+ )*dist\/src\/index\.js$/,
      'the built app, with heap bounds sized for a small instance',
    );
    assert.equal(pkg.scripts.start, command, 'npm start runs what App Service runs, without compiling');
    assert.ok(existsSync(path.join(ROOT, 'dist/src/index.js')), 'the build writes the file App Service starts');
    const ignored = read('.appserviceignore')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(!ignored.includes('dist'), 'the built app is deployed');
    assert.ok(ignored.includes('node_modules'), 'App Service installs the production dependencies itself');
    assert.match(bicep, /\{ name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev[^']*' \}/);
  });

  it('the Agents Toolkit project uses the current schema and its deploy builds before it uploads', () => {
    const yml = read('m365agents.yml');
    assert.match(yml, /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json$/m);
    assert.match(yml, /^version: v1\.11$/m);
    const deploy = yml.slice(yml.indexOf('\ndeploy:'), yml.indexOf('\npublish:'));
    const steps = [...deploy.matchAll(/- uses: (\S+)(?:\n\s+name: .*)?\n\s+with:\n\s+(?:args: (.*)|artifactFolder)/g)].map(
      (m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''}`,
    );
    assert.deepEqual(steps, ['cli/runNpmCommand ci --no-audit --no-fund', 'cli/runNpmCommand run build', 'azureAppService/zipDeploy']);
  });

  it('Cosmos is reached through Entra ID only: the identity has the Built-in Data Contributor role and keys are disabled', () => {
    assert.match(bicep, /disableLocalAuth: true/);
    assert.doesNotMatch(bicep, /listKeys\(/);
    assert.match(bicep, /var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    const assignment = /resource \w+ 'Microsoft\.DocumentDB\/databaseAccounts\/sqlRoleAssignments@[^']+' = \{([\s\S]*?)\n\}/.exec(bicep)?.[1] ?? '';
    assert.match(assignment, /sqlRoleDefinitions\/\$\{cosmosDataContributorRoleId\}/);
    assert.match(assignment, /principalId: identity\.properties\.principalId/);
    assert.match(bicep, /\{ name: 'AZURE_CLIENT_ID', value: identity\.properties\.clientId \}/);
  });

  it("Application Insights is workspace-based and its connection string is the app's setting", () => {
    assert.match(bicep, /resource workspace 'Microsoft\.OperationalInsights\/workspaces@/);
    assert.match(bicep, /resource insights 'Microsoft\.Insights\/components@[^']+' = \{[\s\S]*?WorkspaceResourceId: workspace\.id/);
    assert.match(bicep, /\{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights\.properties\.ConnectionString \}/);
  });

  it('a Logic App calls the reminder job daily at 07:00 Swedish time with the key it reads from Key Vault, which provisioning writes once', () => {
    const logicApp = /resource reminders 'Microsoft\.Logic\/workflows@[^']+' = \{([\s\S]*?)\n\}/.exec(bicep)?.[1] ?? '';
    assert.match(logicApp, /type: 'Recurrence'/);
    assert.match(logicApp, /frequency: 'Day', interval: 1, timeZone: 'W\. Europe Standard Time', schedule: \{ hours: \[ '7' \], minutes: \[ 0 \] \}/);
    assert.match(logicApp, /uri: '\$\{vault\.properties\.vaultUri\}secrets\/jobs-key\?api-version=[^']+'/);
    assert.match(logicApp, /authentication: \{ type: 'ManagedServiceIdentity', identity: identity\.id, audience: 'https:\/\/vault\.azure\.net' \}/);
    // The route the app serves, with the key as the bearer token it checks.
    const route = /uri: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}(\/[^']+)'/.exec(logicApp)?.[1];
    assert.equal(route, '/api/jobs/reminders');
    assert.match(read('src/http/httpSurface.ts'), new RegExp(`server\\.post\\('${route}'`));
    assert.match(logicApp, /Authorization: 'Bearer @\{body\(\\'Read_jobs_key\\'\)\?\[\\'value\\'\]\}'/);
    // The app reads the same secret; the secret is written only until the toolkit records that it exists.
    assert.match(bicep, /\{ name: 'JOBS_KEY', value: '@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=jobs-key\)' \}/);
    assert.match(bicep, /resource jobsKeySecret 'Microsoft\.KeyVault\/vaults\/secrets@[^']+' = if \(jobsKeyInVault != 'true'\)/);
    assert.match(bicep, /output JOBS_KEY_IN_VAULT string = 'true'/);
    assert.match(read('infra/azure.parameters.json'), /"jobsKeyInVault": \{ "value": "\$\{\{JOBS_KEY_IN_VAULT\}\}" \}/);
  });

  it('runs more than one instance when asked: capacity, CPU autoscale within bounds, no sticky sessions, /healthz', () => {
    assert.match(bicep, /sku: \{ name: webAppSku, capacity: instanceCount \}/);
    assert.match(bicep, /resource autoscale 'Microsoft\.Insights\/autoscalesettings@[^']+' = if \(maxInstanceCount > instanceCount\)/);
    assert.match(bicep, /capacity: \{ minimum: string\(instanceCount\), maximum: string\(maxInstanceCount\), default: string\(instanceCount\) \}/);
    assert.match(bicep, /metricName: 'CpuPercentage'[^\n]+operator: 'GreaterThan', threshold: 70/);
    assert.match(bicep, /metricName: 'CpuPercentage'[^\n]+operator: 'LessThan', threshold: 30/);
    assert.match(bicep, /clientAffinityEnabled: false/);
    assert.match(bicep, /healthCheckPath: '\/healthz'/);
    // What every instance must share: the store, the job key and the download links' secret.
    for (const setting of ['COSMOS_ENDPOINT', 'JOBS_KEY', 'FILE_LINK_SECRET']) assert.match(bicep, new RegExp(`\\{ name: '${setting}', value: `));
  });

  it('every globally unique name carries a hash of the resource group', () => {
    assert.match(bicep, /var name = toLower\('\$\{resourceBaseName\}\$\{uniqueString\(resourceGroup\(\)\.id\)\}'\)/);
    const names = [...bicep.matchAll(/^ {2}name: (.+)$/gm)]
      .map((m) => m[1] as string)
      .filter((n) => !/^'[a-zA-Z-]+'$/.test(n) && !n.startsWith('guid(') && n !== 'cosmosDatabaseName');
    assert.ok(names.length >= 9, names.join(', '));
    for (const n of names) assert.match(n, /^(name|'\$\{name\}-[a-z]+')$/, n);
    // Key Vault names have at most 24 characters: prefix (≤ 8) + 13 + '-kv'.
    assert.match(bicep, /@maxLength\(8\)\n@minLength\(2\)\n@description\([^)]*\)\nparam resourceBaseName string/);
  });

  it('@vercel/cosmosdb-server, used through its private lib/ paths, is pinned exactly', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.match(pkg.dependencies['@vercel/cosmosdb-server'], /^\d+\.\d+\.\d+$/);
    assert.equal(JSON.parse(read('node_modules/@vercel/cosmosdb-server/package.json')).version, pkg.dependencies['@vercel/cosmosdb-server']);
  });
});
