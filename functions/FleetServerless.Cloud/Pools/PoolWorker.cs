namespace FleetServerless.Cloud.Pools;

/// <summary>One worker, or one connection of a worker, as the pool reports it.</summary>
public sealed record PoolWorker
{
    /// <summary>The worker name the pool reports: <c>account.worker</c> or only the worker part.</summary>
    public required string Name { get; init; }

    /// <summary>The pool's connection id when it has several per name (Prohashing's <c>uuid</c>).</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The pool's current hashrate for the worker.</summary>
    public double? HashrateHps { get; init; }

    /// <summary>The pool's hashrate averaged over about an hour (two hours on Prohashing).</summary>
    public double? HashrateAverageHps { get; init; }

    public double? Hashrate24HourHps { get; init; }

    /// <summary>Whether the pool calls the worker active; null when the pool has no such flag.</summary>
    public bool? Active { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }
}
