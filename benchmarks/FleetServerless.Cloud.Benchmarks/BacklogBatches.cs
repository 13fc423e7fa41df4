using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Benchmarks;

/// <summary>The relay's outbox after an outage: one batch per 30-second poll cycle of every miner.</summary>
internal static class BacklogBatches
{
    public static List<TelemetryBatch> Create(int miners, TimeSpan duration, TimeSpan interval, DateTimeOffset start)
    {
        var cycles = (int)(duration / interval);
        var batches = new List<TelemetryBatch>(cycles);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var at = start + interval * cycle;
            batches.Add(new TelemetryBatch
            {
                SiteId = "bench-site",
                RelayId = "bench-relay",
                BatchId = $"bench-{cycle + 1:D6}",
                Sequence = cycle + 1,
                CreatedAt = at.AddSeconds(2),
                Relay = new RelayHeartbeat { Version = "0.1.0", OutboxDepth = cycles - cycle - 1, MinersConfigured = miners },
                Samples = Enumerable.Range(1, miners).Select(m => Sample($"miner-{m:D2}", at, m)).ToList(),
            });
        }

        return batches;
    }

    private static MinerSample Sample(string minerId, DateTimeOffset at, int index) => new()
    {
        MinerId = minerId,
        Host = "127.0.0.2:80",
        CollectedAt = at,
        Answered = true,
        Api = "vnish-web",
        Model = "Antminer L7",
        Firmware = "1.2.6",
        Algorithm = "scrypt",
        State = MinerStates.Mining,
        HashrateRealtimeHps = 9.5e9 + index * 1e6,
        HashrateAverageHps = 9.5e9,
        HashrateNominalHps = 9.5e9,
        PowerWatts = 3425,
        ChipTempMaxC = 70 + index % 5,
        BoardTempMaxC = 60 + index % 5,
        FanDutyPercent = 60,
        UptimeSeconds = 86_400,
        Fans = [new FanSample { Id = 1, Rpm = 5400 }, new FanSample { Id = 2, Rpm = 5460 }],
        Boards =
        [
            new BoardSample { Id = 1, State = "mining", HashrateRealtimeHps = 3.17e9, ChipCount = 120, ChipsRed = 0, ChipTempMaxC = 70 },
            new BoardSample { Id = 2, State = "mining", HashrateRealtimeHps = 3.17e9, ChipCount = 120, ChipsRed = 0, ChipTempMaxC = 71 },
            new BoardSample { Id = 3, State = "mining", HashrateRealtimeHps = 3.16e9, ChipCount = 120, ChipsRed = 1, ChipTempMaxC = 69 },
        ],
        Pools = [new PoolSample { Url = "stratum+tcp://pool.example:3333", User = "owner.l7", Status = "active", Accepted = 1000, Rejected = 2 }],
    };
}
