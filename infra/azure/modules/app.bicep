// App Service (Linux) running the Wegwijs container image, with the user-assigned identity,
// Key Vault references in its settings, the /healthz health check, Always On (the scheduler runs
// in-process) and its console and HTTP logs sent to Log Analytics.

@description('Name of the web app (globally unique: <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('App Service plan SKU.')
param sku string

@description('Number of instances (scale-out).')
param instanceCount int

@description('Container image, for example myregistry.azurecr.io/wegwijs:1.0.0.')
param containerImage string

@description('Name of an Azure Container Registry in this resource group to pull from with the identity; empty for a public image.')
param containerRegistryName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Principal id of the user-assigned identity.')
param identityPrincipalId string

@description('App settings (environment variables), name → value.')
param settings object

@description('Log Analytics workspace for the app\'s logs.')
param workspaceId string

@description('Application Insights resource for the /healthz availability test.')
param appInsightsId string

@description('Azure region names of the availability test locations.')
param availabilityLocations array = [
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var useRegistry = !empty(containerRegistryName)

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: useRegistry
      acrUserManagedIdentityID: useRegistry ? identityClientId : null
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for item in items(settings): {
        name: item.key
        value: item.value
      }]
    }
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (useRegistry) {
  name: useRegistry ? containerRegistryName : 'unused'
}

// Built-in role "AcrPull".
var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useRegistry) {
  name: guid(resourceGroup().id, containerRegistryName, identityPrincipalId, acrPullRole)
  scope: registry
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: acrPullRole
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource availability 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${name}-healthz'
  location: location
  tags: union(tags, {
    'hidden-link:${appInsightsId}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${name}-healthz'
    Name: 'Wegwijs /healthz'
    Enabled: true
    Frequency: 900
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [for loc in availabilityLocations: {
      Id: loc
    }]
    Request: {
      RequestUrl: 'https://${site.properties.defaultHostName}/healthz'
      HttpVerb: 'GET'
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

output hostName string = site.properties.defaultHostName
output name string = site.name
