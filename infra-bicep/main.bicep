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

@description('Pool whose account the profitability sync reads: none, prohashing or viabtc.')
@allowed([
  'none'
  'prohashing'
  'viabtc'
])
param poolProvider string = 'none'

@description('API key of the pool account (Prohashing or ViaBTC, whichever poolProvider names). Stored in Key Vault. Leave empty to deploy without it and pass it in a later deployment.')
@secure()
param poolApiKey string = ''

@description('Which Prohashing API the sync reads: Wamp (live push), Rest or Proxy.')
@allowed([
  'Wamp'
  'Rest'
  'Proxy'
])
param prohashingSource string = 'Wamp'

@description('Prohashing WAMP router address, required for the Wamp source. Prohashing documents wss://live.prohashing.com:443/ws.')
param prohashingWampUrl string = ''

@description('Prohashing REST API base address, required for the Rest source. Prohashing documents https://prohashing.com/api/v1/.')
param prohashingRestBaseUrl string = ''

@description('Base address of your HTTP proxy in front of Prohashing, required for the Proxy source.')
param prohashingProxyBaseUrl string = ''

@description('Bearer token your Prohashing proxy requires. Stored in Key Vault; empty sends none.')
@secure()
param prohashingProxyBearerToken string = ''

@description('ViaBTC API base address, ending in a slash. ViaBTC documents https://www.viabtc.net/res/openapi/v1/.')
param viaBtcBaseUrl string = ''

@description('Coin whose ViaBTC hashrate and workers are read.')
param viaBtcCoin string = 'LTC'

@description('Power price in US dollars per kWh for sites without their own entry, as a decimal number in a string (0.08). Empty means no power cost is computed.')
param powerPriceUsdPerKwh string = ''

@description('Revenue basis for sites without their own entry: Network (estimate from difficulty and price), Pool (the pool\'s own figures) or Both.')
@allowed([
  'Network'
  'Pool'
  'Both'
])
param revenueSource string = 'Network'

@description('Pool fee in percent for sites without their own entry, as a decimal number in a string.')
param poolFeePercent string = '0'

@description('Blockchair base address for the network estimate (https://api.blockchair.com/). Empty turns this source off.')
param blockchairBaseUrl string = ''

@description('CoinGecko API base address for prices, ending in api/v3/ (https://api.coingecko.com/api/v3/). Empty turns this source off.')
param coinGeckoBaseUrl string = ''

@description('CoinGecko demo API key. Stored in Key Vault; empty sends none.')
@secure()
param coinGeckoDemoApiKey string = ''

@description('WhatToMine base address for the Litecoin cross-check (https://whattomine.com/). Empty turns this source off.')
param whatToMineBaseUrl string = ''

@description('Dashboard address that alert messages link to, such as the functionAppUrl output followed by /api/dashboard. Empty sends no link.')
param dashboardUrl string = ''

@description('More app settings, name to string value, for settings without a parameter here: dictionary and list entries such as Alerts__Rules__ChipTempHigh__Threshold or Notifications__Channels__OpsSlack__Type, and limits to override. They win over the values this template sets. docs/settings.md lists every setting.')
param additionalAppSettings object = {}

@description('Secret app settings, name to value, such as Notifications__Channels__OpsSlack__Url or Notifications__Channels__Mail__Password. Each value is stored in Key Vault under the setting name with each underscore written as a hyphen, and the app setting becomes a Key Vault reference.')
@secure()
param secretAppSettings object = {}

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

// Key Vault secret names. A secret parameter left empty creates no secret, and its app setting stays empty
// instead of holding a reference that cannot resolve (the app would read the reference text).
var secretNames = {
  poolApiKey: 'pool-api-key'
  prohashingProxyBearerToken: 'prohashing-proxy-token'
  coinGeckoDemoApiKey: 'coingecko-demo-api-key'
}

// Key Vault allows letters, digits and hyphens in secret names, so Notifications__Channels__Mail__Password
// is stored as Notifications--Channels--Mail--Password.
var secretAppSettingNames = map(objectKeys(secretAppSettings), name => {
  setting: name
  secret: replace(name, '_', '-')
})

var secretAppSettingReferences = toObject(
  secretAppSettingNames,
  entry => entry.setting,
  entry => keyVaultReference(names.keyVault, entry.secret)
)

var secretAppSettingValues = toObject(
  secretAppSettingNames,
  entry => entry.secret,
  entry => secretAppSettings[entry.setting]
)

// Prefix of every table name (Storage:TablePrefix). The app creates missing tables on first use, and
// creating them here lets storage tools show them before the first batch arrives.
var tablePrefix = 'fleet'

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
    'AlertState'
    'AlertLog'
    'AlertMutes'
    'PoolProfitability'
    'PoolStatus'
    'PoolWorkers'
  ]: '${tablePrefix}${logicalName}'
]

// The alert delivery queue and the poison queue the Functions host moves failed messages to.
var queueNames = [
  'alert-notifications'
  'alert-notifications-poison'
]

