namespace FleetServerless.Core.Telemetry;

/// <summary>
/// The relay's state at the time of a batch, so the cloud side can tell "relay down" from "miners down".
/// </summary>
public sealed record RelayHeartbeat
{
    public string? Version { get; init; }

    public double? UptimeSeconds { get; init; }

    /// <summary>Batches waiting in the outbox when this batch was built, this one excluded.</summary>
    public int? OutboxDepth { get; init; }

    public int? MinersConfigured { get; init; }

    /// <summary>Samples the outbox dropped to stay under its size bound since the previous batch.</summary>
    public int? SamplesThinned { get; init; }
}
