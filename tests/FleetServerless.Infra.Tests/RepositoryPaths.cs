namespace FleetServerless.Infra.Tests;

/// <summary>Paths of the repository files these tests read, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that contains <c>FleetServerless.sln</c>.</summary>
    public static string Root => RootPath.Value;

    public static string InfraBicep => Path.Combine(Root, "infra-bicep");

    public static string MainTemplate => Path.Combine(InfraBicep, "main.bicep");

    public static string BicepConfig => Path.Combine(InfraBicep, "bicepconfig.json");

    public static string LocalSettingsExample => Path.Combine(Root, "local.settings.example.json");

    /// <summary>Every <c>.bicep</c> file under <c>infra-bicep/</c>, relative to it, with '/' separators.</summary>
    public static IEnumerable<string> Templates() =>
        Directory.EnumerateFiles(InfraBicep, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(InfraBicep, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetServerless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"FleetServerless.sln not found above {AppContext.BaseDirectory}; run the tests from the repository's build output.");
    }
}
