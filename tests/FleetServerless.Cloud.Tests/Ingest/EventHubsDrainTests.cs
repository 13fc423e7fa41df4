using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>The drain against a mocked <see cref="PartitionReceiver"/> and real tables in Azurite.</summary>
public sealed class EventHubsDrainTests
{
    private const string Hub = "telemetry";

    private static readonly KeyValuePair<string, string?>[] HubSettings =
    [
        new("EventHubs:HubName", Hub),
        new("EventHubs:ConnectionString", "Endpoint=sb://127.0.0.1/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;EntityPath=telemetry"),
        new("EventHubs:TimeBudgetSeconds", "20"),
    ];

    private static EventData Event(long sequenceNumber, byte[] body) =>
        EventHubsModelFactory.EventData(new BinaryData(body), sequenceNumber: sequenceNumber, offsetString: sequenceNumber.ToString(),
            enqueuedTime: TestBatches.Start);

    private static EventData BatchEvent(long sequenceNumber) => Event(sequenceNumber, TelemetryJson.SerializeToUtf8Bytes(TestBatches.Cycle(sequenceNumber)));

    /// <summary>A partition source whose one partition "0" returns the given receive results in order, then nothing.</summary>
    private sealed class FakePartitions : IEventHubsPartitionSource
    {
        private readonly Queue<Func<IReadOnlyList<EventData>>> _receives;

        public FakePartitions(params Func<IReadOnlyList<EventData>>[] receives)
        {
            _receives = new Queue<Func<IReadOnlyList<EventData>>>(receives);
        }

        public List<EventPosition> StartingPositions { get; } = [];

        public Task<IReadOnlyList<string>> GetPartitionIdsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["0"]);

        public PartitionReceiver CreateReceiver(string partitionId, EventPosition startingPosition)
        {
            StartingPositions.Add(startingPosition);
            var receiver = new Mock<PartitionReceiver>();
            receiver
                .Setup(r => r.ReceiveBatchAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(() => _receives.Count > 0 ? _receives.Dequeue()() : []);
            receiver.Setup(r => r.DisposeAsync()).Returns(ValueTask.CompletedTask);
            return receiver.Object;
        }
    }

    private static Task<IngestServices> CreateAsync(string name, FakePartitions partitions, Action<IServiceCollection>? configure = null) =>
        IngestServices.CreateAsync(name, settings: HubSettings, configure: services =>
        {
            services.AddSingleton<IEventHubsPartitionSource>(partitions);
            configure?.Invoke(services);
        });

    [Fact]
    public async Task Drain_StoresBatchesAndCheckpoints()
    {
        var partitions = new FakePartitions(() => [BatchEvent(1), BatchEvent(2)], () => [BatchEvent(3)]);
        await using var services = await CreateAsync("drainok", partitions);

        var result = Assert.Single(await services.Services.GetRequiredService<EventHubsDrain>().RunAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, result.BatchesStored);
        Assert.Equal(3, result.CheckpointSequenceNumber);
        Assert.False(result.StoppedAtTimeBudget);
        Assert.Equal(EventPosition.Earliest, partitions.StartingPositions[0]);
        Assert.Equal(9, (await services.Tables.DumpAsync(TableNames.Samples)).Count);
    }

