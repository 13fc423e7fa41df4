namespace FleetServerless.Core.Telemetry;

/// <summary>
/// One batch of miner samples sent by a relay: the only document the relay and the cloud side share.
/// </summary>
/// <remarks>
/// A batch is identified by <see cref="BatchId"/>; ingesting the same batch twice changes nothing.
/// <see cref="Sequence"/> increases by one per batch of a relay, so a gap shows lost data.
/// </remarks>
public sealed record TelemetryBatch
{
    /// <summary>The schema identifier every batch carries.</summary>
    public const string SchemaName = "fleetserverless.telemetry";

    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    public string Schema { get; init; } = SchemaName;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The mine the relay sits in.</summary>
    public required string SiteId { get; init; }

    public required string RelayId { get; init; }

    /// <summary>Unique per batch; a replayed batch keeps its id.</summary>
    public required string BatchId { get; init; }

    /// <summary>Per relay, starting at 1 and increasing by one per batch.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the relay built the batch, UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The relay's own state, sent even when every miner failed.</summary>
    public RelayHeartbeat? Relay { get; init; }

    public IReadOnlyList<MinerSample> Samples { get; init; } = [];
}
