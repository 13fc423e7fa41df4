using System.Text.RegularExpressions;
using FleetServerless.Infra.Tests.Templates;

namespace FleetServerless.Infra.Tests.Settings;

/// <summary>
/// Every setting the options classes bind appears in local.settings.example.json, in the Function App's app
/// settings in main.bicep and in docs/settings.md. Secrets are Key Vault references in Azure and empty or
/// loopback in the example, and neither file carries a setting that no options class binds.
/// </summary>
/// <remarks>
/// Lists and dictionaries are only documented, with an example entry in docs/settings.md: an entry in the
/// example file or in Bicep would create a real element (an empty webhook, say) in every deployment.
/// </remarks>
public sealed partial class SettingsParityTests
{
    // Settings that are deliberately absent from one side, with the reason. Empty today.
    private static readonly Dictionary<string, string> NotInExample = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> NotInBicep = new(StringComparer.OrdinalIgnoreCase);

    // Settings whose name looks secret but whose value is public, with the reason.
    private static readonly Dictionary<string, string> PublicValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Pools__Prohashing__WampSecret"] = "Prohashing's WAMP-CRA secret is the public value 'web', the same for every client.",
    };

    private static readonly string SettingsDoc = Path.Combine(RepositoryPaths.Root, "docs", "settings.md");

    public static TheoryData<string> ScalarSettings() =>
        new(SettingsCatalog.All().Where(setting => !setting.IsCollection).Select(setting => setting.Name));

    public static TheoryData<string> AllSettings() => new(SettingsCatalog.All().Select(setting => setting.Name));

    [Fact]
    public void Catalog_FindsStorageOptions()
    {
        var settings = SettingsCatalog.All();

        Assert.Contains(settings, setting => setting.Name == "Storage__TableServiceUri");
        Assert.Contains(settings, setting => setting.Name == "Storage__ConnectionString" && setting.IsSecret);
    }

    [Theory]
    [MemberData(nameof(ScalarSettings))]
    public void Example_ContainsSetting(string name)
    {
        if (NotInExample.ContainsKey(name))
        {
            return;
        }

        Assert.True(
            LocalSettingsExample.Values().ContainsKey(name),
            $"local.settings.example.json Values has no {name} (bound by {Find(name).Source}). Add it with a value that works against Azurite.");
    }

    [Theory]
    [MemberData(nameof(ScalarSettings))]
    public async Task Bicep_ContainsSetting(string name)
    {
        if (NotInBicep.ContainsKey(name))
        {
            return;
        }

        var settings = AppSettings.Of(await CompiledTemplate.MainAsync());

        Assert.True(
            settings.ContainsKey(name),
            $"main.bicep passes no app setting {name} (bound by {Find(name).Source}) to the functionApp module.");
    }

    [Theory]
    [MemberData(nameof(AllSettings))]
    public void SettingsDoc_DocumentsSetting(string name)
    {
        var setting = Find(name);
        var text = File.ReadAllText(SettingsDoc);
        var documented = setting.IsCollection ? text.Contains(name + "__", StringComparison.Ordinal) : text.Contains($"`{name}`", StringComparison.Ordinal);

        Assert.True(
            documented,
            setting.IsCollection
                ? $"docs/settings.md shows no example entry of {name} (such as `{name}__0__...`)."
                : $"docs/settings.md does not document `{name}`.");
    }

    [Fact]
    public async Task Bicep_Secrets_AreKeyVaultReferences()
    {
        var template = await CompiledTemplate.MainAsync();
        var settings = AppSettings.Of(template);

        foreach (var secret in Secrets())
        {
            if (!settings.TryGetValue(secret.Name, out var value))
            {
                continue;
            }

            Assert.True(
                value.Length == 0 || value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal) || CallsKeyVaultReference(template, value),
                $"App setting {secret.Name} is a secret. In main.bicep it must be a Key Vault reference or empty, not {value}.");
        }
    }

    [Fact]
    public void Example_Secrets_AreEmptyOrLoopback()
    {
        var values = LocalSettingsExample.Values();

        foreach (var secret in Secrets())
        {
            if (!values.TryGetValue(secret.Name, out var value) || value.Length == 0)
            {
                continue;
            }

            Assert.True(
                value == "UseDevelopmentStorage=true" || (HostsIn(value).Count > 0 && HostsIn(value).All(IsLoopback)),
                $"local.settings.example.json {secret.Name} is a secret. Leave it empty or point it at a loopback emulator.");
        }
    }

    [Fact]
    public void Example_Addresses_AreLoopback()
    {
        foreach (var (name, value) in LocalSettingsExample.Values())
        {
            foreach (var host in HostsIn(value))
            {
                Assert.True(IsLoopback(host), $"local.settings.example.json {name} points at {host}; samples use loopback addresses only.");
            }
        }
    }

    [Fact]
    public void Example_WorksWithCoreTools()
    {
        var values = LocalSettingsExample.Values();

        Assert.Equal("dotnet-isolated", values.GetValueOrDefault("FUNCTIONS_WORKER_RUNTIME"));
        Assert.Equal("UseDevelopmentStorage=true", values.GetValueOrDefault("AzureWebJobsStorage"));
    }

    [Fact]
    public void Example_HasNoUnboundSettings()
    {
        AssertAllBound(LocalSettingsExample.Values().Keys, "local.settings.example.json");
    }

    [Fact]
    public async Task Bicep_HasNoUnboundSettings()
    {
        AssertAllBound(AppSettings.Of(await CompiledTemplate.MainAsync()).Keys, "main.bicep");
    }

    // A name whose first segment is an options section must be a setting of that section, so a renamed or
    // removed property cannot leave a dead setting behind.
    private static void AssertAllBound(IEnumerable<string> names, string file)
    {
        var settings = SettingsCatalog.All();
        var sections = SettingsCatalog.OptionsTypes()
            .Select(pair => SettingsCatalog.ToAppSettingName(pair.Section).Split("__")[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var name in names)
        {
            if (!sections.Contains(name.Split("__")[0]))
            {
                continue;
            }

            Assert.True(
                settings.Any(setting => setting.Matches(name)),
                $"{file} sets {name}, which no options class binds. Remove it or fix its name.");
        }
    }

    private static IEnumerable<BoundSetting> Secrets() =>
        SettingsCatalog.All().Where(setting => setting.IsSecret && !setting.IsCollection && !PublicValues.ContainsKey(setting.Name));

    // main.bicep builds references with its user-defined function keyVaultReference, which the compiled
    // template calls as __bicep.keyVaultReference. The call counts only if that function returns a reference.
    private static bool CallsKeyVaultReference(CompiledTemplate template, string value)
    {
        var function = template.Root["functions"]?.AsArray()
            .Select(space => space?["members"]?["keyVaultReference"])
            .FirstOrDefault(member => member is not null);
        var body = function?["output"]?["value"]?.ToString() ?? "";

        return value.Contains("__bicep.keyVaultReference(", StringComparison.Ordinal)
            && body.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal);
    }

    private static BoundSetting Find(string name) =>
        SettingsCatalog.All().Single(setting => string.Equals(setting.Name, name, StringComparison.Ordinal));

    private static List<string> HostsIn(string value) =>
        UrlHost().Matches(value).Select(match => match.Groups["host"].Value).ToList();

    private static bool IsLoopback(string host) =>
        host is "localhost" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:https?|amqps?|sb|wss?|smtps?)://(?:[^@/\s;]*@)?(?<host>\[[0-9a-fA-F:]+\]|[^:/\s;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlHost();
}
