using System.Text.Json;

namespace FleetServerless.Relay.Miners;

/// <summary>The parsed <c>summary</c>, <c>stats</c> and <c>pools</c> replies of one TCP API read; any may be missing.</summary>
public sealed record CgminerReplies
{
    public JsonElement? Summary { get; init; }

    public JsonElement? Stats { get; init; }

    public JsonElement? Pools { get; init; }
}
