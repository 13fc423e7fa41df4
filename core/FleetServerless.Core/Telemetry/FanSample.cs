namespace FleetServerless.Core.Telemetry;

/// <summary>One fan of a miner.</summary>
public sealed record FanSample
{
    public required int Id { get; init; }

    public double? Rpm { get; init; }

    public double? MaxRpm { get; init; }

    /// <summary><c>ok</c> or <c>lost</c>.</summary>
    public string? Status { get; init; }
}
