using System.Text.Json;

namespace FleetServerless.Functions.Tests.Hosting;

/// <summary>The <c>functions.metadata</c> file that the Functions SDK generates into the Functions app's build output.</summary>
internal static class FunctionsMetadata
{
    /// <summary>One function's trigger as the metadata describes it, normalized for comparison.</summary>
    public sealed record TriggerInfo(string Name, string Trigger, string? Route, string Methods, string? AuthLevel, string? Schedule, string? Queue);

    /// <summary>
    /// Finds the file of the build configuration this test runs in (Debug or Release); the test project's
    /// build-order reference builds the Functions app first.
    /// </summary>
    public static string FindFile()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FleetServerless.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"FleetServerless.sln was not found above {AppContext.BaseDirectory}.");
        }

        var path = Path.Combine(root.FullName, "functions", "FleetServerless.Functions", "bin", configuration, framework, "functions.metadata");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"functions.metadata was not found at {path}; build functions/FleetServerless.Functions in {configuration}.", path);
    }

    public static IReadOnlyList<TriggerInfo> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var triggers = new List<TriggerInfo>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            triggers.Add(new TriggerInfo(
                name,
                trigger.GetProperty("type").GetString()!,
                Text(trigger, "route"),
                trigger.TryGetProperty("methods", out var methods)
                    ? string.Join(",", methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal))
                    : "",
                Text(trigger, "authLevel"),
                Text(trigger, "schedule"),
                Text(trigger, "queueName")));
        }

        return triggers.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
