using FleetServerless.Relay.Miners;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Per-miner API detection, its cache and re-detection.</summary>
public sealed class DetectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TcpOnlyMiner_IsDetectedAsTcp()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Kind = SimulatedMinerKind.TcpOnlyL3Plus }, cancellationToken: Token);
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0]);

        var sample = await host.Reader.ReadAsync(options, Token);

        Assert.True(sample.Answered, sample.Error);
        Assert.Equal(MinerApis.CgminerTcp, sample.Api);
        Assert.Equal(MinerApis.CgminerTcp, host.Reader.DetectedApi(options));
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Equal(fleet[0].Expected.Boards.Count, sample.Boards!.Count);
        Assert.Equal("Antminer L3+", sample.Model);
    }

    [Fact]
    public async Task DetectedApi_IsCached()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Kind = SimulatedMinerKind.TcpOnlyL3Plus }, cancellationToken: Token);
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0]);

        await host.Reader.ReadAsync(options, Token);
        var webRequestsAfterDetection = fleet[0].WebRequests;
        await host.Reader.ReadAsync(options, Token);
        await host.Reader.ReadAsync(options, Token);

        Assert.Equal(webRequestsAfterDetection, fleet[0].WebRequests);
    }

    [Fact]
    public async Task RepeatedFailures_TriggerRedetection()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0]);

        await host.Reader.ReadAsync(options, Token);
        var detected = host.Reader.DetectedApi(options);
        fleet.SetFault(0, MinerFaults.DropConnection, true);
        for (var i = 0; i < AutoMinerReader.FailuresBeforeRedetect; i++)
        {
            await host.Reader.ReadAsync(options, Token);
        }

        var afterFailures = host.Reader.DetectedApi(options);
        fleet.SetFault(0, MinerFaults.DropConnection, false);
        var recovered = await host.Reader.ReadAsync(options, Token);

        Assert.Equal(MinerApis.VnishWeb, detected);
        Assert.Null(afterFailures);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3111);
        Assert.True(recovered.Answered);
        Assert.Equal(MinerApis.VnishWeb, host.Reader.DetectedApi(options));
    }

    [Fact]
    public async Task SameMiner_ReadBothWays_GivesSameHashrate()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1, TcpApi = true }, cancellationToken: Token);
        using var host = new MinerReaderHost();

        var web = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], api: "web"), Token);
        var tcp = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], api: "tcp"), Token);

        Assert.Equal(MinerApis.VnishWeb, web.Api);
        Assert.Equal(MinerApis.CgminerTcp, tcp.Api);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, web.HashrateRealtimeHps);
        Assert.Equal(web.HashrateRealtimeHps, tcp.HashrateRealtimeHps);
        Assert.Equal(web.HashrateAverageHps, tcp.HashrateAverageHps);
        Assert.Equal(web.HashrateNominalHps, tcp.HashrateNominalHps);
    }

    [Fact]
    public async Task UnknownApiSetting_IsReportedNotThrown()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var host = new MinerReaderHost();

        var sample = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], api: "snmp"), Token);

        Assert.False(sample.Answered);
        Assert.Contains("snmp", sample.Error, StringComparison.Ordinal);
    }
}
