using FleetServerless.Relay.Miners;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>The TCP reader against each malformed reply form, served by a simulated miner.</summary>
public sealed class CgminerTcpReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(SimulatedFleet Fleet, FleetServerless.Core.Telemetry.MinerSample Sample)> ReadAsync(
        TcpReplyForm form, SimulatedMinerKind kind = SimulatedMinerKind.ScryptL7, bool combined = true)
    {
        var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions
        {
            Count = 1,
            Kind = kind,
            TcpApi = true,
            Configure = (_, s) =>
            {
                s.TcpReplyForm = form;
                s.TcpAcceptsCombinedCommands = combined;
            },
        }, cancellationToken: Token);
        using var host = new MinerReaderHost();
        var sample = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], api: "tcp"), Token);
        return (fleet, sample);
    }

    [Theory]
    [InlineData(TcpReplyForm.Clean)]
    [InlineData(TcpReplyForm.MissingComma)]
    [InlineData(TcpReplyForm.PaddedNumbers)]
    public async Task ReplyForm_GivesExactHashrate(TcpReplyForm form)
    {
        var (fleet, sample) = await ReadAsync(form);
        await using var _ = fleet;
        var expected = fleet[0].Expected;

        Assert.True(sample.Answered, sample.Error);
        Assert.Equal(expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Equal(expected.HashrateAverageHps, sample.HashrateAverageHps);
        Assert.Equal(expected.HashrateNominalHps, sample.HashrateNominalHps);
        Assert.Equal(expected.Boards.Count, sample.Boards!.Count);
        Assert.Equal(expected.UserPoolCount, sample.Pools!.Count);
    }

    [Fact]
    public async Task InfNan_CostsOnlyThoseFields()
    {
        var (fleet, sample) = await ReadAsync(TcpReplyForm.InfNan);
        await using var _ = fleet;

        Assert.True(sample.Answered, sample.Error);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Null(sample.HashrateAverageHps);
        Assert.Contains(sample.Problems!, p => p.StartsWith("summary.GHS av", StringComparison.Ordinal));
        Assert.Equal(3, sample.Boards!.Count);
    }

    [Fact]
    public async Task EmptyReply_IsNotAnswered()
    {
        var (fleet, sample) = await ReadAsync(TcpReplyForm.Empty);
        await using var _ = fleet;

        Assert.False(sample.Answered);
        Assert.Contains("empty reply", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedReply_KeepsWhatCameBeforeTheCut()
    {
        var (fleet, sample) = await ReadAsync(TcpReplyForm.Truncated);
        await using var _ = fleet;

        Assert.True(sample.Answered, sample.Error);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Equal(3, sample.Boards!.Count);
        Assert.Contains(sample.Problems!, p => p.Contains("cut short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CombinedRejected_FallsBackToSingleCommands()
    {
        var (fleet, sample) = await ReadAsync(TcpReplyForm.Clean, SimulatedMinerKind.TcpOnlyL3Plus, combined: false);
        await using var _ = fleet;

        Assert.True(sample.Answered, sample.Error);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Equal(4, sample.Boards!.Count);
        Assert.Equal(2, sample.Fans!.Count);
        Assert.Equal(fleet[0].Expected.UserPoolCount, sample.Pools!.Count);
        Assert.Equal(4, fleet[0].TcpRequests);
    }
}
