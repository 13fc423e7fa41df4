using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Tests.Support;
using FleetServerless.Testing;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Tests.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Append_AssignsIncreasingSequences()
    {
        await using var outbox = Open();

        var first = await AppendAsync(outbox, samples: 2);
        var second = await AppendAsync(outbox, samples: 2);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
    }

    [Fact]
    public async Task Sequence_ContinuesAfterReopenAndDelete()
    {
        await using (var outbox = Open())
        {
            await AppendAsync(outbox, samples: 1);
            var second = await AppendAsync(outbox, samples: 1);
            await outbox.DeleteAsync([1, second.Sequence], TestContext.Current.CancellationToken);
        }

        await using var reopened = Open();
        var third = await AppendAsync(reopened, samples: 1);

        Assert.Equal(3, third.Sequence);
    }

    [Fact]
    public async Task Peek_ReturnsLowestSequenceFirst()
    {
        await using var outbox = Open();
        for (var i = 0; i < 5; i++)
        {
            await AppendAsync(outbox, samples: 1);
        }

        var entries = await outbox.PeekAsync(3, TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Peek_PayloadKeepsBatchIdAcrossReopen()
    {
        string batchId;
        await using (var outbox = Open())
        {
            batchId = (await AppendAsync(outbox, samples: 3)).BatchId;
        }

        await using var reopened = Open();
        var entry = Assert.Single(await reopened.PeekAsync(10, TestContext.Current.CancellationToken));
        var batch = entry.ReadBatch();

        Assert.Equal(batchId, batch.BatchId);
        Assert.Equal(3, batch.Samples.Count);
    }

    [Fact]
    public async Task Append_ContextCarriesDepthOfWaitingBatches()
    {
        await using var outbox = Open();
        await AppendAsync(outbox, samples: 1);
        await AppendAsync(outbox, samples: 1);

        OutboxAppendContext? seen = null;
        await outbox.AppendAsync(context =>
        {
            seen = context;
            return Batch(context.Sequence, 1);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(2, seen!.OutboxDepth);
    }

    [Fact]
    public async Task Reject_MovesBatchAsideWithMessage()
    {
        await using var outbox = Open();
        var entry = await AppendAsync(outbox, samples: 1);

        await outbox.RejectAsync(entry.Sequence, 400, "samples[0].powerWatts is -1", TestContext.Current.CancellationToken);

        Assert.Equal(0, await outbox.CountAsync(TestContext.Current.CancellationToken));
        var rejected = Assert.Single(await outbox.GetRejectedAsync(TestContext.Current.CancellationToken));
        Assert.Equal(entry.BatchId, rejected.BatchId);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("samples[0].powerWatts is -1", rejected.Message);
    }

    [Fact]
    public async Task SizeBound_ThinsOldestSamplesFirst()
    {
        const long bound = 1024 * 1024;
        await using var outbox = Open(bound);
        var appended = new List<OutboxEntry>();
        while (await outbox.SizeBytesAsync(TestContext.Current.CancellationToken) < bound * 9 / 10)
        {
            appended.Add(await AppendAsync(outbox, samples: 200));
        }

        // Well past the bound: these appends must thin.
        for (var i = 0; i < 40; i++)
        {
            appended.Add(await AppendAsync(outbox, samples: 200));
        }

        var entries = await outbox.PeekAsync(10_000, TestContext.Current.CancellationToken);
        var emptied = entries.Where(e => e.SampleCount == 0).Select(e => e.Sequence).ToList();
        var kept = entries.Where(e => e.SampleCount > 0).Select(e => e.Sequence).ToList();

        Assert.NotEmpty(emptied);
        Assert.True(emptied.Max() < kept.Min(), "every thinned batch is older than every kept batch");
        Assert.Equal(appended[^1].Sequence, kept.Max());
        Assert.Equal(appended.Count, entries.Count);
        Assert.True(await outbox.SizeBytesAsync(TestContext.Current.CancellationToken) <= bound);
    }

    [Fact]
    public async Task SizeBound_ThinnedBatchKeepsHeaderAndHeartbeat()
    {
        const long bound = 1024 * 1024;
        await using var outbox = Open(bound);
        var first = await AppendAsync(outbox, samples: 200);
        while (await outbox.CountAsync(TestContext.Current.CancellationToken) > 0
               && (await outbox.PeekAsync(1, TestContext.Current.CancellationToken))[0].SampleCount > 0)
        {
            await AppendAsync(outbox, samples: 200);
        }

        var thinned = (await outbox.PeekAsync(1, TestContext.Current.CancellationToken))[0].ReadBatch();

        Assert.Equal(first.BatchId, thinned.BatchId);
        Assert.Equal(1, thinned.Sequence);
        Assert.Empty(thinned.Samples);
        Assert.NotNull(thinned.Relay);
    }

    [Fact]
    public async Task SizeBound_ReportsThinnedCountInNextBatchAndLog()
    {
        const long bound = 1024 * 1024;
        await using var outbox = Open(bound);
        var thinnedReported = new List<int>();
        var appends = 0;
        while (thinnedReported.Sum() == 0 && appends++ < 1000)
        {
            await outbox.AppendAsync(context =>
            {
                thinnedReported.Add(context.SamplesThinned);
                return Batch(context.Sequence, 200);
            }, TestContext.Current.CancellationToken);
        }

        var logged = _logs.Entries.Where(e => e.EventId.Id == 1200).ToList();

        // The append that crossed the bound thinned one or more whole batches of 200 samples; the batch after it
        // reports exactly what that thinning logged.
        var reported = thinnedReported[^1];
        Assert.True(reported > 0);
        Assert.Equal(0, reported % 200);
        Assert.Equal(reported, thinnedReported.Sum());
        Assert.NotEmpty(logged);
        Assert.Contains($"removed {reported} samples", logged[0].Message);
    }

    [Fact]
    public async Task SizeBound_NeverThinsNewestBatch()
    {
        const long bound = 1024 * 1024;
        await using var outbox = Open(bound);

        // One batch larger than the whole bound: nothing older can be thinned, so it stays as it is.
        var huge = await AppendAsync(outbox, samples: 6000, guidsPerSample: 12);

        var entry = Assert.Single(await outbox.PeekAsync(10, TestContext.Current.CancellationToken));
        Assert.True(huge.GzipJson.Length > bound, "the test batch must exceed the bound");
        Assert.Equal(6000, entry.SampleCount);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 1201);
    }

    private SqliteOutbox Open(long maxSizeBytes = 256L * 1024 * 1024)
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new SqliteOutbox(_directory.File("outbox.db"), maxSizeBytes, TimeProvider.System, factory.CreateLogger<SqliteOutbox>());
    }

    private static Task<OutboxEntry> AppendAsync(SqliteOutbox outbox, int samples, int guidsPerSample = 1) =>
        outbox.AppendAsync(context => Batch(context.Sequence, samples, guidsPerSample), TestContext.Current.CancellationToken);

    /// <summary>A batch whose samples carry random error texts, so that gzip cannot shrink them to nothing.</summary>
    private static TelemetryBatch Batch(long sequence, int samples, int guidsPerSample = 1) => new()
    {
        SiteId = "site-test",
        RelayId = "relay-test",
        BatchId = Guid.NewGuid().ToString("N"),
        Sequence = sequence,
        CreatedAt = DateTimeOffset.UtcNow,
        Relay = new RelayHeartbeat { Version = "test", MinersConfigured = samples },
        Samples = Enumerable.Range(0, samples).Select(i => new MinerSample
        {
            MinerId = $"miner-{i}",
            Host = "127.0.0.2",
            CollectedAt = DateTimeOffset.UtcNow,
            Answered = false,
            Error = string.Concat(Enumerable.Range(0, guidsPerSample).Select(_ => Guid.NewGuid().ToString("N"))),
        }).ToList(),
    };
}
