using System.Text;
using System.Text.Json.Nodes;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Simulator.Tests;

public sealed class CgminerTcpTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<SimulatedFleet> StartAsync(TcpReplyForm form, SimulatedMinerKind kind = SimulatedMinerKind.ScryptL7, bool combined = true) =>
        SimulatedFleet.StartAsync(new SimulatedFleetOptions
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

    private static string Text(byte[] reply) => Encoding.UTF8.GetString(reply);

    [Fact]
    public async Task CleanReply_IsJsonEndingWithNul()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Clean);

        var reply = await SimulatorClient.SendTcpAsync(fleet[0], "summary");

        Assert.Equal(0, reply[^1]);
        var summary = JsonNode.Parse(Text(reply[..^1]))!;
        Assert.Equal(fleet[0].Expected.HashrateRealtime, summary["SUMMARY"]![0]!["GHS 5s"]!.GetValue<double>());
    }

    [Fact]
    public async Task CombinedCommand_HasEveryPart()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Clean);

        var reply = JsonNode.Parse(Text(await SimulatorClient.SendTcpAsync(fleet[0], "summary+stats+pools"))[..^1])!;

        Assert.NotNull(reply["summary"]);
        Assert.NotNull(reply["stats"]);
        Assert.NotNull(reply["pools"]);
    }

    [Fact]
    public async Task CombinedCommand_RejectedWhenDisabled()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Clean, combined: false);

        var reply = JsonNode.Parse(Text(await SimulatorClient.SendTcpAsync(fleet[0], "summary+stats"))[..^1])!;

        Assert.Equal("E", reply["STATUS"]![0]!["STATUS"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingComma_HasBraceBrace()
    {
        await using var fleet = await StartAsync(TcpReplyForm.MissingComma);

        var text = Text(await SimulatorClient.SendTcpAsync(fleet[0], "stats"));

        Assert.Contains("}{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaddedNumbers_AreStrings()
    {
        await using var fleet = await StartAsync(TcpReplyForm.PaddedNumbers);

        var reply = JsonNode.Parse(Text(await SimulatorClient.SendTcpAsync(fleet[0], "summary"))[..^1])!;

        Assert.StartsWith("  ", reply["SUMMARY"]![0]!["GHS 5s"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfNan_AreBareWords()
    {
        await using var fleet = await StartAsync(TcpReplyForm.InfNan);

        var text = Text(await SimulatorClient.SendTcpAsync(fleet[0], "summary"));

        Assert.Contains("\"GHS av\":nan", text, StringComparison.Ordinal);
        Assert.Contains(":inf", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_HasNoBytes()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Empty);

        var reply = await SimulatorClient.SendTcpAsync(fleet[0], "summary");

        Assert.Empty(reply);
    }

    [Fact]
    public async Task Truncated_IsCutAt64KB()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Truncated);

        var reply = await SimulatorClient.SendTcpAsync(fleet[0], "stats");

        Assert.Equal(CgminerPayloads.TruncationBytes + 1, reply.Length);
    }

    [Fact]
    public async Task L3Plus_MhsUnderGhsKeys()
    {
        await using var fleet = await StartAsync(TcpReplyForm.Clean, SimulatedMinerKind.TcpOnlyL3Plus);

        var stats = JsonNode.Parse(Text(await SimulatorClient.SendTcpAsync(fleet[0], "stats"))[..^1])!;

        Assert.Equal("Antminer L3+ (024)", stats["STATS"]![0]!["Type"]!.GetValue<string>());
        Assert.Null(stats["STATS"]![1]!["rate_unit"]);
        Assert.InRange(stats["STATS"]![1]!["GHS 5s"]!.GetValue<double>(), 500, 510);
        Assert.Equal(System.Text.Json.JsonValueKind.String, stats["STATS"]![1]!["chain_rate1"]!.GetValueKind());
    }
}
