using FleetServerless.Core.Fleet;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Alerts;

/// <summary>
/// What alert evaluation keeps per miner between batches: when it was last seen, answering and hashing, and
/// the last hour of answered samples for the median baselines.
/// </summary>
public sealed record MinerAlertWindow
{
    /// <summary>The span the baselines cover: the median of the last hour.</summary>
    public static readonly TimeSpan BaselineSpan = TimeSpan.FromHours(1);

    /// <summary>The least history a median baseline needs before a drop can be judged against it.</summary>
    public static readonly TimeSpan MinBaselineSpan = TimeSpan.FromMinutes(10);

    public required string MinerId { get; init; }

    public string? Host { get; init; }

    public string? RelayId { get; init; }

    public string? Algorithm { get; init; }

    public DateTimeOffset? FirstSeenAt { get; init; }

    /// <summary>The collection time of the newest sample applied, answered or not.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    public DateTimeOffset? LastAnsweredAt { get; init; }

    public DateTimeOffset? LastHashingAt { get; init; }

    /// <summary>Answered samples of the last hour, oldest first.</summary>
    public IReadOnlyList<MinerAlertPoint> Points { get; init; } = [];

    /// <summary>
    /// Returns the window with <paramref name="sample"/> added, or null when the sample is not newer than
    /// the last one applied (a replayed batch).
    /// </summary>
    public MinerAlertWindow? Append(MinerSample sample, string relayId)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (LastSeenAt is { } last && sample.CollectedAt <= last)
        {
            return null;
        }

        var at = sample.CollectedAt;
        var points = Points.Where(p => at - p.At <= BaselineSpan).ToList();
        var hashing = FleetMetrics.IsMining(sample);
        if (sample.Answered)
        {
            points.Add(new MinerAlertPoint(
                at, hashing ? sample.HashrateRealtimeHps : null, sample.PowerWatts, sample.Boards?.Count));
        }

        return this with
        {
            Host = sample.Host,
            RelayId = relayId,
            Algorithm = sample.Algorithm ?? Algorithm,
            FirstSeenAt = FirstSeenAt ?? at,
            LastSeenAt = at,
            LastAnsweredAt = sample.Answered ? at : LastAnsweredAt,
            LastHashingAt = hashing ? at : LastHashingAt,
            Points = points,
        };
    }

    /// <summary>The median hashrate of the hashing samples in the window, or null with too little history.</summary>
    public double? MedianHashrateHps() => Median(Points.Where(p => p.HashrateHps is not null), p => p.HashrateHps!.Value);

    /// <summary>The median power of the window, or null with too little history.</summary>
    public double? MedianPowerWatts() => Median(Points.Where(p => p.PowerWatts is not null), p => p.PowerWatts!.Value);

    /// <summary>The most boards the miner listed within the window, or null when it never listed any.</summary>
    public int? MaxBoardCount() => Points.Max(p => p.BoardCount);

    /// <summary>Returns how long the miner has not answered at <paramref name="at"/>, counted from the last answer.</summary>
    public TimeSpan? NotAnsweringFor(DateTimeOffset at)
    {
        var since = LastAnsweredAt ?? FirstSeenAt;
        return since is { } s ? at - s : null;
    }

    private static double? Median(IEnumerable<MinerAlertPoint> points, Func<MinerAlertPoint, double> value)
    {
        var list = points.ToList();
        if (list.Count < 3 || list[^1].At - list[0].At < MinBaselineSpan)
        {
            return null;
        }

        var sorted = list.Select(value).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
