namespace FleetServerless.Infra.Tests.Bicep;

/// <summary>
/// Proves that the checks above can fail: templates with a finding, written to a temporary folder next to a
/// copy of the repository's bicepconfig.json, are rejected.
/// </summary>
public sealed class LintFailureTests
{
    // An unused parameter: Bicep's default level for no-unused-params is a warning.
    private const string UnusedParameterTemplate = """
        param location string = resourceGroup().location
        param unused string = 'x'

        output where string = location
        """;

    // A resource type Bicep has no type information for: compiler warning BCP081, which no bicepconfig
    // setting turns into an error.
    private const string UnknownTypeTemplate = """
        resource thing 'Microsoft.FleetServerless/things@2020-01-01' = {
          name: 'thing'
        }
        """;

    [Fact]
    public async Task Lint_UnusedParameter_ExitsWithError()
    {
        var template = WriteWithRepositoryConfig("unused-parameter.bicep", UnusedParameterTemplate);

        var result = await BicepCli.RunAsync("lint", template);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, line => line.Contains("Error no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_UnusedParameter_ExitsWithError()
    {
        var template = WriteWithRepositoryConfig("unused-parameter.bicep", UnusedParameterTemplate);

        var result = await BicepCli.RunAsync("build", template, "--stdout");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Lint_CompilerWarning_IsReportedAsDiagnostic()
    {
        var template = WriteWithRepositoryConfig("unknown-type.bicep", UnknownTypeTemplate);

        var result = await BicepCli.RunAsync("lint", template);

        // Bicep exits 0 on a warning, so only the diagnostics check in TemplateCheckTests catches it.
        Assert.Contains(result.Diagnostics, line => line.Contains("Warning BCP081", StringComparison.Ordinal));
    }

    private static string WriteWithRepositoryConfig(string fileName, string content)
    {
        var folder = Directory.CreateTempSubdirectory("fleet-bicep-lint-").FullName;
        File.Copy(RepositoryPaths.BicepConfig, Path.Combine(folder, "bicepconfig.json"));
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content);
        return path;
    }
}
