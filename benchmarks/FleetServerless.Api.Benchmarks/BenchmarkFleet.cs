using Azure.Data.Tables;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Api.Benchmarks;

/// <summary>
/// Loads the benchmark fleet: 60 scrypt miners at one site polled every 30 s. Raw samples cover the last 24 hours
/// for every miner and 30 days for miner m01 (through the ingest path); rollups cover 30 days for every miner and
/// the fleet (written as the rollup builder stores them, with constant values, because only read cost is measured).
/// </summary>
internal static class BenchmarkFleet
{
    public const string SiteId = "bench-site";
    public const int Miners = 60;
    public const string HistoryMiner = "m01";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    public static string MinerId(int index) => $"m{index + 1:D2}";

    /// <summary>
    /// Ingests the raw samples: one batch per hour of m01 alone for the first 29 days, then one batch per poll
    /// cycle of all 60 miners for the last 24 hours.
    /// </summary>
    public static async Task LoadRawAsync(ITelemetryIngestor ingestor, DateTimeOffset end, TextWriter log)
    {
        long sequence = 1;
        var fleetStart = end - TimeSpan.FromDays(1);
        var batches = new List<TelemetryBatch>();
        for (var hour = end - TimeSpan.FromDays(30); hour < fleetStart; hour = hour.AddHours(1))
        {
            var samples = Enumerable.Range(0, 120).Select(i => Sample(HistoryMiner, hour + (PollInterval * i))).ToList();
            batches.Add(Batch(sequence++, hour.AddHours(1), samples));
        }

        await IngestAsync(ingestor, batches, log, "29 days of m01");
        batches.Clear();
        for (var at = fleetStart; at < end; at += PollInterval)
        {
            batches.Add(Batch(sequence++, at.AddSeconds(1), Enumerable.Range(0, Miners).Select(i => Sample(MinerId(i), at)).ToList()));
        }

        await IngestAsync(ingestor, batches, log, "24 hours of 60 miners");
    }

    private static async Task IngestAsync(ITelemetryIngestor ingestor, List<TelemetryBatch> batches, TextWriter log, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var chunk in batches.Chunk(100))
        {
            await ingestor.IngestAsync(chunk, IngestSource.Https, CancellationToken.None);
        }

        log.WriteLine($"    ingested {what}: {batches.Sum(b => b.Samples.Count)} samples in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static TelemetryBatch Batch(long sequence, DateTimeOffset createdAt, List<MinerSample> samples) => new()
    {
        SiteId = SiteId,
        RelayId = "bench-relay",
        BatchId = $"bench-{sequence:D8}",
        Sequence = sequence,
        CreatedAt = createdAt,
        Samples = samples,
    };

    public static async Task LoadRollupsAsync(FleetTableClients tables, DateTimeOffset end)
    {
        var start = end - TimeSpan.FromDays(30);
        var fleet = new List<ITableEntity>();
        for (var at = start; at < end; at = at.AddMinutes(5))
        {
            fleet.Add(Fleet(null, at));
            fleet.Add(Fleet(SiteId, at));
        }

        await WriteAsync(tables, TableNames.RollupsFleet5m, fleet);

        var hourly = new List<ITableEntity>();
        var daily = new List<ITableEntity>();
        for (var i = 0; i < Miners; i++)
        {
            var minerId = MinerId(i);
            for (var at = start; at < end; at = at.AddHours(1))
            {
                hourly.Add(Miner(StorageKeys.MinerHourlyPartition(SiteId, minerId, at), StorageKeys.Hour(at), minerId, at, 60));
            }

            for (var at = start; at < end; at = at.AddDays(1))
            {
                daily.Add(Miner(StorageKeys.MinerDailyPartition(SiteId, minerId, at), StorageKeys.Date(at), minerId, at, 1440));
            }
        }

        await WriteAsync(tables, TableNames.RollupsMinerHourly, hourly);
        await WriteAsync(tables, TableNames.RollupsMinerDaily, daily);
    }

    private static MinerSample Sample(string minerId, DateTimeOffset at) => new()
    {
        MinerId = minerId,
        Host = "127.0.0.2:80",
        CollectedAt = at,
        Answered = true,
        Api = "vnish-web",
        Model = "Antminer L7",
        Algorithm = "scrypt",
        State = MinerStates.Mining,
        HashrateRealtimeHps = 9.5e9,
        HashrateAverageHps = 9.5e9,
        HashrateNominalHps = 9.5e9,
        PowerWatts = 3425,
        ChipTempMaxC = 70,
        BoardTempMaxC = 60,
    };

    private static FleetRollupEntity Fleet(string? siteId, DateTimeOffset at) => new()
    {
        PartitionKey = StorageKeys.Fleet5mPartition(siteId, at),
        RowKey = StorageKeys.Minute(at),
        SiteId = siteId,
        PeriodStart = at,
        MinersReporting = Miners,
        MinersAnswering = Miners,
        MinersMining = Miners,
        MinutesAnswering = Miners * 5,
        MinutesMining = Miners * 5,
        HashrateMinHps = Miners * 9.4e9,
        HashrateMaxHps = Miners * 9.6e9,
        HashrateMeanHps = Miners * 9.5e9,
        PowerMeanWatts = Miners * 3425.0,
        PowerMaxWatts = Miners * 3450.0,
        ChipTempMaxC = 72,
        BoardTempMaxC = 62,
    };

    private static MinerRollupEntity Miner(string partition, string row, string minerId, DateTimeOffset at, int minutes) => new()
    {
        PartitionKey = partition,
        RowKey = row,
        SiteId = SiteId,
        MinerId = minerId,
        PeriodStart = at,
        PeriodMinutes = minutes,
        SampleCount = minutes * 2,
        AnsweredCount = minutes * 2,
        MinutesAnswering = minutes,
        MinutesMining = minutes,
        HashrateMeanHps = 9.5e9,
        HashrateMinHps = 9.4e9,
        HashrateMaxHps = 9.6e9,
        HashrateCount = minutes * 2,
        HashrateSumHps = 9.5e9 * minutes * 2,
        PowerMeanWatts = 3425,
        PowerMaxWatts = 3450,
        PowerCount = minutes * 2,
        PowerSumWatts = 3425.0 * minutes * 2,
        ChipTempMaxC = 72,
    };

    private static async Task WriteAsync(FleetTableClients tables, string logicalTable, List<ITableEntity> rows)
    {
        var table = await tables.GetTableAsync(logicalTable);
        var chunks = rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (chunk, token) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }
}
