using FleetServerless.Relay.Hosting;
using FleetServerless.Relay.Miners;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Polling;
using FleetServerless.Relay.Publishing;
using FleetServerless.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Tests.Support;

/// <summary>An in-process relay host, built but not started, for driving poll cycles and publishes by hand.</summary>
public sealed class TestRelay : IAsyncDisposable
{
    private TestRelay(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public RelayPipeline Pipeline => Host.Services.GetRequiredService<RelayPipeline>();

    public SqliteOutbox Outbox => Host.Services.GetRequiredService<SqliteOutbox>();

    public OutboxForwarder Forwarder => Host.Services.GetRequiredService<OutboxForwarder>();

    /// <summary>Settings for a relay with <paramref name="minerCount"/> miners on 127.0.0.x, publishing to <paramref name="ingestUrl"/>.</summary>
    public static Dictionary<string, string?> Settings(string outboxPath, Uri? ingestUrl, int minerCount = 3)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Relay:SiteId"] = "site-test",
            ["Relay:RelayId"] = "relay-test",
            ["Relay:PollInterval"] = "00:00:05",
            ["Relay:MinerTimeout"] = "00:00:01",
            ["Relay:Outbox:Path"] = outboxPath,
            ["Relay:Publisher:Kind"] = "https",
            ["Relay:Publisher:IngestUrl"] = (ingestUrl ?? new Uri("http://127.0.0.1:9/api/ingest")).ToString(),
            ["Relay:Publisher:FunctionKey"] = TestIngestServer.FunctionKey,
            ["Relay:Publisher:MaxRetryAttempts"] = "1",
            ["Relay:Publisher:RetryDelay"] = "00:00:00.05",
            ["Relay:Publisher:RequestTimeout"] = "00:00:05",
        };

        for (var i = 0; i < minerCount; i++)
        {
            settings[$"Relay:Miners:{i}:Name"] = $"miner-{i:D3}";
            settings[$"Relay:Miners:{i}:Host"] = $"127.0.{1 + (i / 250)}.{1 + (i % 250)}";
        }

        settings["Relay:PollAllowlist:0"] = "127.0.0.0/8";
        return settings;
    }

    /// <summary>
    /// Builds a relay from <paramref name="settings"/>, with <paramref name="reader"/> in place of the miner readers,
    /// or the real readers when it is null.
    /// </summary>
    public static TestRelay Create(
        IDictionary<string, string?> settings, IMinerReader? reader, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = RelayHost.CreateBuilder(configuration);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        if (reader is not null)
        {
            builder.Services.AddSingleton(reader);
        }

        configure?.Invoke(builder.Services);
        return new TestRelay(builder.Build(), logs);
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes the outbox, if it was ever created.
        if (Host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }
    }
}
