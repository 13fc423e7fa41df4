namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// A public source of chain difficulty, block reward or prices that needs no account. Throws
/// <see cref="Pools.PoolUnavailableException"/> when it cannot be read, with <c>IsThrottled</c> set for a rate limit.
/// </summary>
public interface INetworkDataSource
{
    /// <summary>The source's name in lower case: <c>blockchair</c>, <c>coingecko</c>, <c>whattomine</c>.</summary>
    string Name { get; }

    Task<NetworkObservation> FetchAsync(CancellationToken cancellationToken);
}
