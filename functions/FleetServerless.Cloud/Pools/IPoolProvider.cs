namespace FleetServerless.Cloud.Pools;

/// <summary>
/// A mining pool's account data. Adding a pool means adding a provider: ingest, storage and alerting read
/// only <see cref="PoolSnapshot"/>.
/// </summary>
public interface IPoolProvider
{
    /// <summary>The provider's name in lower case, used as a storage key and in the API.</summary>
    string Name { get; }

    /// <summary>
    /// Reads profitability, workers and balances. Throws <see cref="PoolUnavailableException"/> when the pool
    /// could not be read at all; partial data comes back with <see cref="PoolSnapshot.Problems"/>.
    /// </summary>
    Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken);
}
