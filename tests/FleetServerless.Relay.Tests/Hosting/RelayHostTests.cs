using System.Diagnostics;
using FleetServerless.Relay.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Tests.Hosting;

[Collection(TimingSensitive.Name)]
public sealed class RelayHostTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly FakeMinerReader _reader = new();
    private TestIngestServer _ingest = null!;

    public async ValueTask InitializeAsync() => _ingest = await TestIngestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task StartedHost_PollsAndPublishesOnItsCadence()
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl);
        settings["Relay:PollInterval"] = "00:00:01";
        settings["Relay:MinerTimeout"] = "00:00:00.5";
        await using var relay = TestRelay.Create(settings, _reader);

        await relay.Host.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _ingest.Stored.Count >= 3, TimeSpan.FromSeconds(30));
        await relay.Host.StopAsync(TestContext.Current.CancellationToken);

        var stored = _ingest.Stored;
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(b => b.Sequence));
        Assert.Contains(relay.Logs.Entries, e => e.EventId.Id == 1000);
        Assert.Contains(relay.Logs.Entries, e => e.EventId.Id == 1002);
    }

    [Fact]
    public async Task StoppedHost_KeepsUnsentBatches()
    {
        _ingest.Mode = IngestMode.Fail;
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl);
        settings["Relay:PollInterval"] = "00:00:01";
        settings["Relay:MinerTimeout"] = "00:00:00.5";
        await using var relay = TestRelay.Create(settings, _reader);

        await relay.Host.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _reader.ReadCount("miner-000") >= 2, TimeSpan.FromSeconds(30));
        await relay.Host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(await relay.Outbox.CountAsync(TestContext.Current.CancellationToken) >= 2);
        Assert.Empty(_ingest.Stored);
    }

    [Fact]
    public async Task MinerOutsideAllowlist_RejectedAtStart()
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl);
        settings["Relay:PollAllowlist:0"] = "127.0.1.0/24";
        settings["Relay:Miners:3:Name"] = "stray";
        settings["Relay:Miners:3:Host"] = "127.0.9.9";
        await using var relay = TestRelay.Create(settings, _reader);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => relay.Host.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Relay:Miners:3:Host '127.0.9.9' (127.0.9.9) is outside Relay:PollAllowlist", failure);
        Assert.Equal(0, _reader.ReadCount("stray"));
    }

    [Fact]
    public async Task DefaultAllowlist_AcceptsConfiguredMiners()
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl);
        settings.Remove("Relay:PollAllowlist:0");
        await using var relay = TestRelay.Create(settings, _reader);

        await relay.Host.StartAsync(TestContext.Current.CancellationToken);
        await relay.Host.StopAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(relay.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Heartbeat_CarriesSamplesThinned()
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl, minerCount: 200);
        settings["Relay:Outbox:MaxSizeBytes"] = "1048576";
        await using var relay = TestRelay.Create(settings, _reader);

        var thinned = 0;
        for (var i = 0; i < 2000 && thinned == 0; i++)
        {
            var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
            thinned = cycle.Batch.Relay!.SamplesThinned ?? 0;
        }

        Assert.True(thinned > 0, "the outbox never thinned within 2,000 cycles");
        Assert.Equal(0, thinned % 200);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"the condition did not hold within {timeout}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
