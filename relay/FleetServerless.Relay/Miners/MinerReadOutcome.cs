using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Miners;

/// <summary>A reader's result: the sample, and whether the API looked absent (so detection should try the other one).</summary>
internal sealed record MinerReadOutcome(MinerSample Sample, bool ApiAbsent);
