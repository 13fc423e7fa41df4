// FleetServerless cloud side: every Azure resource of one deployment, in one resource group.
// Deploy with: az deployment group create -g <group> -f infra-bicep/main.bicep -p namePrefix=<prefix>
// docs/deploy.md walks through the whole deployment, the relay's credential and the teardown.

metadata description = 'FleetServerless cloud side: Storage, Event Hubs, a Flex Consumption Function App, Key Vault, Application Insights and the fleet workbook.'

targetScope = 'resourceGroup'

@description('Azure region of every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Start of every resource name: 3 to 11 lower-case letters or digits. A hash of the resource group follows it, so names are unique across Azure.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'fleet'

@description('Number of miners you expect across all sites. It sizes the hub\'s partitions. The count cannot grow later on Basic or Standard.')
@minValue(1)
@maxValue(20000)
param expectedMinerCount int = 6

@description('Event Hubs tier. Basic is cheaper but has only the $Default consumer group and keeps events for at most one day.')
@allowed([
  'Basic'
  'Standard'
])
param eventHubsSku string = 'Standard'

@description('Event Hubs throughput units (1 MB/s or 1,000 events/s of ingress each). One serves thousands of miners polled every 30 s.')
@minValue(1)
@maxValue(20)
param eventHubsThroughputUnits int = 1

@description('Hours the hub keeps batches the ingest drain has not read yet (at most 24 on Basic, 168 on Standard).')
@minValue(1)
@maxValue(168)
param eventHubRetentionHours int = 24

@description('How the relay authenticates to Event Hubs: SharedAccessSignature (a send-only rule on the hub) or EntraId (the Azure Event Hubs Data Sender role for relayPrincipalId, with shared access signatures turned off).')
@allowed([
  'SharedAccessSignature'
  'EntraId'
])
param relayAuthentication string = 'SharedAccessSignature'

@description('Object id of the relay\'s Entra service principal or managed identity. Used when relayAuthentication is EntraId. Empty grants nothing.')
param relayPrincipalId string = ''

@description('Object id of the user or pipeline that deploys (az ad signed-in-user show --query id -o tsv). It gets Key Vault Secrets Officer on the vault so it can set the secrets. Empty grants nothing.')
param deployerPrincipalId string = ''

@description('Type of deployerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Storage replication. Standard_LRS is the cheapest, and Standard_ZRS survives the loss of one zone.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Allow account-key access to storage. Keep it off unless a tool needs the key, such as the Power BI Table Storage connector.')
param storageAllowSharedKeyAccess bool = false

@description('.NET version of the isolated worker. It must match the Functions project\'s TargetFramework.')
@allowed([
  '8.0'
  '9.0'
  '10.0'
])
param dotnetVersion string = '10.0'

@description('Memory of one Function App instance in MB.')
@allowed([
  2048
  4096
])
param functionInstanceMemoryMb int = 2048

@description('Maximum instances of the Function App. The ingest drain and the timers run on one instance. More serve HTTP bursts.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Days Log Analytics keeps logs and metrics. The first 31 days are included in the ingestion price.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily log ingestion cap in GB, to bound the monitoring cost, or -1 for no cap.')
@minValue(-1)
@maxValue(100)
param logDailyQuotaGb int = 1

@description('Days a deleted Key Vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteDays int = 7

@description('Turn on Key Vault purge protection. It cannot be turned off again, and the vault name stays taken for keyVaultSoftDeleteDays after a teardown.')
param keyVaultPurgeProtection bool = false

@description('Pool API key (Prohashing). Leave empty to set it later with az keyvault secret set. Parameters passed here stay out of the deployment history because they are secure.')
@secure()
param poolApiKey string = ''

@description('SMTP password of the e-mail notifier. Leave empty to set it later.')
@secure()
param smtpPassword string = ''

@description('Tags applied to every resource.')
param tags object = {
  application: 'FleetServerless'
}

var suffix = uniqueString(resourceGroup().id)
var names = {
  workspace: '${namePrefix}-log-${suffix}'
  appInsights: '${namePrefix}-appi-${suffix}'
  storage: take('${namePrefix}st${suffix}', 24)
  eventHubs: '${namePrefix}-evhns-${suffix}'
  keyVault: take('${namePrefix}-kv-${suffix}', 24)
  plan: '${namePrefix}-plan-${suffix}'
  functionApp: '${namePrefix}-func-${suffix}'
}

// One site always lands in one partition (the partition key is the site id), so partitions add
// parallelism across sites, never within one. A sample is roughly 2 KB of JSON (an estimate), so even
// 20,000 miners polled every 30 s send about 1.3 MB/s, which 8 partitions spread well below their limits.
var eventHubPartitionCount = expectedMinerCount <= 60 ? 2 : (expectedMinerCount <= 1000 ? 4 : 8)

var deploymentContainerName = 'app-package'
var eventHubName = 'telemetry'
var ingestConsumerGroupName = 'ingest'
var relaySendRuleName = 'relay-send'

// Key Vault secret names. A secret that is not set yet leaves its app setting unresolved (the app sees
// the reference text) until it is set and the app restarts.
var secretNames = {
  poolApiKey: 'pool-api-key'
  smtpPassword: 'smtp-password'
}

var tableNames = [
  for logicalName in [
    'Latest'
    'Samples'
    'SampleDays'
    'RollupsPending'
    'RollupsFleet5m'
    'RollupsMinerHourly'
    'RollupsMinerDaily'
    'Relays'
    'Checkpoints'
    'PoisonEvents'
  ]: 'fleet${logicalName}'
]

var queueNames = [
  'alerts'
  'alerts-poison'
]

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: names.storage
    skuName: storageSku
    allowSharedKeyAccess: storageAllowSharedKeyAccess
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
    queueNames: queueNames
    tags: tags
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  name: 'eventHubs'
  params: {
    location: location
    namespaceName: names.eventHubs
    skuName: eventHubsSku
    capacity: eventHubsThroughputUnits
    hubName: eventHubName
    partitionCount: eventHubPartitionCount
    retentionHours: eventHubRetentionHours
    consumerGroupName: ingestConsumerGroupName
    relayAuthentication: relayAuthentication
    relaySendRuleName: relaySendRuleName
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    vaultName: names.keyVault
    softDeleteRetentionDays: keyVaultSoftDeleteDays
    enablePurgeProtection: keyVaultPurgeProtection
    secretValues: {
      '${secretNames.poolApiKey}': poolApiKey
      '${secretNames.smtpPassword}': smtpPassword
    }
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    planName: names.plan
    appName: names.functionApp
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    dotnetVersion: dotnetVersion
    instanceMemoryMb: functionInstanceMemoryMb
    maximumInstanceCount: functionMaximumInstanceCount
    tags: tags
    // Every setting the app binds, by its configuration path with ':' written as '__'. A test compares
    // these names with the options classes and with local.settings.example.json.
    appSettings: {
      // Functions host: storage by managed identity (no connection string), telemetry by Entra ID.
      AzureWebJobsStorage__accountName: storage.outputs.accountName
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

      // Storage: tables and queues by managed identity. The connection string stays empty on purpose.
      Storage__ConnectionString: ''
      Storage__TableServiceUri: storage.outputs.tableEndpoint
      Storage__QueueServiceUri: storage.outputs.queueEndpoint
      Storage__TablePrefix: 'fleet'
    }
  }
}

// Names, not module outputs, go to the role and workbook modules, so that what-if can predict their
// resource ids. DependsOn keeps them after the resources they refer to.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    functionApp
    storage
    eventHubs
    keyVault
    monitoring
  ]
  params: {
    functionAppName: names.functionApp
    storageAccountName: names.storage
    eventHubsNamespaceName: names.eventHubs
    eventHubName: eventHubName
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    relayPrincipalId: relayPrincipalId
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    displayName: 'FleetServerless fleet'
    appInsightsName: names.appInsights
    tags: tags
  }
}

