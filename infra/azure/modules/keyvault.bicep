// Key Vault (RBAC mode) with the app's secrets. The app reads them through Key Vault references
// in its app settings, with its managed identity ("Key Vault Secrets User"). A secret is written
// only when its parameter is given, so a redeploy without it keeps the stored value.

@description('Name of the vault (globally unique, 3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Principal id of the app\'s managed identity.')
param appPrincipalId string

@description('Secrets to store: secret name → value. Empty values are skipped.')
@secure()
param secrets object

@description('Keep deleted vaults and secrets recoverable and unpurgeable for the retention period.')
param enablePurgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for item in items(secrets): if (!empty(item.value)) {
    parent: vault
    name: item.key
    properties: {
      value: item.value
    }
  }
]

// Built-in role "Key Vault Secrets User".
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource appSecretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUserRole)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUserRole
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