@description('Returns a Key Vault reference app setting value for a secret, resolved by the app\'s managed identity.')
func keyVaultReference(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

// Every setting the app binds, by its configuration path with ':' written as '__'. A test compares these
// names with the options classes and with local.settings.example.json, so keep this an object literal.
var appSettings = {
  // Functions host: storage by managed identity (no connection string), telemetry by Entra ID.
  AzureWebJobsStorage__accountName: storage.outputs.accountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

  // Alerts
  Alerts__Enabled: 'true'
  Alerts__StormMinSubjects: '5'
  Alerts__FlappingWindow: '01:00:00'
  Alerts__FlappingMaxTransitions: '4'
  Alerts__MaxSampleAge: '00:10:00'
  Alerts__AbsenceGrace: '00:02:00'
  Alerts__MaxHistoryResults: '1000'

  // Event Hubs ingest drain
  EventHubs__ConnectionString: ''
  EventHubs__FullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
  EventHubs__HubName: eventHubs.outputs.hubName
  EventHubs__ConsumerGroup: eventHubs.outputs.consumerGroupName
  EventHubs__TimeBudgetSeconds: '20'
  EventHubs__MaxEventsPerReceive: '100'
  EventHubs__MaxWaitMilliseconds: '1000'

  // Fleet summary
  Fleet__StaleAfterSeconds: '180'
  Fleet__UptimeWindowHours: '24'

  // Fleet metrics for Azure Monitor
  FleetTelemetry__RefreshIntervalSeconds: '60'
  FleetTelemetry__RefreshEnabled: 'true'

  // Ingest
  Ingest__MaxRequestBodyBytes: '33554432'
  Ingest__MaxParallelWrites: '16'
  Ingest__UseTransactions: 'true'
  Ingest__MaxConcurrencyRetries: '8'

  // Notifications
  Notifications__DashboardUrl: dashboardUrl

  // Owner API
  OwnerApi__MaxPointsPerPage: '1000'
  OwnerApi__MaxRangeDays: '800'
  OwnerApi__StaleAfterSeconds: '180'
  OwnerApi__MaxExportRows: '500000'

  // Pools
  Pools__Provider: poolProvider
  Pools__StaleAfterMinutes: '15'
  Pools__ComparisonWindowMinutes: '60'
  Pools__FetchTimeoutSeconds: '120'
  Pools__Prohashing__Source: prohashingSource
  Pools__Prohashing__ApiKey: poolProvider == 'prohashing' && !empty(poolApiKey) ? keyVaultReference(names.keyVault, secretNames.poolApiKey) : ''
  Pools__Prohashing__WampUrl: prohashingWampUrl
  Pools__Prohashing__WampRealm: 'mining'
  Pools__Prohashing__WampAuthId: 'web'
  Pools__Prohashing__WampSecret: 'web'
  Pools__Prohashing__RestBaseUrl: prohashingRestBaseUrl
  Pools__Prohashing__ProxyBaseUrl: prohashingProxyBaseUrl
  Pools__Prohashing__ProxyBearerToken: empty(prohashingProxyBearerToken) ? '' : keyVaultReference(names.keyVault, secretNames.prohashingProxyBearerToken)
  Pools__Prohashing__RequestTimeoutSeconds: '30'
  Pools__Prohashing__ReconnectInitialDelaySeconds: '1'
  Pools__Prohashing__ReconnectMaxDelaySeconds: '60'
  Pools__Prohashing__AcceptAnyServerCertificate: 'false'
  Pools__ViaBtc__BaseUrl: viaBtcBaseUrl
  Pools__ViaBtc__ApiKey: poolProvider == 'viabtc' && !empty(poolApiKey) ? keyVaultReference(names.keyVault, secretNames.poolApiKey) : ''
  Pools__ViaBtc__Coin: viaBtcCoin
  Pools__ViaBtc__PageSize: '50'
  Pools__ViaBtc__MaxPages: '100'
  Pools__ViaBtc__RequestTimeoutSeconds: '30'

  // Profitability
  Profitability__DefaultSite__PowerPriceUsdPerKwh: powerPriceUsdPerKwh
  Profitability__DefaultSite__RevenueSource: revenueSource
  Profitability__DefaultSite__PoolFeePercent: poolFeePercent
  Profitability__Network__BlockchairBaseUrl: blockchairBaseUrl
  Profitability__Network__CoinGeckoBaseUrl: coinGeckoBaseUrl
  Profitability__Network__CoinGeckoDemoApiKey: empty(coinGeckoDemoApiKey) ? '' : keyVaultReference(names.keyVault, secretNames.coinGeckoDemoApiKey)
  Profitability__Network__WhatToMineBaseUrl: whatToMineBaseUrl
  Profitability__Network__CacheSeconds: '600'
  Profitability__Network__MaxAgeSeconds: '7200'
  Profitability__Network__ThrottleBackoffSeconds: '300'
  Profitability__Network__RequestTimeoutSeconds: '20'
  Profitability__Network__LtcBlockRewardCoins: '6.25'
  Profitability__Network__DogeBlockRewardCoins: '10000'
  Profitability__Network__IncludeDoge: 'true'
  Profitability__Network__CrossCheckTolerancePercent: '10'

  // Retention
  Retention__RawSamplesDays: '30'
  Retention__RollupDays: '730'

  // Rollups
  Rollups__MaxParallelReads: '8'
  Rollups__MaxHoursPerRun: '200'

  // Storage
  Storage__ConnectionString: ''
  Storage__TableServiceUri: storage.outputs.tableEndpoint
  Storage__QueueServiceUri: storage.outputs.queueEndpoint
  Storage__TablePrefix: tablePrefix
}

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
    secretValues: union(secretAppSettingValues, {
      '${secretNames.poolApiKey}': poolApiKey
      '${secretNames.prohashingProxyBearerToken}': prohashingProxyBearerToken
      '${secretNames.coinGeckoDemoApiKey}': coinGeckoDemoApiKey
    })
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
    appSettings: appSettings
    additionalAppSettings: union(additionalAppSettings, secretAppSettingReferences)
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
