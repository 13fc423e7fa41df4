using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>The RESULT of one CALL: the positional and keyword payloads, either may be null.</summary>
public sealed record WampResult(JsonArray? Arguments, JsonObject? KeywordArguments);
