using System.Text.Json.Nodes;

namespace FleetServerless.Infra.Tests.Templates;

/// <summary>Security properties of the compiled ARM template that a deployment must never lose.</summary>
public sealed class SecurityPropertyTests
{
    // Built-in role definition ids the template may assign; any other role is a finding.
    private static readonly Dictionary<string, string> AllowedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["a638d3c7-ab3a-418d-83e6-5f17a39d4fde"] = "Azure Event Hubs Data Receiver",
        ["2b629674-e913-4c01-ae53-ef4638d8f975"] = "Azure Event Hubs Data Sender",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    [Fact]
    public async Task Storage_BlobPublicAccess_IsOff()
    {
        var account = (await CompiledTemplate.MainAsync()).Single("Microsoft.Storage/storageAccounts");

        Assert.False((bool?)account["properties"]?["allowBlobPublicAccess"] ?? true);
    }

    [Fact]
    public async Task Storage_MinimumTls_Is12()
    {
        var account = (await CompiledTemplate.MainAsync()).Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("TLS1_2", (string?)account["properties"]?["minimumTlsVersion"]);
    }

    [Fact]
    public async Task Storage_HttpsOnly_IsOn()
    {
        var account = (await CompiledTemplate.MainAsync()).Single("Microsoft.Storage/storageAccounts");

        Assert.True((bool?)account["properties"]?["supportsHttpsTrafficOnly"] ?? false);
    }

    [Fact]
    public async Task Storage_DeploymentContainer_IsPrivate()
    {
        var container = (await CompiledTemplate.MainAsync()).Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", (string?)container["properties"]?["publicAccess"]);
    }

    [Fact]
    public async Task Storage_SharedKeyAccess_IsOffByDefault()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.False((bool?)template.Root["parameters"]?["storageAllowSharedKeyAccess"]?["defaultValue"] ?? true);
    }

    [Fact]
    public async Task FunctionApp_HttpsOnly_IsOn()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");

        Assert.True((bool?)site["properties"]?["httpsOnly"] ?? false);
    }

    [Fact]
    public async Task FunctionApp_MinimumTls_Is12()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");

        Assert.Equal("1.2", (string?)site["properties"]?["siteConfig"]?["minTlsVersion"]);
    }

    [Fact]
    public async Task FunctionApp_Identity_IsSystemAssigned()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");

        Assert.Equal("SystemAssigned", (string?)site["identity"]?["type"]);
    }

    [Fact]
    public async Task FunctionApp_Plan_IsFlexConsumption()
    {
        var plan = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/serverfarms");

        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
    }

    [Fact]
    public async Task FunctionApp_DeploymentStorage_UsesIdentity()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");
        var authentication = site["properties"]?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"];

        Assert.Equal("SystemAssignedIdentity", (string?)authentication?["type"]);
    }

    [Fact]
    public async Task FunctionApp_AzureWebJobsStorage_UsesIdentity()
    {
        var settings = AppSettings.Of(await CompiledTemplate.MainAsync());

        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public async Task FunctionApp_Runtime_IsDotnetIsolated()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");

        Assert.Equal("dotnet-isolated", (string?)site["properties"]?["functionAppConfig"]?["runtime"]?["name"]);
    }

    [Fact]
    public async Task Template_ReadsNoKeys()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.DoesNotContain("listKeys(", template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listConnectionStrings(", template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RelayRule_Rights_AreSendOnly()
    {
        var rule = (await CompiledTemplate.MainAsync()).Single("Microsoft.EventHub/namespaces/eventhubs/authorizationRules");
        var rights = rule["properties"]?["rights"]?.AsArray().Select(right => (string?)right).ToList();

        Assert.Equal(["Send"], rights);
    }

    [Fact]
    public async Task EventHubs_NamespaceRules_AreNotCreated()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.Empty(template.OfType("Microsoft.EventHub/namespaces/authorizationRules"));
    }

    [Fact]
    public async Task EventHubs_IngestConsumerGroup_IsCreated()
    {
        var group = (await CompiledTemplate.MainAsync()).Single("Microsoft.EventHub/namespaces/eventhubs/consumergroups");

        Assert.NotNull(group["name"]);
    }

    [Fact]
    public async Task KeyVault_Authorization_IsRbac()
    {
        var vault = (await CompiledTemplate.MainAsync()).Single("Microsoft.KeyVault/vaults");

        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"] ?? false);
    }

    [Fact]
    public async Task RoleIds_AreDataRoles()
    {
        var roleIds = RoleIds(await CompiledTemplate.MainAsync());

        Assert.NotEmpty(roleIds);
        foreach (var (name, id) in roleIds)
        {
            Assert.True(AllowedRoles.ContainsKey(id), $"roles.bicep assigns {name} ({id}), which is not one of the data roles.");
        }
    }

    [Fact]
    public async Task RoleAssignments_UseRoleIdsTable()
    {
        var assignments = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var definition = (string?)assignment["properties"]?["roleDefinitionId"] ?? "";
            Assert.True(
                definition.Contains("variables('roleIds')", StringComparison.Ordinal),
                $"Role assignment {assignment["name"]} takes its role from outside the roleIds table: {definition}");
        }
    }

    [Fact]
    public async Task FunctionApp_GetsEventHubsDataReceiver()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.Equal("a638d3c7-ab3a-418d-83e6-5f17a39d4fde", RoleIds(template)["eventHubsDataReceiver"]);
        Assert.Contains(
            template.OfType("Microsoft.Authorization/roleAssignments"),
            assignment => ((string?)assignment["properties"]?["roleDefinitionId"] ?? "").Contains("roleIds').eventHubsDataReceiver", StringComparison.Ordinal)
                && ((string?)assignment["properties"]?["principalId"] ?? "").Contains("Microsoft.Web/sites", StringComparison.Ordinal));
    }

    // The role definition ids that roles.bicep keeps in its roleIds variable, by name.
    private static Dictionary<string, string> RoleIds(CompiledTemplate template)
    {
        var variables = template.Module("roles")["properties"]?["template"]?["variables"]?["roleIds"] as JsonObject;
        Assert.True(variables is not null, "The roles module has no roleIds variable.");
        return variables!.ToDictionary(pair => pair.Key, pair => (string?)pair.Value ?? "");
    }
}
