using FleetServerless.Cloud.Ingest;
using FleetServerless.Core.Telemetry;
using FleetServerless.DevHost;
using FleetServerless.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Dashboard.Tests;

/// <summary>
/// A DevHost on Azurite (tables of its own, timers off) holding three hours of a six-miner scrypt fleet at
/// one site, ingested through the ingest path and rolled up by the rollup function, as the relay and timers
/// would have left it.
/// </summary>
/// <remarks>
/// Miners m01 to m05 mine at 9.5 GH/s and 3425 W; m03's board 2 has failed, so m03 delivers two thirds. m06 is
/// stopped: it answers with 0 H/s and 180 W.
/// </remarks>
internal sealed class DashboardFleet : IAsyncDisposable
{
    public const string ApiKey = "dashboard-test-key-0123456789";
    public const string SiteId = "mine-a";
    public const string FailedBoardMiner = "m03";
    public const int MinersTotal = 6;
    public const int MinersMining = 5;
    public const double MinerHashrateHps = 9.5e9;
    public const double ExpectedHashrateHps = (4 * MinerHashrateHps) + (MinerHashrateHps * 2 / 3);

    private DashboardFleet(RunningDevHost host)
    {
        Host = host;
    }

    public RunningDevHost Host { get; }

    public Uri DashboardAddress => new(Host.BaseAddress, "api/dashboard");

    public static async Task<DashboardFleet> StartAsync()
    {
        var connectionString = await TestStorage.RequireConnectionStringAsync();
        var host = await DevHostApp.StartAsync(
        [
            new("Storage:ConnectionString", connectionString),
            new("Storage:TablePrefix", TestStorage.UniqueName("dash")),
            new("DevHost:ApiKey", ApiKey),
            new("DevHost:TimersEnabled", "false"),
            new("DevHost:QueuesEnabled", "false"),
            new("FleetTelemetry:RefreshEnabled", "false"),
        ]);

        try
        {
            var now = DateTimeOffset.UtcNow;
            var batches = Enumerable.Range(0, 36)
                .Select(i => Cycle(sequence: i + 1, at: now.AddSeconds(-10).AddMinutes(-5 * (35 - i))))
                .ToList();
            var ingestor = host.Services.GetRequiredService<ITelemetryIngestor>();
            await ingestor.IngestAsync(batches, IngestSource.Https, CancellationToken.None);
            await host.Functions.RunTimerAsync("BuildRollups");
            return new DashboardFleet(host);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static TelemetryBatch Cycle(long sequence, DateTimeOffset at) => new()
    {
        SiteId = SiteId,
        RelayId = "relay-dash",
        BatchId = $"relay-dash-{sequence:D6}",
        Sequence = sequence,
        CreatedAt = at.AddSeconds(1),
        Relay = new RelayHeartbeat { Version = "0.1.0", OutboxDepth = 0, MinersConfigured = MinersTotal, UptimeSeconds = 3600 + sequence },
        Samples = Enumerable.Range(1, MinersTotal).Select(i => Sample($"m{i:D2}", at)).ToList(),
    };

    private static MinerSample Sample(string minerId, DateTimeOffset at)
    {
        var stopped = minerId == "m06";
        var failedBoard = minerId == FailedBoardMiner;
        var boardHashrate = MinerHashrateHps / 3;
        var minerHashrate = failedBoard ? boardHashrate * 2 : MinerHashrateHps;
        var boards = Enumerable.Range(1, 3).Select(id => new BoardSample
        {
            Id = id,
            State = BoardState(stopped, failedBoard && id == 2),
            Description = failedBoard && id == 2 ? "chain 2 lost: no chips found" : null,
            HashrateRealtimeHps = stopped || (failedBoard && id == 2) ? 0 : boardHashrate,
            HashrateNominalHps = boardHashrate,
            ChipTempMaxC = failedBoard && id == 2 ? null : 68 + id,
            ChipCount = 120,
            ChipsRed = 0,
        }).ToList();

        return new MinerSample
        {
            MinerId = minerId,
            Host = $"127.0.0.{10 + int.Parse(minerId[1..])}:80",
            CollectedAt = at,
            Answered = true,
            Api = "vnish-web",
            Model = "Antminer L7",
            Firmware = "1.2.6",
            Algorithm = "scrypt",
            State = stopped ? MinerStates.Stopped : MinerStates.Mining,
            HashrateRealtimeHps = stopped ? 0 : minerHashrate,
            HashrateAverageHps = stopped ? 0 : minerHashrate,
            HashrateNominalHps = MinerHashrateHps,
            PowerWatts = stopped ? 180 : 3425,
            ChipTempMaxC = stopped ? 35 : 71,
            BoardTempMaxC = stopped ? 30 : 62,
            Boards = boards,
            Pools = [new PoolSample { Url = "stratum+tcp://pool.miner.example:3333", User = "owner." + minerId, Status = "active", Accepted = 100, Rejected = 1 }],
        };
    }

    private static string BoardState(bool minerStopped, bool boardFailed)
    {
        if (minerStopped)
        {
            return "stopped";
        }

        return boardFailed ? "failure" : "mining";
    }
}
