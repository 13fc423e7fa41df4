namespace FleetServerless.Cloud.Pools;

/// <summary>
/// What one provider read from its pool in one fetch. A list the provider does not support is null; an empty
/// list means the pool returned none.
/// </summary>
public sealed record PoolSnapshot
{
    /// <summary>The provider's name, such as <c>prohashing</c> or <c>viabtc</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The source within the provider, such as <c>wamp</c>, <c>rest</c> or <c>proxy</c>.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public IReadOnlyList<AlgorithmProfitability>? Profitability { get; init; }

    public IReadOnlyList<PoolWorker>? Workers { get; init; }

    public IReadOnlyList<PoolBalance>? Balances { get; init; }

    /// <summary>What the pool returned that could not be used, each with the value and the reason.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
