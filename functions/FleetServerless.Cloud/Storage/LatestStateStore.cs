namespace FleetServerless.Cloud.Storage;

/// <summary>Reads the latest-state table: one row per miner, partitioned by site.</summary>
public sealed class LatestStateStore(FleetTableClients tables)
{
    /// <summary>Every miner of every site. Reads the whole table, page by page.</summary>
    public async Task<TableQueryResult<LatestStateEntity>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        return await TableReads.ReadAllAsync<LatestStateEntity>(table, null, null, cancellationToken);
    }

    /// <summary>Every miner of one site: one partition.</summary>
    public async Task<TableQueryResult<LatestStateEntity>> GetSiteAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        return await TableReads.ReadAllAsync<LatestStateEntity>(table, TableReads.Partition(siteId), null, cancellationToken);
    }

    /// <summary>One miner's latest row, or null when the miner never reported.</summary>
    public async Task<LatestStateEntity?> GetMinerAsync(string siteId, string minerId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<LatestStateEntity>(siteId, minerId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
