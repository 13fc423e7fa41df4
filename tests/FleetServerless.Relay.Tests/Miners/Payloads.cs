using System.Runtime.CompilerServices;
using System.Text.Json;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Loads the payload files beside this source file, so they need no copy to the output folder.</summary>
internal static class Payloads
{
    public static readonly DateTimeOffset CollectedAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static MinerOptions Miner => new() { Name = "rig01", Host = "127.0.0.2" };

    public static string Folder(string name, [CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "Payloads", name);

    public static JsonElement? Load(string folder, string file)
    {
        var path = Path.Combine(Path.IsPathRooted(folder) ? folder : Folder(folder), file);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement : null;
    }

    public static VnishDocuments Vnish(string folder) => new()
    {
        Info = Load(folder, "info.json"),
        Status = Load(folder, "status.json"),
        Summary = Load(folder, "summary.json"),
        Boards = Load(folder, "chains.json") ?? Load(folder, "boards.json"),
        PerfSummary = Load(folder, "perf-summary.json"),
    };

    public static CgminerReplies Cgminer(string folder) => new()
    {
        Summary = Load(folder, "summary.json"),
        Stats = Load(folder, "stats.json"),
        Pools = Load(folder, "pools.json"),
    };

    /// <summary>Parses JSON text into an element, for tests that change one field of a payload.</summary>
    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    /// <summary>Returns the payload with one property replaced, found by a path of property names.</summary>
    public static JsonElement With(JsonElement? payload, string[] path, string replacementJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload!.Value.GetRawText())!;
        var parent = node;
        foreach (var name in path[..^1])
        {
            parent = parent[name]!;
        }

        parent[path[^1]] = replacementJson == "<remove>" ? null : System.Text.Json.Nodes.JsonNode.Parse(replacementJson);
        if (replacementJson == "<remove>")
        {
            parent.AsObject().Remove(path[^1]);
        }

        return Json(node.ToJsonString());
    }
}
