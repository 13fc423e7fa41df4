using System.Diagnostics;
using FleetServerless.Relay.Tests.Support;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Simulated;

/// <summary>The relay with its real miner readers against the simulated Vnish fleet on loopback.</summary>
[Collection(TimingSensitive.Name)]
public sealed class SimulatedFleetPollingTests : IAsyncLifetime
{
    private static readonly TimeSpan MinerTimeout = TimeSpan.FromSeconds(4);

    /// <summary>The stated bound: a cycle with hanging miners ends within the miner timeout plus this margin.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private static readonly int[] HangingIndexes = [4, 15, 27, 38, 51];

    private readonly TempDirectory _directory = new();
    private SimulatedFleet _fleet = null!;
    private TestIngestServer _ingest = null!;

    public async ValueTask InitializeAsync()
    {
        _fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions
        {
            Count = 60,
            MacGroup = 41,
            Configure = (index, setup) =>
            {
                if (HangingIndexes.Contains(index))
                {
                    setup.Faults |= MinerFaults.Hanging;
                }
            },
        }, cancellationToken: TestContext.Current.CancellationToken);
        _ingest = await TestIngestServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _fleet.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task SixtyMiners_FiveHanging_OthersPresent()
    {
        await using var relay = TestRelay.Create(Settings(), reader: null);

        var started = Stopwatch.GetTimestamp();
        var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var samples = cycle.Batch.Samples;
        var hangingHosts = HangingIndexes.Select(i => _fleet[i].Host).ToHashSet();
        Assert.True(elapsed < MinerTimeout + Margin, $"the cycle took {elapsed}, more than the miner timeout plus {Margin}");
        Assert.Equal(60, samples.Count);
        Assert.Equal(hangingHosts, samples.Where(s => !s.Answered).Select(s => s.Host).ToHashSet());
        Assert.Equal(55, samples.Count(s => s.Answered));
    }

    [Fact]
    public async Task TimedOutMiner_KeepsItsMacId()
    {
        await using var relay = TestRelay.Create(Settings(), reader: null);
        var miner = _fleet[0];
        await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        miner.SetFault(MinerFaults.Hanging, enabled: true);
        var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var sample = Assert.Single(cycle.Batch.Samples, s => s.Host == miner.Host);
        Assert.False(sample.Answered);
        Assert.Equal(miner.Mac, sample.MinerId, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnsweringMiners_ReportSimulatedValues()
    {
        await using var relay = TestRelay.Create(Settings(), reader: null);

        var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        var byHost = cycle.Batch.Samples.ToDictionary(s => s.Host);
        foreach (var expected in _fleet.Expected.Where((_, i) => !HangingIndexes.Contains(i)))
        {
            var sample = byHost[expected.Host];
            Assert.True(sample.Answered, $"{expected.Name} did not answer: {sample.Error}");
            Assert.Equal(expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
            Assert.Equal(expected.Mac, sample.MinerId, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Outage_SimulatedFleet_EveryBatchArrivesInOrder()
    {
        await using var relay = TestRelay.Create(Settings(), reader: null);
        _ingest.Mode = IngestMode.Fail;
        for (var i = 0; i < 3; i++)
        {
            await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
            await relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);
        }

        _ingest.Mode = IngestMode.Accept;
        await relay.Pipeline.PublishAsync(TestContext.Current.CancellationToken);

        var stored = _ingest.Stored;
        Assert.Equal([1L, 2L, 3L], stored.Select(b => b.Sequence));
        Assert.All(stored, b => Assert.Equal(55, b.Samples.Count(s => s.Answered)));
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TestRelay.Settings(_directory.File("outbox.db"), _ingest.IngestUrl, minerCount: 0);
        settings["Relay:MinerTimeout"] = MinerTimeout.ToString();
        for (var i = 0; i < _fleet.Miners.Count; i++)
        {
            settings[$"Relay:Miners:{i}:Name"] = _fleet[i].Name;
            settings[$"Relay:Miners:{i}:Host"] = _fleet[i].Host;
            settings[$"Relay:Miners:{i}:Api"] = "web";
            settings[$"Relay:Miners:{i}:Password"] = _fleet[i].Password;
        }

        return settings;
    }
}
