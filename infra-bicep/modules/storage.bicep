// Storage account of the cloud side: the Functions host's own state (AzureWebJobsStorage), the tables
// that keep fleet history, the alert queues, and the blob container that Flex Consumption deploys the
// app package from. Nothing in it is public, and only HTTPS with TLS 1.2 or later is accepted.

@description('Azure region of the account.')
param location string

@description('Name of the storage account: 3 to 24 lower-case letters and digits, unique across Azure.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Replication of the account. Standard_LRS is the cheapest, and Standard_ZRS survives the loss of one zone.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string

@description('Allow account-key (shared key) authorization. Off keeps every client on Entra ID. Turn it on only for a tool that needs the key, such as the Power BI Table Storage connector.')
param allowSharedKeyAccess bool

@description('Blob container that holds the Functions deployment package.')
param deploymentContainerName string

@description('Tables to create. The app creates missing tables itself, so this list is a convenience for inspection tools.')
param tableNames string[]

@description('Queues to create, including the poison queues the Functions host writes failed messages to.')
param queueNames string[]

@description('Tags applied to the account.')
param tags object

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

@description('Name of the storage account.')
output accountName string = account.name

@description('Resource id of the storage account.')
output accountId string = account.id

@description('Blob endpoint, ending in a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint, ending in a slash.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint, ending in a slash.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Name of the deployment container.')
output deploymentContainerName string = deploymentContainer.name
