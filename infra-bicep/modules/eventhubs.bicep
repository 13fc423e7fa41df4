// Event Hubs namespace with the one hub the relays publish telemetry batches to, the consumer group the
// ingest drain reads with, and (for relays that authenticate with a shared access signature) an
// authorization rule on the hub that can only send.

@description('Azure region of the namespace.')
param location string

@description('Name of the Event Hubs namespace: 6 to 50 letters, digits and hyphens, unique across Azure.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Pricing tier. Basic allows only the $Default consumer group and one day of retention, while Standard adds named consumer groups and up to 7 days.')
@allowed([
  'Basic'
  'Standard'
])
param skuName string

@description('Throughput units: each accepts 1 MB/s or 1,000 events/s of ingress.')
@minValue(1)
@maxValue(20)
param capacity int

@description('Name of the hub.')
param hubName string

@description('Partitions of the hub. The partition key is the site id, so one site always lands in one partition. The count cannot be changed after creation on Basic and Standard.')
@allowed([
  1
  2
  4
  8
  16
  32
])
param partitionCount int

@description('Hours the hub keeps events that the drain has not read yet. Basic allows at most 24.')
@minValue(1)
@maxValue(168)
param retentionHours int

@description('Consumer group of the ingest drain. Ignored on Basic, which has only $Default.')
param consumerGroupName string

@description('How the relay authenticates: SharedAccessSignature creates a send-only rule on the hub, and EntraId turns shared access signatures off for the whole namespace and relies on the Azure Event Hubs Data Sender role.')
@allowed([
  'SharedAccessSignature'
  'EntraId'
])
param relayAuthentication string

@description('Name of the relay\'s send-only authorization rule.')
param relaySendRuleName string

@description('Tags applied to the namespace.')
param tags object

var useNamedConsumerGroup = skuName != 'Basic'

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: capacity
  }
  properties: {
    disableLocalAuth: relayAuthentication == 'EntraId'
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    isAutoInflateEnabled: false
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: hubName
  properties: {
    partitionCount: partitionCount
    retentionDescription: {
      cleanupPolicy: 'Delete'
      retentionTimeInHours: skuName == 'Basic' ? min(retentionHours, 24) : retentionHours
    }
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = if (useNamedConsumerGroup) {
  parent: hub
  name: consumerGroupName
  properties: {
    userMetadata: 'Read by the cloud side\'s ingest drain. Checkpoints are kept in Table Storage.'
  }
}

resource relaySendRule 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules@2026-01-01' = if (relayAuthentication == 'SharedAccessSignature') {
  parent: hub
  name: relaySendRuleName
  properties: {
    rights: [
      'Send'
    ]
  }
}

@description('Name of the namespace.')
output namespaceName string = namespace.name

@description('Host name of the namespace (the service bus endpoint without scheme and port).')
output fullyQualifiedNamespace string = replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':443/', '')

@description('Name of the hub.')
output hubName string = hub.name

@description('Resource id of the hub, the scope of the role assignments.')
output hubId string = hub.id

@description('Consumer group the ingest drain reads with.')
output consumerGroupName string = useNamedConsumerGroup ? consumerGroup.name : '$Default'

@description('Name of the relay\'s send-only rule, empty when the relay authenticates with Entra ID.')
output relaySendRuleName string = relayAuthentication == 'SharedAccessSignature' ? relaySendRule.name : ''
