// Azure resources for the Finsam bot: App Service (Linux, Node 22 LTS) running the built app,
// an Azure Bot with the Teams channel, and a serverless Cosmos DB account with the
// database, containers and partition keys the app expects (src/store/cosmosStore.ts).
// The bot's identity is a user-assigned managed identity, so there is no bot password
// anywhere; the Cosmos key goes straight from the account into the app's settings.

@maxLength(20)
@minLength(4)
@description('Used to name every resource, e.g. finsamdev.')
param resourceBaseName string

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Finsam-boten'

@description('App Service plan size; B1 is enough for one förbund.')
param webAppSku string = 'B1'

@description('Region of the web app and the Cosmos DB account.')
param location string = resourceGroup().location

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'finsam'

@description('Förbund of users not in the roles file.')
param defaultAssociation string = 'uppsala'

@description('Path, relative to the app, of the roles file deployed with it.')
param rolesFile string = 'config/roles.json'

@description('Ansökningar up to this total (kr) may be decided by the förbundschef on delegation.')
param delegationLimitKr int = 500000

@secure()
@description('Key a scheduler presents to POST /api/jobs/reminders; a new random one unless given.')
param jobsKey string = newGuid()

var containerNames = [
  'ledger'
  'initiatives'
  'finance'
  'cases'
  'reports'
  'conversations'
  'counters'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${resourceBaseName}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    capabilities: [ { name: 'EnableServerless' } ]
    minimalTlsVersion: 'Tls12'
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: { resource: { id: cosmosDatabaseName } }
}

// Every container is partitioned by förbund, so one förbund's data never shares a logical partition with another's.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for name in containerNames: {
  parent: database
  name: name
  properties: {
    resource: {
      id: name
      partitionKey: { paths: [ '/associationId' ], kind: 'Hash' }
    }
  }
}]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        // The deploy step built dist/; App Service only installs the production dependencies.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_KEY', value: cosmos.listKeys().primaryMasterKey }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'DEMO_DATA', value: 'off' }
        { name: 'ROLES_FILE', value: rolesFile }
        { name: 'DEFAULT_ASSOCIATION', value: defaultAssociation }
        { name: 'JOBS_KEY', value: jobsKey }
        { name: 'REMINDER_DAYS_BEFORE', value: '7' }
        { name: 'DELEGATION_LIMIT_KR', value: string(delegationLimitKr) }
      ]
    }
  }
  dependsOn: [ containers ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written to env/.env.<environment> by the Agents Toolkit.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
