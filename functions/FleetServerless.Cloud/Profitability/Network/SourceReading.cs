namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// A source's latest usable response (fresh or cached) and, when the last attempt failed or was skipped for a
/// back-off, the reason. Both can be set: a throttled source still offers its cached response.
/// </summary>
public sealed record SourceReading(string Source, NetworkObservation? Observation, string? Error);
