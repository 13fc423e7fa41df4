// Azure Monitor workbook that charts the fleet metrics the app exports to Application Insights through
// OpenTelemetry (meter FleetServerless.Fleet, one series per site).

@description('Azure region of the workbook.')
param location string

@description('Title shown in the Azure portal.')
param displayName string

@description('Name of the Application Insights component the queries run against.')
param appInsightsName string

@description('Tags applied to the workbook.')
param tags object

// The JSON file is the workbook as the portal's Advanced Editor shows it. Only the resource it queries
// is filled in here, so the file can be edited in the portal and pasted back unchanged.
var workbookContent = json(loadTextContent('../workbooks/fleet-workbook.json'))

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(appInsights.id, 'fleet-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: string(union(workbookContent, { fallbackResourceIds: [appInsights.id] }))
  }
}

@description('Resource id of the workbook.')
output workbookId string = workbook.id
