using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>Replays and duplicates change nothing: the tables end row for row as after one in-order ingest.</summary>
public sealed class IdempotentIngestTests
{
    private static List<TelemetryBatch> TenCycles() =>
        Enumerable.Range(1, 10).Select(i => TestBatches.Cycle(i, minerCount: 4)).ToList();

    [Fact]
    public async Task SameBatchTwice_LeavesTablesAsOneIngest()
    {
        await using var once = await IngestServices.CreateAsync("once");
        await using var twice = await IngestServices.CreateAsync("twice");
        var batches = TenCycles();

        foreach (var batch in batches)
        {
            await once.IngestAsync(batch);
            await twice.IngestAsync(batch);
            await twice.IngestAsync(batch);
        }

        await AssertSameTablesAsync(once, twice);
    }

    [Fact]
    public async Task OutOfOrderReplay_LeavesTablesAsInOrderIngest()
    {
        await using var inOrder = await IngestServices.CreateAsync("inorder");
        await using var shuffled = await IngestServices.CreateAsync("shuffled");
        var batches = TenCycles();

        foreach (var batch in batches)
        {
            await inOrder.IngestAsync(batch);
        }

        // Newest first, then a chunk that contains old and new batches together with a duplicate.
        foreach (var index in new[] { 9, 7, 8, 2 })
        {
            await shuffled.IngestAsync(batches[index]);
        }

        await shuffled.IngestAsync(batches[0], batches[5], batches[1], batches[6], batches[4], batches[3], batches[9]);

        await AssertSameTablesAsync(inOrder, shuffled);
    }

    [Fact]
    public async Task LatestState_KeepsNewestSampleAfterOldReplay()
    {
        await using var services = await IngestServices.CreateAsync("latest");
        await services.IngestAsync(TestBatches.Cycle(5));
        await services.IngestAsync(TestBatches.Cycle(2));

        var latest = await services.Services.GetRequiredService<LatestStateStore>().GetSiteAsync("site-a", TestContext.Current.CancellationToken);

        Assert.Equal(3, latest.Items.Count);
        Assert.All(latest.Items, row => Assert.Equal(5, row.Sequence));
    }

    [Fact]
    public async Task SequenceGap_IsRecordedAndClosedByReplay()
    {
        await using var services = await IngestServices.CreateAsync("gaps");
        var relays = services.Services.GetRequiredService<RelayStore>();
        var token = TestContext.Current.CancellationToken;

        await services.IngestAsync(TestBatches.Cycle(1));
        await services.IngestAsync(TestBatches.Cycle(5));
        var relayAfterGap = Assert.Single((await relays.GetRelaysAsync(token)).Items);
        var gap = Assert.Single((await relays.GetGapsAsync("site-a", "relay-1", token)).Items);

        Assert.Equal(1, relayAfterGap.GapCount);
        Assert.Equal(3, relayAfterGap.MissingBatches);
        Assert.Equal(2, gap.FromSequence);
        Assert.Equal(4, gap.ToSequence);

        await services.IngestAsync(TestBatches.Cycle(3));
        var split = (await relays.GetGapsAsync("site-a", "relay-1", token)).Items;
        Assert.Equal([(2L, 2L), (4L, 4L)], split.Select(g => (g.FromSequence, g.ToSequence)));

        await services.IngestAsync(TestBatches.Cycle(2), TestBatches.Cycle(4));
        var relay = Assert.Single((await relays.GetRelaysAsync(token)).Items);
        Assert.Empty((await relays.GetGapsAsync("site-a", "relay-1", token)).Items);
        Assert.Equal(0, relay.GapCount);
        Assert.Equal(1, relay.MinSequence);
        Assert.Equal(5, relay.MaxSequence);
        Assert.Equal("relay-1-000005", relay.LastBatchId);
    }

    [Fact]
    public async Task InvalidBatch_InIngestCall_WritesNothing()
    {
        await using var services = await IngestServices.CreateAsync("invalid");
        var bad = TestBatches.Cycle(2) with { SiteId = "bad/site" };

        await Assert.ThrowsAsync<ArgumentException>(() => services.IngestAsync(TestBatches.Cycle(1), bad));

        Assert.Empty(await services.Tables.DumpAsync(TableNames.Samples));
        Assert.Empty(await services.Tables.DumpAsync(TableNames.Latest));
    }

    [Fact]
    public async Task Observer_SeesEveryStoredBatch()
    {
        var observer = new RecordingObserver();
        await using var services = await IngestServices.CreateAsync("observer", configure: s => s.AddSingleton<IIngestedBatchObserver>(observer));

        await services.IngestAsync(TestBatches.Cycle(2), TestBatches.Cycle(1));
        await services.IngestAsync(TestBatches.Cycle(1));

        Assert.Equal([1L, 2L, 1L], observer.Batches.Select(b => b.Batch.Sequence));
        Assert.Equal(3, observer.Batches[1].UpdatedLatestMinerIds.Count);
        Assert.Empty(observer.Batches[2].UpdatedLatestMinerIds);
    }

    private static async Task AssertSameTablesAsync(IngestServices expected, IngestServices actual)
    {
        var expectedTables = await expected.DumpIngestTablesAsync();
        var actualTables = await actual.DumpIngestTablesAsync();
        foreach (var (table, rows) in expectedTables)
        {
            Assert.NotEmpty(rows);
            Assert.Equal(rows, actualTables[table]);
        }
    }

    private sealed class RecordingObserver : IIngestedBatchObserver
    {
        public List<IngestedBatch> Batches { get; } = [];

        public Task OnBatchIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add(batch);
            }

            return Task.CompletedTask;
        }
    }
}
