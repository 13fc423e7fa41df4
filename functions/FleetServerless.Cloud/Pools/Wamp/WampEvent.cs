using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>One EVENT a subscription received: the positional and keyword payloads, either may be null.</summary>
public sealed record WampEvent(string Topic, long PublicationId, JsonArray? Arguments, JsonObject? KeywordArguments);
