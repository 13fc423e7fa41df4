namespace FleetServerless.Core.Alerts;

/// <summary>
/// Pool and profit figures of one site for the site rules. Every value is null when the pool reader does
/// not have it.
/// </summary>
public sealed record SiteAlertInput
{
    /// <summary>The hashrate the pool credits the site's workers with, averaged over <see cref="Window"/>.</summary>
    public double? PoolSideHashrateHps { get; init; }

    /// <summary>The hashrate the miners reported over the same window.</summary>
    public double? MinerSideHashrateHps { get; init; }

    /// <summary>The span both hashrates are averaged over, for the message.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>How old the newest pool data is.</summary>
    public TimeSpan? PoolDataAge { get; init; }

    /// <summary>Revenue minus power cost per day, in <see cref="Currency"/>.</summary>
    public double? NetProfitPerDay { get; init; }

    public string? Currency { get; init; }

    /// <summary>The pool the figures come from, for the message ("prohashing").</summary>
    public string? PoolName { get; init; }
}
