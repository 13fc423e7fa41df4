using System.Text.Json;

namespace FleetServerless.Relay.Miners;

/// <summary>The web API responses one read collected. Any of them is null when its request failed.</summary>
public sealed record VnishDocuments
{
    public JsonElement? Info { get; init; }

    public JsonElement? Status { get; init; }

    /// <summary>The whole <c>/summary</c> body, <c>{"miner": ...}</c>.</summary>
    public JsonElement? Summary { get; init; }

    /// <summary>The array from <c>/chains</c> (1.2.x) or <c>/boards</c> (1.3.x).</summary>
    public JsonElement? Boards { get; init; }

    public JsonElement? PerfSummary { get; init; }
}
