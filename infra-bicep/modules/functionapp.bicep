// The Function App on the Flex Consumption plan (Linux, .NET isolated worker) with a system-assigned
// identity. The host reaches its storage by that identity (AzureWebJobsStorage__accountName, no
// connection string), and the deployment package is read from a blob container by the same identity.

@description('Azure region of the plan and the app.')
param location string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App, which is also the first label of its host name.')
param appName string

@description('Blob endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Container that holds the deployment package.')
param deploymentContainerName string

@description('.NET version of the isolated worker. It must match the TargetFramework of the Functions project.')
@allowed([
  '8.0'
  '9.0'
  '10.0'
])
param dotnetVersion string

@description('Memory of one instance in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMb int

@description('Maximum number of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('App settings, name to value. Secrets arrive as Key Vault references, never as values.')
param appSettings object

@description('More app settings that win over appSettings: the deployment\'s own additions and secret references.')
param additionalAppSettings object

@description('Tags applied to the plan and the app.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        for setting in items(union(appSettings, additionalAppSettings)): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMb
        maximumInstanceCount: maximumInstanceCount
      }
      // NOTE: whether Flex Consumption accepts version 10.0 in a given region was not checked against Azure
      // here; az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated lists them.
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// Publishing with basic credentials (FTP and the SCM site with a user name and password) stays off:
// 'func azure functionapp publish' and 'az functionapp deployment source config-zip' use Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output appName string = app.name

@description('Default host name of the Function App.')
output defaultHostName string = app.properties.defaultHostName

@description('Object id of the app\'s system-assigned identity, the principal of its role assignments.')
output principalId string = app.identity.principalId
