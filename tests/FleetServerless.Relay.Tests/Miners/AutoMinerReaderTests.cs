using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Miners;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Miners;

public sealed class AutoMinerReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultFleet_ReadsEveryMinerExactly()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 12 }, cancellationToken: Token);
        using var host = new MinerReaderHost();

        foreach (var miner in fleet.Miners)
        {
            var expected = miner.Expected;
            var sample = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(miner), Token);

            Assert.True(sample.Answered, sample.Error);
            Assert.Equal(expected.Mac, sample.MinerId);
            Assert.Equal(MinerApis.VnishWeb, sample.Api);
            Assert.Equal(expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
            Assert.Equal(expected.HashrateAverageHps, sample.HashrateAverageHps);
            Assert.Equal(expected.HashrateNominalHps, sample.HashrateNominalHps);
            Assert.Equal(expected.PowerWatts, sample.PowerWatts);
            Assert.Equal(expected.UptimeSeconds, sample.UptimeSeconds);
            Assert.Equal(MinerStates.Mining, sample.State);
            Assert.Equal(expected.Boards.Count, sample.Boards!.Count);
            Assert.Null(sample.Problems);
        }
    }
}
