// Key Vault for the secrets the Function App reads through Key Vault references in its app settings.
// Access is by Azure RBAC only (no access policies), so each reader gets a role on this vault.

@description('Azure region of the vault.')
param location string

@description('Name of the vault: 3 to 24 letters, digits and hyphens, unique across Azure.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Days a deleted vault or secret can be recovered (7 to 90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionDays int

@description('Block purging deleted secrets and vaults until the retention ends. Once on, it cannot be turned off, and the vault name stays taken after a teardown for the retention period.')
param enablePurgeProtection bool

@description('Secret values to store, keyed by secret name. Empty values are skipped, so a secret can be set later with az keyvault secret set.')
@secure()
param secretValues object

@description('Tags applied to the vault.')
param tags object

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: vaultName
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
    softDeleteRetentionInDays: softDeleteRetentionDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = [
  for secret in items(secretValues): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

@description('Name of the vault.')
output vaultName string = vault.name

@description('Resource id of the vault.')
output vaultId string = vault.id

@description('URI of the vault, ending in a slash.')
output vaultUri string = vault.properties.vaultUri
