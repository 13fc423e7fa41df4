namespace FleetServerless.Core.Profitability;

/// <summary>Gross revenue per day before power cost; a currency the source did not give is null.</summary>
public sealed record RevenuePerDay
{
    public double? Usd { get; init; }

    public double? Btc { get; init; }

    /// <summary>Expected Litecoin per day, for a network estimate.</summary>
    public double? Ltc { get; init; }

    /// <summary>Expected merge-mined Dogecoin per day, for a network estimate.</summary>
    public double? Doge { get; init; }
}
