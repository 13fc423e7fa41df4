using System.Text.Json;
using Azure.Storage.Queues;
using FleetServerless.Cloud.Alerts;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Notifications;
using FleetServerless.Cloud.Storage;
using FleetServerless.Cloud.Tests.Storage;
using FleetServerless.Core.Alerts;
using FleetServerless.Core.Telemetry;
using FleetServerless.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Cloud.Tests.Alerts;

/// <summary>
/// Scenarios over simulated time through the real alert tables and delivery queue on Azurite: every
/// evaluation loads and saves its state, so what the core decides must survive storage.
/// </summary>
public sealed class StoredAlertScenarioTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RelaySilentWith40Miners_QueuesOneGroupedMessage()
    {
        await using var fixture = await Fixture.CreateAsync();
        var miners = Enumerable.Range(1, 40).Select(i => $"rig-{i:00}").ToArray();
        for (var i = 0; i < 4; i++)
        {
            await fixture.IngestAsync(miners.Select(m => Sample(m, fixture.Clock.GetUtcNow(), 70)).ToArray());
            fixture.Clock.Advance(Poll);
        }

        for (var minute = 0; minute < 12; minute++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await fixture.Watchdog.RunAsync(TestContext.Current.CancellationToken);
        }

        var messages = await fixture.ReadQueueAsync();
        var message = Assert.Single(messages);
        Assert.Equal(AlertRuleIds.RelaySilent, message.Notification.RuleId);
        Assert.Equal(40, message.Notification.AffectedMiners.Count);
    }

    [Fact]
    public async Task TemperatureOscillating_QueuesOneAlertAndOneResolution()
    {
        await using var fixture = await Fixture.CreateAsync();
        for (var i = 0; i < 120; i++)
        {
            var hot = i / 6 % 2 == 0;
            await fixture.IngestAsync(Sample("rig-01", fixture.Clock.GetUtcNow(), hot ? 84 : 78));
            fixture.Clock.Advance(Poll);
        }

        for (var i = 0; i < 20; i++)
        {
            await fixture.IngestAsync(Sample("rig-01", fixture.Clock.GetUtcNow(), 70));
            fixture.Clock.Advance(Poll);
        }

        var kinds = (await fixture.ReadQueueAsync()).Select(m => (m.Notification.RuleId, m.Notification.Kind)).ToList();
        Assert.Equal([(AlertRuleIds.ChipTempHigh, AlertEventKind.Fired), (AlertRuleIds.ChipTempHigh, AlertEventKind.Resolved)], kinds);
    }

    [Fact]
    public async Task SameBatchIngestedTwice_QueuesNothingTwice()
    {
        await using var fixture = await Fixture.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await fixture.IngestAsync(Sample("rig-01", fixture.Clock.GetUtcNow(), 84));
            fixture.Clock.Advance(Poll);
        }

        var firing = fixture.Batch(Sample("rig-01", fixture.Clock.GetUtcNow(), 84));
        await fixture.ObserveAsync(firing);
        await fixture.ObserveAsync(firing);

        Assert.Single(await fixture.ReadQueueAsync());
    }

    private static MinerSample Sample(string minerId, DateTimeOffset at, double chipTempC) => new()
    {
        MinerId = minerId,
        Host = "127.0.0.20",
        CollectedAt = at,
        Answered = true,
        Algorithm = "scrypt",
        State = MinerStates.Mining,
        HashrateRealtimeHps = 9.5e9,
        ChipTempMaxC = chipTempC,
    };

    /// <summary>The alert services over tables and a queue of their own, on a fake clock.</summary>
    private sealed class Fixture : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private long _sequence;

        private Fixture(ServiceProvider services, QueueClient queue, FakeTimeProvider clock)
        {
            _services = services;
            Queue = queue;
            Clock = clock;
        }

        public FakeTimeProvider Clock { get; }

        public QueueClient Queue { get; }

        public AlertWatchdog Watchdog => _services.GetRequiredService<AlertWatchdog>();

        public static async Task<Fixture> CreateAsync()
        {
            var tables = await TestTables.CreateAsync("scenario");
            var queueName = TestStorage.UniqueName("scenarioq");
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [
                .. tables.Settings,
                new("Notifications:Channels:hook:Type", "webhook"),
                new("Notifications:Channels:hook:Url", "http://127.0.0.1:9/never-called"),
                new("Notifications:Channels:hook:Secret", "scenario-secret-0123456789"),
            ]).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddSingleton<TimeProvider>(clock);
            services.AddFleetStorage();
            services.AddAlerts(configuration);
            services.Configure<NotificationQueueOptions>(o => o.QueueName = queueName);
            var provider = services.BuildServiceProvider();
            return new Fixture(provider, tables.Clients.GetQueue(queueName), clock);
        }

        public TelemetryBatch Batch(params MinerSample[] samples)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            return new TelemetryBatch
            {
                SiteId = "north",
                RelayId = "relay-1",
                BatchId = $"relay-1-{sequence}",
                Sequence = sequence,
                CreatedAt = Clock.GetUtcNow(),
                Samples = samples,
            };
        }

        public Task IngestAsync(params MinerSample[] samples) => ObserveAsync(Batch(samples));

        public Task ObserveAsync(TelemetryBatch batch) =>
            _services.GetRequiredService<IIngestedBatchObserver>()
                .OnBatchIngestedAsync(new IngestedBatch(batch, IngestSource.Https, new HashSet<string>()), TestContext.Current.CancellationToken);

        public async Task<IReadOnlyList<NotificationEnvelope>> ReadQueueAsync()
        {
            if (!(await Queue.ExistsAsync(TestContext.Current.CancellationToken)).Value)
            {
                return [];
            }

            var peeked = await Queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken);
            return peeked.Value
                .Select(m => JsonSerializer.Deserialize<NotificationEnvelope>(m.Body.ToString(), NotificationJson.Options)!)
                .ToList();
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
