using System.Diagnostics;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Benchmarks;

/// <summary>One measured ingest of a list of batches into fresh tables, in chunks as the Event Hubs drain stores them.</summary>
internal static class IngestRun
{
    public static async Task<TimeSpan> MeasureAsync(
        string connectionString, IReadOnlyList<TelemetryBatch> batches, int batchesPerChunk, bool useTransactions, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Storage:ConnectionString", connectionString),
            new("Storage:TablePrefix", "b" + Guid.NewGuid().ToString("N")[..12]),
            new("Ingest:UseTransactions", useTransactions.ToString()),
        ]).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        services.AddLogging();
        services.AddFleetStorage();
        services.AddIngest();
        await using var provider = services.BuildServiceProvider();
        var ingestor = provider.GetRequiredService<ITelemetryIngestor>();
        var tables = provider.GetRequiredService<FleetTableClients>();
        foreach (var table in new[] { TableNames.Samples, TableNames.SampleDays, TableNames.RollupsPending, TableNames.Latest, TableNames.Relays })
        {
            await tables.GetTableAsync(table);
        }

        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < batches.Count; start += batchesPerChunk)
        {
            var chunk = batches.Skip(start).Take(batchesPerChunk).ToList();
            await ingestor.IngestAsync(chunk, IngestSource.EventHubs, CancellationToken.None);
        }

        return stopwatch.Elapsed;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
