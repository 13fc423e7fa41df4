using System.Text.Json.Nodes;
using FleetServerless.Infra.Tests.Bicep;

namespace FleetServerless.Infra.Tests.Templates;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of <c>main.bicep</c>, built once per test run, with the
/// resources of every module (nested deployment) listed flat.
/// </summary>
internal sealed class CompiledTemplate
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static CompiledTemplate? _main;

    private CompiledTemplate(JsonObject root, string json)
    {
        Root = root;
        Json = json;
        Resources = Flatten(root).ToList();
    }

    public JsonObject Root { get; }

    /// <summary>The template as text, for checks over all of it.</summary>
    public string Json { get; }

    /// <summary>Every resource of the template and of its nested deployments, depth first.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>Builds main.bicep, or reports the calling test skipped when the Bicep CLI is missing.</summary>
    public static async Task<CompiledTemplate> MainAsync()
    {
        BicepCli.RequirePath();
        await BuildLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_main is null)
            {
                var output = Path.Combine(Directory.CreateTempSubdirectory("fleet-bicep-main-").FullName, "main.json");
                var result = await BicepCli.RunAsync("build", RepositoryPaths.MainTemplate, "--outfile", output);
                Assert.True(result.ExitCode == 0, $"bicep build main.bicep failed:\n{result.Output}");
                var json = await File.ReadAllTextAsync(output);
                _main = new CompiledTemplate(JsonNode.Parse(json)!.AsObject(), json);
            }

            return _main;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    /// <summary>The resources of one type, such as <c>Microsoft.Storage/storageAccounts</c>.</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The single resource of a type; fails the test when there is none or more than one.</summary>
    public JsonObject Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected one {type} in the compiled template, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The nested deployment of a module by its name in main.bicep, such as <c>functionApp</c>.</summary>
    public JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(resource => (string?)resource["name"] == name);

    private static IEnumerable<JsonObject> Flatten(JsonObject template)
    {
        // Templates with languageVersion 2.0 keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject byName => byName.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
