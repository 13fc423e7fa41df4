using System.Net;
using System.Text.Json.Nodes;
using FleetServerless.Relay.Commands;
using FleetServerless.Relay.Miners.Scanning;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary><c>scan</c> against simulated miners, on 127.0.0.1 only, and address range parsing.</summary>
public sealed class ScanCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_FindsWebAndTcpMiners()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions
        {
            Count = 4,
            Configure = (i, s) => s.Kind = i == 3 ? SimulatedMinerKind.TcpOnlyL3Plus : SimulatedMinerKind.ScryptL7,
        }, cancellationToken: Token);
        var closedPort = Testing.LoopbackPorts.GetFreeTcpPort();
        var ports = fleet.Miners.Take(3).Select(m => m.WebPort).Append(fleet[3].TcpPort!.Value).Append(closedPort);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(
            ["scan", "127.0.0.1/32", "--ports", string.Join(',', ports), "--timeout-seconds", "5", "--config-snippet"], output, error);

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        foreach (var miner in fleet.Miners.Take(3))
        {
            Assert.Contains(miner.Mac, text, StringComparison.Ordinal);
        }

        Assert.Contains("cgminer-tcp", text, StringComparison.Ordinal);
        Assert.Contains("Antminer L3+", text, StringComparison.Ordinal);
        Assert.Contains("4 miner APIs found on 1 addresses × 5 ports.", text, StringComparison.Ordinal);

        var snippet = JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..])!;
        var miners = snippet["Relay"]!["Miners"]!.AsArray();
        Assert.Equal(3, miners.Count);
        Assert.Contains(miners, m => m!["Host"]!.GetValue<string>() == fleet[0].Host);
    }

    [Fact]
    public async Task Scanner_FindsNothingOnClosedPorts()
    {
        var port = Testing.LoopbackPorts.GetFreeTcpPort();

        var findings = await ScanCommand.RunAsync([IPAddress.Loopback], [port], 4, TimeSpan.FromSeconds(2), Token);

        Assert.Empty(findings);
    }

    [Fact]
    public async Task Scan_InvalidRange_ExitsWithMessage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["scan", "127.0.0.300/30"], output, error);

        Assert.Equal(ScanCommand.InvalidArgumentExitCode, exitCode);
        Assert.Contains("127.0.0.300/30", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1/32", 1, "127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.0/30", 4, "127.0.0.0", "127.0.0.3")]
    [InlineData("127.0.0.1-127.0.0.20", 20, "127.0.0.1", "127.0.0.20")]
    [InlineData("127.0.0.5-9", 5, "127.0.0.5", "127.0.0.9")]
    [InlineData("127.0.0.7", 1, "127.0.0.7", "127.0.0.7")]
    [InlineData("::1/128", 1, "::1", "::1")]
    public void AddressRange_ParsesForms(string text, int count, string first, string last)
    {
        var addresses = AddressRange.Parse(text);

        Assert.Equal(count, addresses.Count);
        Assert.Equal(IPAddress.Parse(first), addresses[0]);
        Assert.Equal(IPAddress.Parse(last), addresses[^1]);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("127.0.0.20-127.0.0.1")]
    [InlineData("miner.example")]
    [InlineData("127.0.0.1-::1")]
    public void AddressRange_RejectsInvalidOrTooLarge(string text)
    {
        var error = Assert.Throws<FormatException>(() => AddressRange.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("80,4028", new[] { 80, 4028 })]
    [InlineData(" 8080 , 80,80", new[] { 8080, 80 })]
    public void Ports_Parse(string text, int[] expected) =>
        Assert.Equal(expected, ScanCommand.ParsePorts(text));

    [Theory]
    [InlineData("0")]
    [InlineData("80,http")]
    [InlineData("")]
    public void Ports_RejectInvalid(string text) =>
        Assert.Throws<FormatException>(() => ScanCommand.ParsePorts(text));

    [Fact]
    public void Snippet_AttachesTcpPortToWebMiner()
    {
        var snippet = JsonNode.Parse(ScanCommand.ConfigurationSnippet(
        [
            new ScanFinding { Address = "127.0.0.2", Port = 80, Api = "vnish-web", Hostname = "l7-01" },
            new ScanFinding { Address = "127.0.0.2", Port = 4028, Api = "cgminer-tcp" },
            new ScanFinding { Address = "127.0.0.3", Port = 4028, Api = "cgminer-tcp" },
        ]))!;
        var miners = snippet["Relay"]!["Miners"]!.AsArray();

        Assert.Equal(2, miners.Count);
        Assert.Equal("127.0.0.2", miners[0]!["Host"]!.GetValue<string>());
        Assert.Equal(4028, miners[0]!["TcpPort"]!.GetValue<int>());
        Assert.Equal("tcp", miners[1]!["Api"]!.GetValue<string>());
    }
}
