namespace FleetServerless.Infra.Tests.Bicep;

/// <summary>
/// Every template under infra-bicep/ builds and lints with no diagnostic at all. One Bicep run covers all
/// templates (<c>--pattern</c>), because each run starts a fresh Bicep process of several seconds.
/// </summary>
public sealed class TemplateCheckTests
{
    private const string AllTemplates = "**/*.bicep";

    [Fact]
    public void Templates_AreFound()
    {
        var templates = RepositoryPaths.Templates().ToList();

        Assert.Contains("main.bicep", templates);
        Assert.Contains("modules/workbook.bicep", templates);
    }

    [Fact]
    public async Task Templates_Build_WithoutDiagnostics()
    {
        var output = Directory.CreateTempSubdirectory("fleet-bicep-build-").FullName;

        var result = await BicepCli.RunInAsync(RepositoryPaths.InfraBicep, "build", "--pattern", AllTemplates, "--outdir", output);

        Assert.True(result.ExitCode == 0, $"bicep build exited with {result.ExitCode}:\n{result.Output}");
        Assert.True(result.Diagnostics.Count == 0, $"bicep build reported:\n{string.Join('\n', result.Diagnostics)}");
        foreach (var template in RepositoryPaths.Templates())
        {
            var json = Path.Combine(output, Path.ChangeExtension(template, ".json"));
            Assert.True(File.Exists(json), $"bicep build wrote no {json} for {template}.");
        }
    }

    [Fact]
    public async Task Templates_Lint_WithoutDiagnostics()
    {
        var result = await BicepCli.RunInAsync(RepositoryPaths.InfraBicep, "lint", "--pattern", AllTemplates);

        Assert.True(result.ExitCode == 0, $"bicep lint exited with {result.ExitCode}:\n{result.Output}");
        Assert.True(result.Diagnostics.Count == 0, $"bicep lint reported:\n{string.Join('\n', result.Diagnostics)}");
    }
}