    [Fact]
    public async Task Drain_ResumesFromStoredCheckpoint()
    {
        var partitions = new FakePartitions(() => [BatchEvent(1), BatchEvent(2)]);
        await using var services = await CreateAsync("drainresume", partitions);
        var drain = services.Services.GetRequiredService<EventHubsDrain>();

        await drain.RunAsync(TestContext.Current.CancellationToken);
        await drain.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, partitions.StartingPositions.Count);
        Assert.Equal(EventPosition.FromSequenceNumber(2, isInclusive: false), partitions.StartingPositions[1]);
    }

    [Fact]
    public async Task Drain_PoisonEvent_IsStoredAsideAndSkipped()
    {
        var invalid = TestBatches.Cycle(3) with { Samples = [TestBatches.Sample("m01", TestBatches.Start) with { PowerWatts = -1 }] };
        var partitions = new FakePartitions(() =>
        [
            BatchEvent(1),
            Event(2, "not json"u8.ToArray()),
            Event(3, TelemetryJson.SerializeToUtf8Bytes(invalid)),
            BatchEvent(4),
        ]);
        await using var services = await CreateAsync("drainpoison", partitions);

        var result = Assert.Single(await services.Services.GetRequiredService<EventHubsDrain>().RunAsync(TestContext.Current.CancellationToken));
        var poisonTable = await services.Tables.Clients.GetTableAsync(TableNames.PoisonEvents, TestContext.Current.CancellationToken);
        var poison = poisonTable.Query<PoisonEventEntity>(cancellationToken: TestContext.Current.CancellationToken).OrderBy(p => p.SequenceNumber).ToList();

        Assert.Equal(2, result.BatchesStored);
        Assert.Equal(2, result.PoisonEvents);
        Assert.Equal(4, result.CheckpointSequenceNumber);
        Assert.Equal([2L, 3L], poison.Select(p => p.SequenceNumber));
        Assert.All(poison, p => Assert.Equal("0", p.PartitionId));
        Assert.Contains("samples[0].powerWatts", poison[1].Reason);
        Assert.Equal("not json"u8.ToArray(), poison[0].Body);
    }

    [Fact]
    public async Task Drain_StopsAtTimeBudget()
    {
        IngestServices? services = null;
        var partitions = new FakePartitions(
            () => [BatchEvent(1)],
            () =>
            {
                services!.Time.Advance(TimeSpan.FromSeconds(25));
                return [BatchEvent(2)];
            },
            () => [BatchEvent(3)]);
        services = await CreateAsync("drainbudget", partitions);
        await using var _ = services;

        var result = Assert.Single(await services.Services.GetRequiredService<EventHubsDrain>().RunAsync(TestContext.Current.CancellationToken));

        Assert.True(result.StoppedAtTimeBudget);
        Assert.Equal(2, result.BatchesStored);
        Assert.Equal(2, result.CheckpointSequenceNumber);
    }

    [Fact]
    public async Task Drain_FailedWrite_DoesNotCheckpointPastIt()
    {
        var partitions = new FakePartitions(() => [BatchEvent(1)], () => [BatchEvent(2), BatchEvent(3)], () => [BatchEvent(4)]);
        var observer = new FailingObserver(failOnSequence: 3);
        await using var services = await CreateAsync("drainfail", partitions, s => s.AddSingleton<IIngestedBatchObserver>(observer));

        var result = Assert.Single(await services.Services.GetRequiredService<EventHubsDrain>().RunAsync(TestContext.Current.CancellationToken));
        var checkpoints = await services.Tables.Clients.GetTableAsync(TableNames.Checkpoints, TestContext.Current.CancellationToken);
        var stored = checkpoints.Query<CheckpointEntity>(cancellationToken: TestContext.Current.CancellationToken).Single();

        Assert.True(result.Failed);
        Assert.Equal(1, result.CheckpointSequenceNumber);
        Assert.Equal(1, stored.SequenceNumber);
    }

    [Fact]
    public async Task Drain_WithoutHub_IsOff()
    {
        var partitions = new FakePartitions(() => [BatchEvent(1)]);
        await using var services = await IngestServices.CreateAsync("drainoff", configure: s => s.AddSingleton<IEventHubsPartitionSource>(partitions));

        var results = await services.Services.GetRequiredService<EventHubsDrain>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Empty(results);
        Assert.Empty(partitions.StartingPositions);
    }

    private sealed class FailingObserver(long failOnSequence) : IIngestedBatchObserver
    {
        public Task OnBatchIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken) =>
            batch.Batch.Sequence == failOnSequence
                ? throw new InvalidOperationException($"Observer failed on sequence {failOnSequence}.")
                : Task.CompletedTask;
    }
}
