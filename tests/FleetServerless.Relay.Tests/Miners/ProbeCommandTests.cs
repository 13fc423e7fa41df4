using FleetServerless.Relay.Commands;
using FleetServerless.Relay.Miners;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary><c>probe</c> against simulated miners on loopback.</summary>
public sealed class ProbeCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(int ExitCode, string Output)> ProbeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RelayCommandLine.InvokeAsync(["probe", .. arguments, "--config", Path.Combine(Path.GetTempPath(), "no-such-relay.json")], output, error);
        return (exitCode, output + error.ToString());
    }

    [Fact]
    public async Task Probe_HealthyMiner_PrintsApiAndSample()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);

        var (exitCode, output) = await ProbeAsync(fleet[0].Host);

        Assert.Equal(0, exitCode);
        Assert.Contains("API: vnish-web", output, StringComparison.Ordinal);
        Assert.Contains($"\"minerId\": \"{fleet[0].Mac}\"", output, StringComparison.Ordinal);
        Assert.Contains($"\"hashrateRealtimeHps\": {fleet[0].Expected.HashrateRealtimeHps}", output, StringComparison.Ordinal);
        Assert.Contains("Problems: none", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_FailedBoard_ListsItsDescription()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Configure = (_, s) => s.Faults = MinerFaults.Failure }, cancellationToken: Token);

        var (exitCode, output) = await ProbeAsync(fleet[0].Host);

        Assert.Equal(0, exitCode);
        Assert.Contains($"board {SimulatedMiner.FailedBoardId} failure: {SimulatedMiner.FailedBoardDescription}", output, StringComparison.Ordinal);
        Assert.Contains($"miner in failure: {SimulatedMiner.FailureDescription}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_WrongPassword_ListsAuthProblem()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Password = "not-the-default" }, cancellationToken: Token);

        var (exitCode, output) = await ProbeAsync(fleet[0].Host, "--api", "web");

        Assert.Equal(0, exitCode);
        Assert.Contains("wrong password (HTTP 403)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_TcpOnlyMiner_UsesTcpApi()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Kind = SimulatedMinerKind.TcpOnlyL3Plus }, cancellationToken: Token);

        var (exitCode, output) = await ProbeAsync(fleet[0].Host, "--tcp-port", fleet[0].TcpPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exitCode);
        Assert.Contains("API: cgminer-tcp", output, StringComparison.Ordinal);
        Assert.Contains("Antminer L3+", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_OfflineMiner_ExitsNonZero()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Configure = (_, s) => s.Faults = MinerFaults.Offline }, cancellationToken: Token);

        var (exitCode, output) = await ProbeAsync(fleet[0].Host, "--api", "web");

        Assert.Equal(ProbeCommand.NotReadExitCode, exitCode);
        Assert.Contains("not read:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SimulatedMinerKind.ScryptL7, "1.2.6")]
    [InlineData(SimulatedMinerKind.ScryptL7, "1.3.4")]
    [InlineData(SimulatedMinerKind.TcpOnlyL3Plus, "1.2.6")]
    public async Task Probe_SaveRaw_WritesReplayablePayloads(SimulatedMinerKind kind, string firmware)
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Kind = kind, FirmwareVersion = firmware }, cancellationToken: Token);
        var folder = Path.Combine(Path.GetTempPath(), "fleet-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            var port = (fleet[0].TcpPort ?? 4028).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (exitCode, output) = await ProbeAsync(fleet[0].Host, "--tcp-port", port, "--save-raw", folder);

            var replayed = kind == SimulatedMinerKind.TcpOnlyL3Plus
                ? CgminerNormalizer.Normalize(Payloads.Miner, Payloads.Cgminer(folder), Payloads.CollectedAt)
                : VnishNormalizer.Normalize(Payloads.Miner, Payloads.Vnish(folder), Payloads.CollectedAt);
            Assert.Equal(0, exitCode);
            Assert.DoesNotContain("not saved", output, StringComparison.Ordinal);
            Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, replayed.HashrateRealtimeHps);
            Assert.Equal(fleet[0].Expected.Boards.Count, replayed.Boards!.Count);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
