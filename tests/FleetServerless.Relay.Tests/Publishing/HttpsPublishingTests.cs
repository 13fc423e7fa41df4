using FleetServerless.Relay.Tests.Support;

namespace FleetServerless.Relay.Tests.Publishing;

public sealed class HttpsPublishingTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestIngestServer _ingest = null!;
    private TestRelay _relay = null!;
    private readonly FakeMinerReader _reader = new();

    public async ValueTask InitializeAsync()
    {
        _ingest = await TestIngestServer.StartAsync();
        _relay = TestRelay.Create(TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl), _reader);
    }

    public async ValueTask DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _ingest.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Publish_SendsGzipWithFunctionKey()
    {
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("gzip", _ingest.LastHeaders["Content-Encoding"]);
        Assert.Equal(TestIngestServer.FunctionKey, _ingest.LastHeaders["x-functions-key"]);
        Assert.StartsWith("application/json", _ingest.LastHeaders["Content-Type"]);
        Assert.Single(_ingest.Stored);
    }

    [Fact]
    public async Task Publish_ConfirmedBatchLeavesOutbox()
    {
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_ServerErrorKeepsBatch()
    {
        _ingest.Mode = IngestMode.Fail;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, _ingest.RequestCount); // the first attempt and one retry (MaxRetryAttempts = 1)
    }

    [Fact]
    public async Task Publish_ConnectionDroppedKeepsBatch()
    {
        _ingest.Mode = IngestMode.Abort;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_BadRequestMovesBatchAside()
    {
        _ingest.Mode = IngestMode.Reject;
        var cycle = await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Rejected);
        Assert.Equal(0, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
        var rejected = Assert.Single(await _relay.Outbox.GetRejectedAsync(TestContext.Current.CancellationToken));
        Assert.Equal(cycle.Batch.BatchId, rejected.BatchId);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("powerWatts is -1", rejected.Message);
    }

    [Fact]
    public async Task Publish_RejectionIsLoggedAndCounted()
    {
        _ingest.Mode = IngestMode.Reject;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var logged = _relay.Logs.Entries.Where(e => e.EventId.Id == 1302).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Contains("powerWatts is -1", logged[1].Message);
        Assert.Contains("2 rejected since start", logged[1].Message);
        Assert.Equal(2, _relay.Forwarder.RejectedTotal);
    }

    [Fact]
    public async Task Publish_RejectionIsNotRetried()
    {
        _ingest.Mode = IngestMode.Reject;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, _ingest.RequestCount);
    }

    [Fact]
    public async Task Outage_EverySampleArrivesOnceInOrder()
    {
        const int outageCycles = 20;
        _ingest.Mode = IngestMode.Fail;
        for (var i = 0; i < outageCycles; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
            var failed = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);
            Assert.False(failed.Succeeded);

            // Switch between an error status and a dropped connection, as a flaky link does.
            _ingest.Mode = i % 2 == 0 ? IngestMode.Abort : IngestMode.Fail;
        }

        Assert.Empty(_ingest.Stored);
        Assert.Equal(outageCycles, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));

        _ingest.Mode = IngestMode.Accept;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        var recovered = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var stored = _ingest.Stored;
        Assert.True(recovered.Succeeded);
        Assert.Equal(0, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Enumerable.Range(1, outageCycles + 1).Select(i => (long)i), stored.Select(b => b.Sequence));
        Assert.Equal(stored.Count, _ingest.Received.Count);

        var samples = stored.SelectMany(b => b.Samples.Select(s => (s.MinerId, s.UptimeSeconds))).ToList();
        Assert.Equal(samples.Count, samples.Distinct().Count());
        Assert.Equal((outageCycles + 1) * 3, samples.Count);
        foreach (var miner in samples.GroupBy(s => s.MinerId))
        {
            Assert.Equal(Enumerable.Range(1, outageCycles + 1).Select(i => (double?)i), miner.Select(s => s.UptimeSeconds));
        }
    }

    [Fact]
    public async Task Outage_HeartbeatReportsOutboxDepth()
    {
        _ingest.Mode = IngestMode.Fail;
        for (var i = 0; i < 3; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        _ingest.Mode = IngestMode.Accept;
        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], _ingest.Stored.Select(b => b.Relay!.OutboxDepth ?? -1));
    }

    [Fact]
    public async Task Heartbeat_SentWhenEveryMinerFails()
    {
        _reader.Failing.UnionWith(["miner-000", "miner-001", "miner-002"]);
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var batch = Assert.Single(_ingest.Stored);
        Assert.All(batch.Samples, s => Assert.False(s.Answered));
        Assert.Equal(3, batch.Relay!.MinersConfigured);
        Assert.False(string.IsNullOrEmpty(batch.Relay.Version));
        Assert.NotNull(batch.Relay.UptimeSeconds);
    }

    [Fact]
    public async Task Logs_NeverContainFunctionKey()
    {
        _ingest.Mode = IngestMode.Reject;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);
        _ingest.Mode = IngestMode.Fail;
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(_relay.Logs.Entries);
        Assert.DoesNotContain(TestIngestServer.FunctionKey, _relay.Logs.AllText);
    }
}
