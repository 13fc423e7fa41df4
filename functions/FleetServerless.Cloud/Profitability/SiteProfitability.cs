namespace FleetServerless.Cloud.Profitability;

/// <summary>A site's (or, with a null site, the fleet's) hashrate, power and the estimates its settings ask for.</summary>
public sealed record SiteProfitability
{
    /// <summary>The site id; null for the whole fleet.</summary>
    public string? SiteId { get; init; }

    public required double HashrateHps { get; init; }

    public double? PowerWatts { get; init; }

    public double? PowerPriceUsdPerKwh { get; init; }

    public required RevenueSource RevenueSource { get; init; }

    public required IReadOnlyList<SiteEstimate> Estimates { get; init; }
}
