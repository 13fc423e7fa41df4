using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Rollups;
using FleetServerless.Cloud.Storage;
using FleetServerless.Cloud.Tests.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>The cloud side's ingest, rollup and storage services over test tables, without an HTTP host.</summary>
internal sealed class IngestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private IngestServices(TestTables tables, ServiceProvider provider, FakeTimeProvider time)
    {
        Tables = tables;
        _provider = provider;
        Time = time;
    }

    public TestTables Tables { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _provider;

    public ITelemetryIngestor Ingestor => _provider.GetRequiredService<ITelemetryIngestor>();

    public RollupBuilder Rollups => _provider.GetRequiredService<RollupBuilder>();

    public RetentionJob Retention => _provider.GetRequiredService<RetentionJob>();

    /// <summary>Creates the services with the clock at <paramref name="now"/> (default: a day after the test batches).</summary>
    public static async Task<IngestServices> CreateAsync(
        string name = "ingest",
        DateTimeOffset? now = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configure = null,
        ILoggerProvider? logs = null)
    {
        var tables = await TestTables.CreateAsync(name);
        var time = new FakeTimeProvider(now ?? TestBatches.Start.AddDays(1));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([.. tables.Settings, .. settings ?? []])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddFleetStorage();
        services.AddIngest();
        services.AddRollups();
        configure?.Invoke(services);
        return new IngestServices(tables, services.BuildServiceProvider(), time);
    }

    public Task<IngestResult> IngestAsync(params TelemetryBatch[] batches) =>
        Ingestor.IngestAsync(batches, IngestSource.Https, TestContext.Current.CancellationToken);

    /// <summary>Every ingest table as sorted rows, for comparing two ingests row by row.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DumpIngestTablesAsync()
    {
        var dump = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in new[] { TableNames.Latest, TableNames.Samples, TableNames.SampleDays, TableNames.RollupsPending, TableNames.Relays })
        {
            dump[table] = await Tables.DumpAsync(table);
        }

        return dump;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
