namespace FleetServerless.Cloud.Profitability;

/// <summary>The miner-side data profitability needs: latest samples and mean hashrate over a window.</summary>
public interface IMinerDataReader
{
    Task<IReadOnlyList<SiteMinerSample>> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns a miner's mean hashrate over [<paramref name="from"/>, <paramref name="to"/>): samples where the
    /// miner did not respond count as 0 H/s, because it was not hashing. Null when there is no sample in the window.
    /// </summary>
    Task<double?> GetMeanHashrateAsync(string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
