using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using FleetServerless.Api.Benchmarks;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.DevHost;
using FleetServerless.DevHost.Local;
using Microsoft.Extensions.DependencyInjection;

// Owner API read cost: each API query over HTTP on loopback (2 warm-up runs, then 10 timed; median and
// maximum), against answering the same question from raw samples with direct table reads (3 timed runs).
// Storage: FLEET_TEST_STORAGE when set (the test command's Azurite), else an Azurite this program starts.
const int WarmUps = 2;
const int Runs = 10;
const int RawRuns = 3;
const string Key = "benchmark-key-0123456789";

var output = Console.Out;
AzuriteProcess? azurite = null;
var connectionString = Environment.GetEnvironmentVariable("FLEET_TEST_STORAGE");
if (string.IsNullOrWhiteSpace(connectionString))
{
    var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    azurite = await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60), CancellationToken.None);
    connectionString = azurite.ConnectionString;
}

await using var host = await DevHostApp.StartAsync(
[
    new("Storage:ConnectionString", connectionString),
    new("Storage:TablePrefix", "bench" + Guid.NewGuid().ToString("N")[..10]),
    new("DevHost:ApiKey", Key),
    new("DevHost:TimersEnabled", "false"),
    new("DevHost:QueuesEnabled", "false"),
    new("FleetTelemetry:RefreshEnabled", "false"),
    new("Logging:LogLevel:Default", "Warning"),
]);

var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(DateTime.UtcNow.Hour);
var tables = host.Services.GetRequiredService<FleetTableClients>();
output.WriteLine($"Loading 60 miners, 30 days, ending {end:O}");
var load = Stopwatch.StartNew();
await BenchmarkFleet.LoadRawAsync(host.Services.GetRequiredService<ITelemetryIngestor>(), end, output);
await BenchmarkFleet.LoadRollupsAsync(tables, end);
output.WriteLine($"    loaded in {load.Elapsed.TotalSeconds:F0} s");

using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
client.DefaultRequestHeaders.Add("x-functions-key", Key);
var iso = (DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

var rows = new List<string>
{
    "| Query | Source | Points | Entities read | Median ms | Max ms |",
    "| --- | --- | --- | --- | --- | --- |",
};

async Task MeasureApiAsync(string name, string path)
{
    long entities = 0;
    var points = 0;
    var times = new List<double>();
    for (var run = 0; run < WarmUps + Runs; run++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        entities = json.RootElement.GetProperty("entitiesRead").GetInt64();
        points = json.RootElement.TryGetProperty("points", out var list) ? list.GetArrayLength() : 1;
        if (run >= WarmUps)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    var source = path.Contains("history", StringComparison.Ordinal) ? JsonSource(path) : "latest state";
    rows.Add($"| {name} | {source} | {points} | {entities} | {times[times.Count / 2]:F1} | {times[^1]:F1} |");
}

string JsonSource(string path) => path.Contains("interval=day", StringComparison.Ordinal) ? "daily rollups"
    : path.Contains("miners/", StringComparison.Ordinal) ? "hourly rollups" : "5-minute fleet rollups";

async Task MeasureRawAsync(string name, Func<TableClient, Task<(long Entities, int Points)>> read)
{
    var table = await tables.GetTableAsync(TableNames.Samples);
    var times = new List<double>();
    (long Entities, int Points) result = default;
    for (var run = 0; run < RawRuns; run++)
    {
        var clock = Stopwatch.StartNew();
        result = await read(table);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    rows.Add($"| {name} | raw samples | {result.Points} | {result.Entities} | {times[times.Count / 2]:F1} | {times[^1]:F1} |");
}

string[] columns = ["CollectedAt", "HashrateRealtimeHps", "PowerWatts", "ChipTempMaxC"];

async Task<(long, int)> ReadRawAsync(TableClient table, IEnumerable<string> minerIds, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
{
    long entities = 0;
    var buckets = new HashSet<long>();
    foreach (var minerId in minerIds)
    {
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var partition = StorageKeys.SamplePartition(BenchmarkFleet.SiteId, minerId, new DateTimeOffset(day, TimeSpan.Zero));
            var filter = TableReads.PartitionRowRange(partition, StorageKeys.Instant(from), StorageKeys.Instant(to));
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, 1000, columns))
            {
                entities++;
                buckets.Add(entity.GetDateTimeOffset("CollectedAt")!.Value.UtcTicks / bucket.Ticks);
            }
        }
    }

    return (entities, buckets.Count);
}

var allMiners = Enumerable.Range(0, BenchmarkFleet.Miners).Select(BenchmarkFleet.MinerId).ToList();
await MeasureApiAsync("Fleet summary", "api/fleet");
await MeasureRawAsync("Fleet summary (each miner's last 10 minutes)",
    table => ReadRawAsync(table, allMiners, end.AddMinutes(-10), end, TimeSpan.FromMinutes(10)));
await MeasureApiAsync("Fleet history, 24 h at 5 min", $"api/fleet/history?interval=5m&from={iso(end.AddDays(-1))}&to={iso(end)}");
await MeasureRawAsync("Fleet history, 24 h at 5 min",
    table => ReadRawAsync(table, allMiners, end.AddDays(-1), end, TimeSpan.FromMinutes(5)));
await MeasureApiAsync("Miner history, 30 d hourly", $"api/miners/{BenchmarkFleet.HistoryMiner}/history?interval=hour&from={iso(end.AddDays(-30))}&to={iso(end)}");
await MeasureApiAsync("Miner history, 30 d daily", $"api/miners/{BenchmarkFleet.HistoryMiner}/history?interval=day&from={iso(end.AddDays(-30))}&to={iso(end)}");
await MeasureRawAsync("Miner history, 30 d hourly",
    table => ReadRawAsync(table, [BenchmarkFleet.HistoryMiner], end.AddDays(-30), end, TimeSpan.FromHours(1)));

output.WriteLine();
foreach (var row in rows)
{
    output.WriteLine(row);
}

if (azurite is not null)
{
    await azurite.DisposeAsync();
}
