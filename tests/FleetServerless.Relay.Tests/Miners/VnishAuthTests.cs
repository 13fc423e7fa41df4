using FleetServerless.Relay.Miners;
using FleetServerless.Simulator.Miners;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Web API authentication against simulated miners: token expiry, wrong password, lock-out, API key.</summary>
public sealed class VnishAuthTests
{
    private const string Secret = "Pw-7f3c9e1b-never-logged";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<SimulatedFleet> StartAsync(string password = Secret, string? apiKey = null) =>
        SimulatedFleet.StartAsync(new SimulatedFleetOptions { Count = 1, Password = password, ApiKey = apiKey }, cancellationToken: Token);

    [Fact]
    public async Task TokenExpiryMidRun_UnlocksAgain()
    {
        await using var fleet = await StartAsync();
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0]);

        var first = await host.Reader.ReadAsync(options, Token);
        var cached = await host.Reader.ReadAsync(options, Token);
        fleet.ExpireAllTokens();
        var afterExpiry = await host.Reader.ReadAsync(options, Token);

        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, first.HashrateRealtimeHps);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, cached.HashrateRealtimeHps);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, afterExpiry.HashrateRealtimeHps);
        Assert.Null(afterExpiry.Problems);
        Assert.Equal(2, fleet[0].UnlockRequests);
    }

    [Fact]
    public async Task WrongPassword_ReportedOnceWithoutRetryStorm()
    {
        await using var fleet = await StartAsync(password: "the-miners-real-password");
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0], password: Secret);

        var samples = new List<FleetServerless.Core.Telemetry.MinerSample>();
        for (var poll = 0; poll < 6; poll++)
        {
            samples.Add(await host.Reader.ReadAsync(options, Token));
        }

        Assert.Equal(1, fleet[0].UnlockRequests);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3101);
        Assert.All(samples, s => Assert.True(s.Answered));
        Assert.All(samples, s => Assert.Null(s.HashrateRealtimeHps));
        Assert.All(samples, s => Assert.Contains(s.Problems!, p => p.Contains("wrong password", StringComparison.Ordinal)));
        Assert.All(samples, s => Assert.Equal(fleet[0].Mac, s.MinerId));
        Assert.DoesNotContain(Secret, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Join("\n", samples.SelectMany(s => s.Problems ?? [])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_Fixed_RetriedAtOnce()
    {
        await using var fleet = await StartAsync();
        using var host = new MinerReaderHost();

        await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], password: "wrong"), Token);
        var fixedSample = await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0], password: Secret), Token);

        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, fixedSample.HashrateRealtimeHps);
        Assert.Equal(2, fleet[0].UnlockRequests);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3105);
    }

    [Fact]
    public async Task WrongPassword_RetriedAfterInterval()
    {
        await using var fleet = await StartAsync(password: "other");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new MinerReaderHost(clock);
        var options = MinerReaderHost.OptionsFor(fleet[0], password: Secret);

        await host.Reader.ReadAsync(options, Token);
        clock.Advance(VnishWebClient.WrongPasswordRetryInterval - TimeSpan.FromSeconds(1));
        await host.Reader.ReadAsync(options, Token);
        var beforeInterval = fleet[0].UnlockRequests;
        clock.Advance(TimeSpan.FromSeconds(2));
        await host.Reader.ReadAsync(options, Token);

        Assert.Equal(1, beforeInterval);
        Assert.Equal(2, fleet[0].UnlockRequests);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3101);
    }

    [Fact]
    public async Task Lockout_BacksOffForUnlockTimeout()
    {
        await using var fleet = await StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new MinerReaderHost(clock);
        var options = MinerReaderHost.OptionsFor(fleet[0]);
        fleet[0].LockOut(TimeSpan.FromSeconds(120));

        var locked = await host.Reader.ReadAsync(options, Token);
        clock.Advance(TimeSpan.FromSeconds(60));
        await host.Reader.ReadAsync(options, Token);
        var duringLockout = fleet[0].UnlockRequests;

        fleet[0].LockOut(TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterLockout = await host.Reader.ReadAsync(options, Token);

        Assert.Contains(locked.Problems!, p => p.Contains("429", StringComparison.Ordinal));
        Assert.Null(locked.HashrateRealtimeHps);
        Assert.Equal(1, duringLockout);
        Assert.Equal(2, fleet[0].UnlockRequests);
        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, afterLockout.HashrateRealtimeHps);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3102);
    }

    [Fact]
    public async Task ApiKey_IsSentWithoutUnlock()
    {
        await using var fleet = await StartAsync(apiKey: "key-abc");
        using var host = new MinerReaderHost();
        var options = MinerReaderHost.OptionsFor(fleet[0]);
        options.ApiKey = "key-abc";

        var sample = await host.Reader.ReadAsync(options, Token);

        Assert.Equal(fleet[0].Expected.HashrateRealtimeHps, sample.HashrateRealtimeHps);
        Assert.Equal(0, fleet[0].UnlockRequests);
        Assert.DoesNotContain("key-abc", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_NeverLoggedOnSuccess()
    {
        await using var fleet = await StartAsync();
        using var host = new MinerReaderHost();

        await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0]), Token);
        fleet.ExpireAllTokens();
        await host.Reader.ReadAsync(MinerReaderHost.OptionsFor(fleet[0]), Token);

        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain(Secret, host.Logs.AllText, StringComparison.Ordinal);
    }
}
