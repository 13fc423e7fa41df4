using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;

namespace FleetServerless.Cloud.Tests.Api;

/// <summary>
/// Writes rollup rows with known values straight into the rollup tables, as the rollup builder's entity
/// types and keys store them, so history tests can cover 30 days without ingesting 30 days of raw samples.
/// </summary>
internal static class RollupRows
{
    public const double HashrateMeanHps = 9.4e9;
    public const double HashrateMinHps = 9.0e9;
    public const double PowerMeanWatts = 3400;

    /// <summary>The row at index i has a maximum hashrate of 9.5e9 + i, so aggregated maxima are checkable.</summary>
    public static double HashrateMaxHps(int index) => 9.5e9 + index;

    public static async Task WriteFleet5mAsync(FleetTableClients tables, string? siteId, DateTimeOffset start, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var at = start.AddMinutes(5 * i);
            return new FleetRollupEntity
            {
                PartitionKey = StorageKeys.Fleet5mPartition(siteId, at),
                RowKey = StorageKeys.Minute(at),
                SiteId = siteId,
                PeriodStart = at,
                MinersReporting = 60,
                MinersAnswering = 59,
                MinersMining = 58,
                MinutesAnswering = 59 * 5,
                MinutesMining = 58 * 5,
                HashrateMinHps = HashrateMinHps,
                HashrateMaxHps = HashrateMaxHps(i),
                HashrateMeanHps = HashrateMeanHps,
                PowerMinWatts = PowerMeanWatts - 50,
                PowerMaxWatts = PowerMeanWatts + 50,
                PowerMeanWatts = PowerMeanWatts,
                ChipTempMaxC = 70.0 + (i % 10),
                BoardTempMaxC = 60.0,
            };
        });
        await WriteAsync(tables, TableNames.RollupsFleet5m, rows);
    }

    public static Task WriteMinerHourlyAsync(FleetTableClients tables, string siteId, string minerId, DateTimeOffset start, int count) =>
        WriteAsync(tables, TableNames.RollupsMinerHourly, Enumerable.Range(0, count).Select(i =>
        {
            var at = start.AddHours(i);
            return Miner(StorageKeys.MinerHourlyPartition(siteId, minerId, at), StorageKeys.Hour(at), siteId, minerId, at, 60, i);
        }));

    public static Task WriteMinerDailyAsync(FleetTableClients tables, string siteId, string minerId, DateTimeOffset start, int count) =>
        WriteAsync(tables, TableNames.RollupsMinerDaily, Enumerable.Range(0, count).Select(i =>
        {
            var at = start.AddDays(i);
            return Miner(StorageKeys.MinerDailyPartition(siteId, minerId, at), StorageKeys.Date(at), siteId, minerId, at, 1440, i);
        }));

    /// <summary>A miner period polled every 30 s, always answering and mining.</summary>
    private static MinerRollupEntity Miner(string partition, string row, string siteId, string minerId, DateTimeOffset at, int minutes, int index)
    {
        var samples = minutes * 2L;
        return new MinerRollupEntity
        {
            PartitionKey = partition,
            RowKey = row,
            SiteId = siteId,
            MinerId = minerId,
            PeriodStart = at,
            PeriodMinutes = minutes,
            SampleCount = samples,
            AnsweredCount = samples,
            MinutesAnswering = minutes,
            MinutesMining = minutes,
            HashrateMinHps = HashrateMinHps,
            HashrateMaxHps = HashrateMaxHps(index),
            HashrateMeanHps = HashrateMeanHps,
            HashrateSumHps = HashrateMeanHps * samples,
            HashrateCount = samples,
            PowerMinWatts = PowerMeanWatts - 50,
            PowerMaxWatts = PowerMeanWatts + 50,
            PowerMeanWatts = PowerMeanWatts,
            PowerSumWatts = PowerMeanWatts * samples,
            PowerCount = samples,
            ChipTempMinC = 65,
            ChipTempMaxC = 70.0 + (index % 10),
            ChipTempMeanC = 68,
            ChipTempSumC = 68.0 * samples,
            ChipTempCount = samples,
            BoardTempMaxC = 60,
        };
    }

    private static async Task WriteAsync<T>(FleetTableClients tables, string logicalTable, IEnumerable<T> rows)
        where T : class, ITableEntity
    {
        var table = await tables.GetTableAsync(logicalTable);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            }
        }
    }
}
