using FleetServerless.Cloud.Benchmarks;
using FleetServerless.DevHost.Local;

// Ingest benchmark against Azurite. Uses FLEET_TEST_STORAGE when set, else starts Azurite from node_modules.
// Arguments: [minutes of baseline data, default 20] [batches per chunk, default 100] [backlog hours, default 24].
var baselineMinutes = args.Length > 0 ? int.Parse(args[0]) : 20;
var batchesPerChunk = args.Length > 1 ? int.Parse(args[1]) : 100;
var backlogHours = args.Length > 2 ? int.Parse(args[2]) : 24;
const int miners = 60;
var interval = TimeSpan.FromSeconds(30);
var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
var now = start.AddDays(2);

await using var azurite = await StartAzuriteAsync();
var connectionString = Environment.GetEnvironmentVariable("FLEET_TEST_STORAGE") ?? azurite!.ConnectionString;

Console.WriteLine($"Miners: {miners}, poll interval: {interval.TotalSeconds} s, batches per chunk: {batchesPerChunk}");

var sample = BacklogBatches.Create(miners, TimeSpan.FromMinutes(baselineMinutes), interval, start);
var sampleCount = sample.Sum(b => b.Samples.Count);
var transactional = await IngestRun.MeasureAsync(connectionString, sample, batchesPerChunk, useTransactions: true, now);
var perEntity = await IngestRun.MeasureAsync(connectionString, sample, batchesPerChunk, useTransactions: false, now);
var transactionalRate = sampleCount / transactional.TotalSeconds;
var perEntityRate = sampleCount / perEntity.TotalSeconds;
Console.WriteLine($"{sampleCount} samples ({baselineMinutes} min): transactions {transactional.TotalSeconds:F1} s = {transactionalRate:F0} samples/s; " +
    $"one write per entity {perEntity.TotalSeconds:F1} s = {perEntityRate:F0} samples/s; ratio {transactionalRate / perEntityRate:F1}x");

var backlog = BacklogBatches.Create(miners, TimeSpan.FromHours(backlogHours), interval, start);
var backlogSamples = backlog.Sum(b => b.Samples.Count);
var backlogTime = await IngestRun.MeasureAsync(connectionString, backlog, batchesPerChunk, useTransactions: true, now);
Console.WriteLine($"{backlogHours}-hour backlog: {backlog.Count} batches, {backlogSamples} samples in {backlogTime.TotalSeconds:F1} s = {backlogSamples / backlogTime.TotalSeconds:F0} samples/s");

static async Task<AzuriteProcess?> StartAzuriteAsync()
{
    if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("FLEET_TEST_STORAGE")))
    {
        return null;
    }

    var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    return await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60), CancellationToken.None);
}
