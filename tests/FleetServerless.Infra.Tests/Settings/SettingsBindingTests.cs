using Microsoft.Extensions.Configuration;
using FleetServerless.Infra.Tests.Templates;

namespace FleetServerless.Infra.Tests.Settings;

/// <summary>
/// The values in local.settings.example.json and the literal values in main.bicep bind to the options classes
/// with the real configuration binder. An empty value binds to an empty string for text and to null for a Uri
/// or a nullable type, but fails for an int, bool, enum or TimeSpan, so such a setting must carry its default.
/// </summary>
public sealed class SettingsBindingTests
{
    [Fact]
    public void Example_Values_Bind()
    {
        AssertBinds(LocalSettingsExample.Values(), "local.settings.example.json");
    }

    [Fact]
    public async Task Bicep_LiteralValues_Bind()
    {
        // ARM expressions ('[...]') are only known at deployment, so only literal values are bound here.
        var literals = AppSettings.Of(await CompiledTemplate.MainAsync())
            .Where(pair => !pair.Value.StartsWith('['))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

        AssertBinds(literals, "main.bicep");
    }

    private static void AssertBinds(IReadOnlyDictionary<string, string> values, string file)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair =>
                new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)))
            .Build();

        foreach (var (type, section) in SettingsCatalog.OptionsTypes())
        {
            var instance = Activator.CreateInstance(type)!;
            var exception = Record.Exception(() => configuration.GetSection(section).Bind(instance));

            Assert.True(exception is null, $"{file} does not bind to {type.Name} (section {section}): {exception?.Message}");
        }
    }
}
