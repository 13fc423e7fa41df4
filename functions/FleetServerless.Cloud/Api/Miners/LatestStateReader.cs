using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Storage;

namespace FleetServerless.Cloud.Api.Miners;

/// <summary>Reads the latest-state table (one row per miner, partitioned by site) and counts what it read.</summary>
public sealed class LatestStateReader(FleetTableClients tables, TableReadCounter counter)
{
    /// <summary>Returns the latest row of every miner, of one site when <paramref name="siteId"/> is given.</summary>
    public async Task<IReadOnlyList<LatestStateEntity>> ReadAllAsync(string? siteId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        var filter = siteId is null ? null : TableReads.Partition(siteId);
        var result = await TableReads.ReadAllAsync<LatestStateEntity>(table, filter, null, cancellationToken);
        counter.Add(TableNames.Latest, result.EntitiesRead);
        return result.Items;
    }

    /// <summary>
    /// Returns the latest row of one miner, or null when no batch mentioned it. The miner id is unique across
    /// sites, so this filters on the row key over every site partition (one row per miner in all).
    /// </summary>
    public async Task<LatestStateEntity?> ReadAsync(string minerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {minerId}");
        var result = await TableReads.ReadAllAsync<LatestStateEntity>(table, filter, null, cancellationToken);
        counter.Add(TableNames.Latest, result.EntitiesRead);
        return result.Items.OrderByDescending(e => e.CollectedAt).FirstOrDefault();
    }
}
