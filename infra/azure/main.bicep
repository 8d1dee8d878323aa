// Wegwijs on Azure: the container on App Service (Linux), Azure Bot with the Teams channel,
// Cosmos DB (serverless) as the shared store, Key Vault for secrets read with the app's managed
// identity, and Application Insights with Log Analytics. Parameters: see README.md beside this file.
targetScope = 'resourceGroup'

@description('Azure region for everything except the bot (which is global).')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'wegwijs'

@description('Container image to run, for example myregistry.azurecr.io/wegwijs:1.0.0.')
param containerImage string

@description('Azure Container Registry (in this resource group) the image is pulled from with the managed identity; empty for a public image.')
param containerRegistryName string = ''

@description('App Service plan SKU. B1 is enough for a few networks; P0v3 or higher for production with autoscale.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Number of app instances. All share Cosmos DB; the scheduler runs exactly once through leases and claims.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'wegwijs'

@description('Turn off Cosmos DB account keys: the app signs in with its managed identity only.')
param cosmosDisableKeyAuth bool = true

@description('Application (client) id of the bot\'s Entra app registration (TEAMS_APP_ID). Empty: no Azure Bot, no Teams.')
param teamsAppId string = ''

@description('Tenant of the bot\'s app registration (TEAMS_TENANT_ID).')
param teamsTenantId string = tenant().tenantId

@description('Client secret of the bot\'s app registration (TEAMS_APP_PASSWORD); stored in Key Vault. Leave empty on redeploys to keep the stored value.')
@secure()
param teamsAppPassword string = ''

@description('Azure Bot SKU: F0 (free) or S1. Teams is a standard channel, free on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the bot as shown in Teams.')
param botDisplayName string = 'Wegwijs'

@description('Turn Slack on: the app reads SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN from Key Vault.')
param enableSlack bool = false

@description('Slack signing secret; stored in Key Vault. Leave empty on redeploys to keep the stored value.')
@secure()
param slackSigningSecret string = ''

@description('Slack bot token (xoxb-…); stored in Key Vault. Leave empty on redeploys to keep the stored value.')
@secure()
param slackBotToken string = ''

@description('Turn the optional LLM on: the app reads OPENAI_API_KEY from Key Vault.')
param enableOpenAi bool = false

@description('OpenAI API key; stored in Key Vault. Leave empty on redeploys to keep the stored value.')
@secure()
param openAiApiKey string = ''

@description('More app settings (any variable of the configuration table), for example {"WEGWIJS_TIME_ZONE": "Europe/Amsterdam"}.')
param extraSettings object = {}

@description('Days to keep logs in Log Analytics and Application Insights.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Turn Key Vault purge protection on (recommended for production; cannot be turned off again).')
param keyVaultPurgeProtection bool = false

@description('Tags for every resource.')
param tags object = {
  app: 'wegwijs'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var appName = '${namePrefix}-${suffix}'
var keyVaultName = 'kv-${take(namePrefix, 6)}-${take(suffix, 10)}'
var kvRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${namePrefix}-app-identity'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: appName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: appName
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    appPrincipalId: identity.outputs.principalId
    disableKeyAuth: cosmosDisableKeyAuth
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    enablePurgeProtection: keyVaultPurgeProtection
    secrets: {
      'teams-app-password': teamsAppPassword
      'slack-signing-secret': slackSigningSecret
      'slack-bot-token': slackBotToken
      'openai-api-key': openAiApiKey
    }
  }
}

var baseSettings = {
  NODE_ENV: 'production'
  PORT: '3978'
  WEBSITES_PORT: '3978'
  LOG_LEVEL: 'info'
  STORE: 'cosmos'
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  // The container is created here; with Entra ID the app may not create it itself.
  COSMOS_CREATE_CONTAINERS: 'false'
  // Read by @azure/identity: DefaultAzureCredential uses this user-assigned identity.
  AZURE_CLIENT_ID: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
}

var teamsSettings = empty(teamsAppId)
  ? {}
  : {
      TEAMS_APP_ID: teamsAppId
      TEAMS_TENANT_ID: teamsTenantId
      TEAMS_APP_PASSWORD: '${kvRef}teams-app-password)'
    }

var slackSettings = enableSlack
  ? {
      SLACK_SIGNING_SECRET: '${kvRef}slack-signing-secret)'
      SLACK_BOT_TOKEN: '${kvRef}slack-bot-token)'
    }
  : {}

var openAiSettings = enableOpenAi
  ? {
      OPENAI_API_KEY: '${kvRef}openai-api-key)'
    }
  : {}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: appName
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    containerImage: containerImage
    containerRegistryName: containerRegistryName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityPrincipalId: identity.outputs.principalId
    settings: union(baseSettings, teamsSettings, slackSettings, openAiSettings, extraSettings)
    workspaceId: monitoring.outputs.workspaceId
    appInsightsId: monitoring.outputs.appInsightsId
  }
  // Key Vault references resolve at start-up: the vault and its role assignment come first.
  dependsOn: [
    vault
  ]
}

module bot 'modules/bot.bicep' = if (!empty(teamsAppId)) {
  name: 'bot'
  params: {
    name: '${appName}-bot'
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    appId: teamsAppId
    tenantId: teamsTenantId
    sku: botSku
    tags: tags
  }
}

@description('Public URL of the app.')
output appUrl string = 'https://${app.outputs.hostName}'

@description('Teams messaging endpoint (set on the Azure Bot).')
output teamsMessagingEndpoint string = 'https://${app.outputs.hostName}/api/messages'

@description('Slack request URL (Event Subscriptions and Interactivity).')
output slackRequestUrl string = 'https://${app.outputs.hostName}/slack/events'

output webAppName string = app.outputs.name
output cosmosEndpoint string = cosmos.outputs.endpoint
output keyVaultName string = vault.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
output managedIdentityClientId string = identity.outputs.clientId
