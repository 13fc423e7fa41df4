namespace FleetServerless.Cloud.Pools;

/// <summary>A pool's gross revenue per MH/s per day for one algorithm, as the pool observed it.</summary>
public sealed record AlgorithmProfitability
{
    /// <summary>Algorithm in lower case as the telemetry names it: <c>scrypt</c>, <c>sha256d</c>, or the pool's own name.</summary>
    public required string Algorithm { get; init; }

    /// <summary>USD per MH/s per day; null when the pool gave no usable price.</summary>
    public double? UsdPerMhsDay { get; init; }

    /// <summary>BTC per MH/s per day; null when the pool gave no usable price.</summary>
    public double? BtcPerMhsDay { get; init; }

    /// <summary>When the pool computed the value (its data timestamp), not when it was fetched.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
