using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Publishing;
using FleetServerless.Relay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FleetServerless.Relay.Tests.Publishing;

/// <summary>
/// The Event Hubs publisher against a mocked producer. The mocked batches accept an event while the bodies in the
/// batch stay within the size limit, a stand-in for the service's own size accounting.
/// </summary>
public sealed class EventHubsPublishingTests : IAsyncLifetime
{
    private const long SizeLimit = 64 * 1024;

    private readonly TempDirectory _directory = new();
    private readonly FakeMinerReader _reader = new();
    private readonly Mock<EventHubProducerClient> _producer = new();
    private readonly List<CreateBatchOptions> _batchOptions = [];
    private readonly List<List<EventData>> _sent = [];
    private readonly Dictionary<EventDataBatch, List<EventData>> _contents = new(ReferenceEqualityComparer.Instance);
    private TestRelay _relay = null!;

    public ValueTask InitializeAsync()
    {
        _producer
            .Setup(p => p.CreateBatchAsync(It.IsAny<CreateBatchOptions>(), It.IsAny<CancellationToken>()))
            .Returns((CreateBatchOptions options, CancellationToken _) => new ValueTask<EventDataBatch>(CreateBatch(options)));
        _producer
            .Setup(p => p.SendAsync(It.IsAny<EventDataBatch>(), It.IsAny<CancellationToken>()))
            .Callback((EventDataBatch batch, CancellationToken _) => _sent.Add(_contents[batch].ToList()))
            .Returns(Task.CompletedTask);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _relay.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task SmallBatches_ShareOneEventBatch()
    {
        CreateRelay(minerCount: 3);
        for (var i = 0; i < 5; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.Published);
        var sent = Assert.Single(_sent);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], sent.Select(e => (long)e.Properties[EventProperties.Sequence]));
        Assert.Equal(0, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Events_CarryIdsAndPartitionKey()
    {
        CreateRelay(minerCount: 3);
        var cycle = await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var sent = Assert.Single(Assert.Single(_sent));
        Assert.Equal(cycle.Batch.BatchId, sent.MessageId);
        Assert.Equal(cycle.Batch.BatchId, sent.Properties[EventProperties.BatchId]);
        Assert.Equal(1L, sent.Properties[EventProperties.Sequence]);
        Assert.Equal("application/json", sent.ContentType);
        Assert.All(_batchOptions, o => Assert.Equal("site-test", o.PartitionKey));
        Assert.Equal(cycle.Batch.BatchId, TelemetryJson.Deserialize(sent.EventBody.ToArray())!.BatchId);
    }

    [Fact]
    public async Task ManyBatches_NoEventBatchOverLimit()
    {
        CreateRelay(minerCount: 40);
        for (var i = 0; i < 30; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.True(_sent.Count > 1, "30 batches of 40 samples must need more than one 64 KB event batch");
        Assert.All(_sent, batch => Assert.True(batch.Sum(e => e.EventBody.ToMemory().Length) <= SizeLimit));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), _sent.SelectMany(b => b).Select(e => (long)e.Properties[EventProperties.Sequence]));
    }

    [Fact]
    public async Task OversizedBatch_IsSplitNotDropped()
    {
        CreateRelay(minerCount: 600);
        var cycle = await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        Assert.True(TelemetryJson.SerializeToUtf8Bytes(cycle.Batch).Length > SizeLimit, "the test batch must exceed the limit");

        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var events = _sent.SelectMany(b => b).ToList();
        var parts = events.Select(e => TelemetryJson.Deserialize(e.EventBody.ToArray())!).ToList();
        Assert.True(result.Succeeded);
        Assert.True(events.Count > 1);
        Assert.All(_sent, batch => Assert.True(batch.Sum(e => e.EventBody.ToMemory().Length) <= SizeLimit));
        Assert.Equal(cycle.Batch.Samples.Select(s => s.MinerId), parts.SelectMany(p => p.Samples).Select(s => s.MinerId));
        Assert.All(parts, p => Assert.Equal(cycle.Batch.Sequence, p.Sequence));
        Assert.Equal(parts.Count, parts.Select(p => p.BatchId).Distinct().Count());
        Assert.All(events, e => Assert.Equal(events.Count, e.Properties[EventProperties.Parts]));
        Assert.Equal(0, await _relay.Outbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OversizedBatch_BetweenSmallOnes_KeepsOrder()
    {
        CreateRelay(minerCount: 3);
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await _relay.DisposeAsync();
        CreateRelay(minerCount: 600);
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await _relay.DisposeAsync();
        CreateRelay(minerCount: 3);
        await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var sequences = _sent.SelectMany(b => b).Select(e => (long)e.Properties[EventProperties.Sequence]).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal([1L, 2L, 3L], sequences.Distinct());
    }

    [Fact]
    public async Task FailedSend_LeavesOutboxUntouched()
    {
        CreateRelay(minerCount: 3);
        _producer
            .Setup(p => p.SendAsync(It.IsAny<EventDataBatch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EventHubsException(isTransient: true, "telemetry", "The service is busy.", EventHubsException.FailureReason.ServiceBusy));
        for (var i = 0; i < 3; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        var before = await _relay.Outbox.PeekAsync(100, TestContext.Current.CancellationToken);
        var result = await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);
        var after = await _relay.Outbox.PeekAsync(100, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.IsType<EventHubsException>(result.Failure);
        Assert.Equal(before.Select(e => (e.Sequence, e.BatchId)), after.Select(e => (e.Sequence, e.BatchId)));
        Assert.Equal(before.Select(e => e.GzipJson.Length), after.Select(e => e.GzipJson.Length));
        Assert.Empty(await _relay.Outbox.GetRejectedAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FailedSecondSend_ConfirmsOnlyTheFirst()
    {
        CreateRelay(minerCount: 40);
        var sends = 0;
        _producer
            .Setup(p => p.SendAsync(It.IsAny<EventDataBatch>(), It.IsAny<CancellationToken>()))
            .Returns((EventDataBatch batch, CancellationToken _) =>
            {
                if (++sends > 1)
                {
                    throw new EventHubsException(true, "telemetry", "The connection was lost.", EventHubsException.FailureReason.ServiceCommunicationProblem);
                }

                _sent.Add(_contents[batch].ToList());
                return Task.CompletedTask;
            });
        for (var i = 0; i < 30; i++)
        {
            await _relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        await _relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var firstSent = Assert.Single(_sent).Select(e => (long)e.Properties[EventProperties.Sequence]).ToList();
        var waiting = (await _relay.Outbox.PeekAsync(100, TestContext.Current.CancellationToken)).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), firstSent.Concat(waiting));
    }

    private void CreateRelay(int minerCount)
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), null, minerCount);
        settings["Relay:Publisher:Kind"] = "eventhubs";
        settings["Relay:Publisher:EventHubs:FullyQualifiedNamespace"] = "fleet.example";
        settings["Relay:Publisher:EventHubs:EventHubName"] = "telemetry";
        settings["Relay:Publisher:EventHubs:MaxBatchSizeBytes"] = SizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _relay = TestRelay.Create(settings, _reader, services => services.AddSingleton(_producer.Object));
    }

    private EventDataBatch CreateBatch(CreateBatchOptions options)
    {
        _batchOptions.Add(options);
        var store = new List<EventData>();
        var limit = options.MaximumSizeInBytes ?? 1024 * 1024;
        var batch = EventHubsModelFactory.EventDataBatch(
            0, store, options, e => store.Sum(s => s.EventBody.ToMemory().Length) + e.EventBody.ToMemory().Length <= limit);
        _contents[batch] = store;
        return batch;
    }
}
