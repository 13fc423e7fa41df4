using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FleetServerless.Simulator.Miners;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Simulator.Tests;

public sealed class SimulatedFleetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultFleet_TwelveL7Miners()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions(), cancellationToken: Token);

        Assert.Equal(12, fleet.Miners.Count);
        Assert.Equal(12, fleet.Miners.Select(m => m.WebPort).Distinct().Count());
        Assert.All(fleet.Miners, m => Assert.StartsWith("127.0.0.1:", m.Host, StringComparison.Ordinal));
        Assert.Equal(12, fleet.Miners.Select(m => m.Mac).Distinct().Count());
        Assert.All(fleet.Expected, e => Assert.Equal("MH/s", e.HashrateUnit));
        Assert.All(fleet.Expected, e => Assert.InRange(e.HashrateRealtime, 9490, 9510));
    }

    [Fact]
    public async Task Expected_MatchesWhatTheMinerServes()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 3 }, cancellationToken: Token);
        using var client = new SimulatorClient();

        foreach (var miner in fleet.Miners)
        {
            var expected = miner.Expected;
            var token = await client.UnlockTokenAsync(miner);
            var (_, summary) = await client.GetAsync(miner, "summary", token);
            var (_, info) = await client.GetAsync(miner, "info");

            Assert.Equal(expected.HashrateRealtime, summary!["miner"]!["hr_realtime"]!.GetValue<double>());
            Assert.Equal(expected.PowerWatts, summary["miner"]!["power_consumption"]!.GetValue<int>());
            Assert.Equal(expected.Mac, info!["system"]!["network_status"]!["mac"]!.GetValue<string>());
            Assert.Equal(expected.UptimeText, info["system"]!["uptime"]!.GetValue<string>());
            Assert.Equal(expected.HashrateRealtime, expected.Boards.Sum(b => b.HashrateRealtime));
            Assert.Equal(expected.HashrateRealtime * 1e6, expected.HashrateRealtimeHps);
        }
    }

    [Fact]
    public async Task Summary_WithoutToken_Is401()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var client = new SimulatorClient();

        var (status, _) = await client.GetAsync(fleet[0], "summary");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Summary_WithApiKey_IsServed()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1, ApiKey = "key-1" }, cancellationToken: Token);
        using var client = new SimulatorClient();

        var (status, _) = await client.GetAsync(fleet[0], "summary", apiKey: "key-1");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Token_ExpiresAfterLifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, TokenLifetime = TimeSpan.FromMinutes(10), TimeProvider = clock }, cancellationToken: Token);
        using var client = new SimulatorClient();
        var token = await client.UnlockTokenAsync(fleet[0]);

        var (before, _) = await client.GetAsync(fleet[0], "summary", token);
        clock.Advance(TimeSpan.FromMinutes(11));
        var (after, _) = await client.GetAsync(fleet[0], "summary", token);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task ExpireTokens_InvalidatesIssuedTokens()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var client = new SimulatorClient();
        var token = await client.UnlockTokenAsync(fleet[0]);

        fleet.ExpireAllTokens();
        var (status, _) = await client.GetAsync(fleet[0], "summary", token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Lockout_Answers429WithUnlockTimeout()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, WrongPasswordsBeforeLockout = 3, LockoutDuration = TimeSpan.FromSeconds(90) }, cancellationToken: Token);
        using var client = new SimulatorClient();

        var first = await client.UnlockAsync(fleet[0], "wrong");
        var second = await client.UnlockAsync(fleet[0], "wrong");
        var third = await client.UnlockAsync(fleet[0], "wrong");
        var rightButLocked = await client.UnlockAsync(fleet[0], fleet[0].Password);

        Assert.Equal(HttpStatusCode.Forbidden, first.Status);
        Assert.Equal(HttpStatusCode.Forbidden, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal(90, third.Body!["unlock_timeout"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLocked.Status);
    }

    [Fact]
    public async Task FirmwareLine_SwitchesBoardEndpointAtRunTime()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var client = new SimulatorClient();

        var (chainsBefore, _) = await client.GetAsync(fleet[0], "chains");
        fleet[0].FirmwareVersion = "1.3.0-alpha";
        var (chainsAfter, _) = await client.GetAsync(fleet[0], "chains");
        var (boardsAfter, boards) = await client.GetAsync(fleet[0], "boards");

        Assert.Equal(HttpStatusCode.OK, chainsBefore);
        Assert.Equal(HttpStatusCode.NotFound, chainsAfter);
        Assert.Equal(HttpStatusCode.OK, boardsAfter);
        Assert.Equal(3, boards!.AsArray().Count);
    }

    [Fact]
    public async Task Starting_SummaryMinerIsNull()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var client = new SimulatorClient();
        fleet.SetFault(0, MinerFaults.Starting, true);
        var token = await client.UnlockTokenAsync(fleet[0]);

        var (_, summary) = await client.GetAsync(fleet[0], "summary", token);

        Assert.True(summary!.AsObject().ContainsKey("miner"));
        Assert.Null(summary["miner"]);
    }

    [Fact]
    public async Task MalformedJson_CutsTheBody()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var http = new HttpClient();
        fleet.SetFault(0, MinerFaults.MalformedJson, true);

        var text = await http.GetStringAsync($"http://{fleet[0].Host}/api/v1/info", Token);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(text));
    }

    [Fact]
    public async Task DropConnection_ResetsTheRequest()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var http = new HttpClient();
        fleet.SetFault(0, MinerFaults.DropConnection, true);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://{fleet[0].Host}/api/v1/info", Token));
    }

    [Fact]
    public async Task Hanging_NeverAnswers()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var http = new HttpClient();
        fleet.SetFault(0, MinerFaults.Hanging, true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetStringAsync($"http://{fleet[0].Host}/api/v1/info", timeout.Token));
    }

    [Fact]
    public async Task OfflineAtStart_RefusesConnections()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 2, Configure = (i, s) => s.Faults = i == 1 ? MinerFaults.Offline : MinerFaults.None },
            cancellationToken: Token);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

        var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, fleet[1].WebPort, Token));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task TcpOnlyMiner_HasNoWebApi()
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new SimulatedFleetOptions { Count = 1, Kind = SimulatedMinerKind.TcpOnlyL3Plus }, cancellationToken: Token);
        using var client = new SimulatorClient();
        using var http = new HttpClient();

        var response = await http.GetAsync($"http://{fleet[0].Host}/api/v1/info", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(fleet[0].TcpPort);
        Assert.Null(fleet[0].Expected.Mac);
    }

    [Fact]
    public async Task LargeFleet_ServesEveryPort()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1000 }, cancellationToken: Token);
        using var http = new HttpClient();

        Assert.Equal(1000, fleet.Miners.Select(m => m.WebPort).Distinct().Count());
        foreach (var miner in new[] { fleet[0], fleet[499], fleet[999] })
        {
            var info = JsonNode.Parse(await http.GetStringAsync($"http://{miner.Host}/api/v1/info", Token));
            Assert.Equal(miner.Mac, info!["system"]!["network_status"]!["mac"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task FaultSwitchedAfterRead_ChangesNextAnswer()
    {
        // Bodies are cached per miner state, so a switch must still show on the very next request.
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1 }, cancellationToken: Token);
        using var client = new SimulatorClient();
        var token = await client.UnlockTokenAsync(fleet[0]);

        var (_, before) = await client.GetAsync(fleet[0], "summary", token);
        fleet.SetFault(0, MinerFaults.Starting, true);
        var (_, after) = await client.GetAsync(fleet[0], "summary", token);

        Assert.NotNull(before!["miner"]);
        Assert.Null(after!["miner"]);
    }
}
