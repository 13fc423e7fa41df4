namespace FleetServerless.Cloud.Storage;

/// <summary>Reads rollups for history charts and uptime: every query stays within the partitions the range spans.</summary>
public sealed class RollupStore(FleetTableClients tables)
{
    /// <summary>5-minute fleet rows of one site, or of all sites when <paramref name="siteId"/> is null, in [from, to).</summary>
    public async Task<TableQueryResult<FleetRollupEntity>> GetFleet5mAsync(
        string? siteId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.RollupsFleet5m, cancellationToken);
        return await ReadDaysAsync<FleetRollupEntity>(table, from, to, TimeSpan.FromDays(1),
            day => StorageKeys.Fleet5mPartition(siteId, day), StorageKeys.Minute, cancellationToken);
    }

    /// <summary>Hourly rows of one miner whose hour starts in [from, to).</summary>
    public async Task<TableQueryResult<MinerRollupEntity>> GetMinerHourlyAsync(
        string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.RollupsMinerHourly, cancellationToken);
        return await ReadMonthsAsync(table, from, to, m => StorageKeys.MinerHourlyPartition(siteId, minerId, m), StorageKeys.Hour, monthsPerPartition: 1, cancellationToken);
    }

    /// <summary>Daily rows of one miner whose day starts in [from, to).</summary>
    public async Task<TableQueryResult<MinerRollupEntity>> GetMinerDailyAsync(
        string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.RollupsMinerDaily, cancellationToken);
        return await ReadMonthsAsync(table, from, to, y => StorageKeys.MinerDailyPartition(siteId, minerId, y), StorageKeys.Date, monthsPerPartition: 12, cancellationToken);
    }

    private static async Task<TableQueryResult<T>> ReadDaysAsync<T>(
        Azure.Data.Tables.TableClient table, DateTimeOffset from, DateTimeOffset to, TimeSpan step,
        Func<DateTimeOffset, string> partitionOf, Func<DateTimeOffset, string> rowOf, CancellationToken cancellationToken)
        where T : class, Azure.Data.Tables.ITableEntity, new()
    {
        var items = new List<T>();
        int entities = 0, pages = 0;
        for (var start = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero); start < to; start += step)
        {
            var result = await TableReads.ReadAllAsync<T>(
                table, TableReads.PartitionRowRange(partitionOf(start), rowOf(from > start ? from : start), rowOf(to)), null, cancellationToken);
            items.AddRange(result.Items);
            entities += result.EntitiesRead;
            pages += result.PagesRead;
        }

        return new TableQueryResult<T>(items, entities, pages);
    }

    private static async Task<TableQueryResult<MinerRollupEntity>> ReadMonthsAsync(
        Azure.Data.Tables.TableClient table, DateTimeOffset from, DateTimeOffset to,
        Func<DateTimeOffset, string> partitionOf, Func<DateTimeOffset, string> rowOf, int monthsPerPartition, CancellationToken cancellationToken)
    {
        var items = new List<MinerRollupEntity>();
        int entities = 0, pages = 0;
        var utc = from.UtcDateTime;
        var start = monthsPerPartition == 12
            ? new DateTimeOffset(utc.Year, 1, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (; start < to; start = start.AddMonths(monthsPerPartition))
        {
            var result = await TableReads.ReadAllAsync<MinerRollupEntity>(
                table, TableReads.PartitionRowRange(partitionOf(start), rowOf(from > start ? from : start), rowOf(to)), null, cancellationToken);
            items.AddRange(result.Items);
            entities += result.EntitiesRead;
            pages += result.PagesRead;
        }

        return new TableQueryResult<MinerRollupEntity>(items, entities, pages);
    }
}
