namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// One point of a history response: the period starting at <see cref="Start"/> and one interval long (a raw
/// point is one sample). Means are weighted by the readings behind each stored row. Null is unknown.
/// </summary>
public sealed record HistoryPoint
{
    public required DateTimeOffset Start { get; init; }

    public double? HashrateMeanHps { get; init; }

    public double? HashrateMinHps { get; init; }

    public double? HashrateMaxHps { get; init; }

    public double? PowerMeanWatts { get; init; }

    public double? PowerMaxWatts { get; init; }

    public double? ChipTempMaxC { get; init; }

    public double? BoardTempMaxC { get; init; }

    /// <summary>Minutes of the period in which the miner answered (for the fleet, summed over miners); null from raw samples.</summary>
    public double? MinutesAnswering { get; init; }

    public double? MinutesMining { get; init; }

    /// <summary>Fleet only: the most miners that sent any sample in one 5-minute bucket of the period.</summary>
    public int? MinersReporting { get; init; }

    /// <summary>Fleet only: the most miners with a mining sample in one 5-minute bucket of the period.</summary>
    public int? MinersMining { get; init; }

    /// <summary>Raw samples behind the point; null for fleet points, whose rollups do not store it.</summary>
    public long? Samples { get; init; }
}
