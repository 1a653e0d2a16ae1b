// Azure resources for the Finsam bot: App Service (Linux, Node 22 LTS) running the built app,
// an Azure Bot with the Teams channel, a serverless Cosmos DB account with the database,
// containers and partition keys the app expects (src/store/cosmosStore.ts), Application
// Insights on a Log Analytics workspace, a Key Vault with the reminder job's key and a Logic
// App that calls the reminder job daily at 07:00 Europe/Stockholm.
// One user-assigned managed identity is the bot (no password anywhere), reads and writes
// Cosmos through Entra ID (the account has no usable keys: disableLocalAuth) and reads the key.

@maxLength(8)
@minLength(2)
@description('Prefix of every resource name; a hash of the resource group follows it, so names are unique per deployment.')
param resourceBaseName string

@description('Set to true after the first provisioning (the toolkit writes JOBS_KEY_IN_VAULT back); the key in Key Vault is then left as it is.')
param jobsKeyInVault string = ''

@description('Set to true after the first provisioning (the toolkit writes FILE_LINK_SECRET_IN_VAULT back); the download links\' secret in Key Vault is then left as it is.')
param fileLinkSecretInVault string = ''

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Finsam-boten'

@description('App Service plan size; B1 is enough for one förbund. Autoscale (maxInstanceCount above instanceCount) needs S1 or P1v3 and up.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Instances the plan runs; every instance serves any turn (the state is in Cosmos).')
param instanceCount int = 1

@minValue(1)
@maxValue(10)
@description('Autoscale on CPU up to this many instances; equal to instanceCount means no autoscale.')
param maxInstanceCount int = 1

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
@description('Key the Logic App presents to POST /api/jobs/reminders; written to Key Vault once, at the first provisioning.')
param jobsKey string = newGuid()

@secure()
@description('Signs the download links of exported documents; written to Key Vault once and shared by every instance.')
param fileLinkSecret string = '${newGuid()}${newGuid()}'

var name = toLower('${resourceBaseName}${uniqueString(resourceGroup().id)}')
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

var containerNames = [
  'ledger'
  'initiatives'
  'finance'
  'cases'
  'reports'
  'conversations'
  'counters'
  'people'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${name}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    capabilities: [ { name: 'EnableServerless' } ]
    minimalTlsVersion: 'Tls12'
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
    // Entra ID only: the app reads and writes as its managed identity.
    disableLocalAuth: true
  }
}

resource cosmosDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
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

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

// Workspace-based Application Insights: requests, dependencies, exceptions (with the error id) and custom events.
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: workspace.id, IngestionMode: 'LogAnalytics' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

// Written once: re-provisioning keeps the key, so the Logic App and the app keep agreeing.
resource jobsKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (jobsKeyInVault != 'true') {
  parent: vault
  name: 'jobs-key'
  properties: { value: jobsKey }
}

resource fileLinkSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (fileLinkSecretInVault != 'true') {
  parent: vault
  name: 'file-link-secret'
  properties: { value: fileLinkSecret }
}

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: instanceCount }
  properties: { reserved: true }
}

// More instances when the CPU stays high (before board meetings), fewer when it falls; /healthz takes a sick one out.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = if (maxInstanceCount > instanceCount) {
  name: '${name}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: { minimum: string(instanceCount), maximum: string(maxInstanceCount), default: string(instanceCount) }
        rules: [
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: plan.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT10M', timeAggregation: 'Average', operator: 'GreaterThan', threshold: 70 }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT10M' }
          }
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: plan.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT20M', timeAggregation: 'Average', operator: 'LessThan', threshold: 30 }
            scaleAction: { direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT20M' }
          }
        ]
      }
    ]
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No sticky sessions: any instance serves any turn, so requests spread evenly.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --max-old-space-size=384 --max-semi-space-size=4 dist/src/index.js'
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
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'DEMO_DATA', value: 'off' }
        { name: 'ROLES_FILE', value: rolesFile }
        { name: 'DEFAULT_ASSOCIATION', value: defaultAssociation }
        { name: 'JOBS_KEY', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=jobs-key)' }
        { name: 'FILE_LINK_SECRET', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=file-link-secret)' }
        // The app's own name (not webApp.properties, which would refer to itself): download links point here.
        { name: 'PUBLIC_BASE_URL', value: 'https://${name}-app.azurewebsites.net' }
        { name: 'REMINDER_DAYS_BEFORE', value: '7' }
        { name: 'DELEGATION_LIMIT_KR', value: string(delegationLimitKr) }
      ]
    }
  }
  dependsOn: [ containers, cosmosDataAccess, vaultAccess, jobsKeySecret, fileLinkSecretValue ]
}

// Reminders run themselves: daily at 07:00 Swedish time the Logic App reads the key from Key Vault
// as the managed identity and calls the job; the job is idempotent, so a retry sends nothing twice.
resource reminders 'Microsoft.Logic/workflows@2019-05-01' = {
  name: '${name}-reminders'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        Daily_0700_Stockholm: {
          type: 'Recurrence'
          recurrence: { frequency: 'Day', interval: 1, timeZone: 'W. Europe Standard Time', schedule: { hours: [ '7' ], minutes: [ 0 ] } }
        }
      }
      actions: {
        Read_jobs_key: {
          type: 'Http'
          runtimeConfiguration: { secureData: { properties: [ 'outputs' ] } }
          inputs: {
            method: 'GET'
            uri: '${vault.properties.vaultUri}secrets/jobs-key?api-version=7.4'
            authentication: { type: 'ManagedServiceIdentity', identity: identity.id, audience: 'https://vault.azure.net' }
          }
        }
        Send_reminders: {
          type: 'Http'
          runAfter: { Read_jobs_key: [ 'Succeeded' ] }
          runtimeConfiguration: { secureData: { properties: [ 'inputs' ] } }
          inputs: {
            method: 'POST'
            uri: 'https://${webApp.properties.defaultHostName}/api/jobs/reminders'
            headers: { Authorization: 'Bearer @{body(\'Read_jobs_key\')?[\'value\']}' }
            retryPolicy: { type: 'exponential', count: 4, interval: 'PT1M' }
          }
        }
      }
    }
  }
  dependsOn: [ vaultAccess, jobsKeySecret ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
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
output JOBS_KEY_IN_VAULT string = 'true'
output FILE_LINK_SECRET_IN_VAULT string = 'true'
