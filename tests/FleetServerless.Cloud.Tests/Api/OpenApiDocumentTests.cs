using System.Text.Json;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.Cloud.Tests.Api;

/// <summary>The OpenAPI file lists exactly the HTTP routes both hosts register.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public void OpenApi_MatchesDevHostRoutes()
    {
        var documented = DocumentedOperations();
        var devHost = FunctionRegistry.Discover()
            .Where(f => f.Trigger == FunctionTrigger.Http)
            .SelectMany(f => f.Methods.Select(m => Operation(m, f.Route!)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(devHost.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(devHost).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OpenApi_MatchesFunctionsMetadata()
    {
        var documented = DocumentedOperations();
        using var metadata = JsonDocument.Parse(File.ReadAllText(FindFunctionsMetadata()));
        var functions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger"))
            {
                foreach (var method in binding.GetProperty("methods").EnumerateArray())
                {
                    functions.Add(Operation(method.GetString()!, binding.GetProperty("route").GetString()!));
                }
            }
        }

        Assert.NotEmpty(functions);
        Assert.Empty(functions.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(functions).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OpenApi_KeyedOperationsDocument401()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DocumentPath()));
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                var anonymous = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                var has401 = operation.Value.GetProperty("responses").TryGetProperty("401", out _);

                Assert.True(anonymous || has401, $"{operation.Name.ToUpperInvariant()} {path.Name} needs a key but documents no 401.");
                Assert.True(!anonymous || path.Name == "/api/health", $"{path.Name} is documented as anonymous; only /api/health is.");
            }
        }
    }

    private static HashSet<string> DocumentedOperations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DocumentPath()));
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            Assert.StartsWith("/api/", path.Name);
            foreach (var method in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                operations.Add(Operation(method.Name, path.Name["/api/".Length..]));
            }
        }

        return operations;
    }

    private static string Operation(string method, string route) => $"{method.ToUpperInvariant()} /api/{route}";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FleetServerless.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"FleetServerless.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string DocumentPath() => Path.Combine(RepositoryRoot(), "openapi", "fleetserverless.json");

    /// <summary>The metadata of the build configuration this test runs in; the project reference builds it first.</summary>
    private static string FindFunctionsMetadata()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot(), "functions", "FleetServerless.Functions", "bin", output.Parent!.Name, output.Name, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not found at {path}; build functions/FleetServerless.Functions in {output.Parent.Name}.");
        return path;
    }
}
