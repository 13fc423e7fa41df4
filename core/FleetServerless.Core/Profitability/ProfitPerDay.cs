namespace FleetServerless.Core.Profitability;

/// <summary>
/// Revenue, pool fee, power cost and net profit per day in USD for one revenue estimate. Every figure is null
/// when an input it needs is unknown, so an unknown price never shows as a loss.
/// </summary>
public sealed record ProfitPerDay
{
    /// <summary>What the revenue is based on: <see cref="EstimateKinds.Pool"/> or <see cref="EstimateKinds.Network"/>.</summary>
    public required string EstimateKind { get; init; }

    public double? GrossRevenueUsd { get; init; }

    /// <summary>The pool fee taken from gross revenue; zero when the fee is 0 %.</summary>
    public double? PoolFeeUsd { get; init; }

    public double? RevenueAfterFeeUsd { get; init; }

    public double? PowerCostUsd { get; init; }

    /// <summary>Revenue after the pool fee minus power cost; null when either is unknown.</summary>
    public double? NetProfitUsd { get; init; }
}
