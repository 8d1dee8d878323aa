// Cosmos DB for NoSQL in serverless mode: one database, one container `docs` partitioned on
// `/pk`, time-to-live on (defaultTtl -1: only items with their own `ttl` expire) and the composite
// index the store's `ORDER BY c.updatedAt, c.key` needs. Keep in step with CONTAINER_DEFINITION in
// src/store/cosmos/cosmos-store.ts. The app's identity gets the built-in Data Contributor role.

@description('Name of the Cosmos DB account (globally unique, lowercase).')
param accountName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Database name (COSMOS_DATABASE).')
param databaseName string

@description('Principal id of the app\'s managed identity.')
param appPrincipalId string

@description('Turn off account keys: only Entra ID (managed identity) can read and write data.')
param disableKeyAuth bool

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: disableKeyAuth
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource docs 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'docs'
  properties: {
    resource: {
      id: 'docs'
      partitionKey: {
        paths: [
          '/pk'
        ]
        kind: 'Hash'
        version: 2
      }
      defaultTtl: -1
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          {
            path: '/*'
          }
        ]
        excludedPaths: [
          {
            path: '/"_etag"/?'
          }
        ]
        compositeIndexes: [
          [
            {
              path: '/updatedAt'
              order: 'ascending'
            }
            {
              path: '/key'
              order: 'ascending'
            }
          ]
        ]
      }
    }
  }
}

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no account management.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-05-15' existing = {
  parent: account
  name: '00000000-0000-0000-0000-000000000002'
}

resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributor.id)
  properties: {
    principalId: appPrincipalId
    roleDefinitionId: dataContributor.id
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output databaseName string = database.name
