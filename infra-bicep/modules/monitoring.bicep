// Log Analytics workspace and the workspace-based Application Insights component that receives the
// Functions host's logs and the fleet metrics the app exports through OpenTelemetry.

@description('Azure region of the resources.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days that Log Analytics keeps logs and metrics (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionDays int

@description('Daily ingestion cap of the workspace in GB, or -1 for no cap. Ingestion stops for the day when the cap is reached.')
param dailyQuotaGb int

@description('Tags applied to every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Resource id of the Application Insights component.')
output appInsightsId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Connection string of the Application Insights component. It carries the instrumentation key, which Microsoft documents as an identifier and not a secret.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id