@description('Name of the Function App, for func azure functionapp publish.')
output functionAppName string = functionApp.outputs.appName

@description('Base URL of the Function App. The API is under /api.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Relay setting Relay:Publisher:EventHubs:FullyQualifiedNamespace.')
output eventHubsFullyQualifiedNamespace string = eventHubs.outputs.fullyQualifiedNamespace

@description('Name of the Event Hubs namespace.')
output eventHubsNamespaceName string = eventHubs.outputs.namespaceName

@description('Relay setting Relay:Publisher:EventHubs:EventHubName.')
output eventHubName string = eventHubs.outputs.hubName

@description('Consumer group the ingest drain reads with.')
output eventHubConsumerGroup string = eventHubs.outputs.consumerGroupName

@description('Send-only authorization rule whose connection string the relay uses. Empty when relayAuthentication is EntraId.')
output relaySendRuleName string = eventHubs.outputs.relaySendRuleName

@description('How the relay authenticates to Event Hubs.')
output relayAuthentication string = relayAuthentication

@description('Name of the Key Vault that holds the secrets.')
output keyVaultName string = keyVault.outputs.vaultName

@description('Key Vault secret names, for az keyvault secret set.')
output keyVaultSecretNames object = secretNames

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.accountName

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Resource id of the fleet workbook.')
output workbookId string = workbook.outputs.workbookId
