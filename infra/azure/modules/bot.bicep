// Azure Bot resource (single-tenant Entra app registration) with the Microsoft Teams channel.
// Standard channels such as Teams are free on both SKUs.

@description('Name of the bot resource.')
param name string

@description('Display name shown in Teams.')
param displayName string

@description('Messaging endpoint: https://<app>/api/messages.')
param endpoint string

@description('Application (client) id of the bot\'s Entra app registration (TEAMS_APP_ID).')
param appId string

@description('Tenant of that app registration (TEAMS_TENANT_ID).')
param tenantId string

@description('F0 (free) or S1 (paid; only premium channels are metered).')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
