using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>Telemetry batches with known values: L7-like scrypt miners at 9.5 GH/s and 3425 W.</summary>
internal static class TestBatches
{
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Each test miner has its own address, as real miners of one site do; only the name is ever used.</summary>
    public static string HostOf(string minerId) => $"{minerId.Replace(':', '-')}.miner.example:80";

    public static MinerSample Sample(string minerId, DateTimeOffset collectedAt, double hashrateHps = 9.5e9, double? powerWatts = 3425,
        bool answered = true, string state = MinerStates.Mining, double? chipTempMaxC = 70) =>
        answered
            ? new MinerSample
            {
                MinerId = minerId,
                Host = HostOf(minerId),
                CollectedAt = collectedAt,
                Answered = true,
                Api = "vnish-web",
                Model = "Antminer L7",
                Algorithm = "scrypt",
                State = state,
                HashrateRealtimeHps = hashrateHps,
                HashrateAverageHps = hashrateHps,
                HashrateNominalHps = 9.5e9,
                PowerWatts = powerWatts,
                ChipTempMaxC = chipTempMaxC,
                BoardTempMaxC = chipTempMaxC - 10,
            }
            : new MinerSample
            {
                MinerId = minerId,
                Host = HostOf(minerId),
                CollectedAt = collectedAt,
                Answered = false,
                Error = "timed out after 5 s",
            };

    /// <summary>One poll cycle of <paramref name="minerCount"/> miners named <c>m01</c>, <c>m02</c>….</summary>
    public static TelemetryBatch Cycle(long sequence, int minerCount = 3, string siteId = "site-a", string relayId = "relay-1",
        TimeSpan? interval = null, DateTimeOffset? start = null)
    {
        var at = (start ?? Start) + (interval ?? TimeSpan.FromSeconds(30)) * (sequence - 1);
        return new TelemetryBatch
        {
            SiteId = siteId,
            RelayId = relayId,
            BatchId = $"{relayId}-{sequence:D6}",
            Sequence = sequence,
            CreatedAt = at.AddSeconds(1),
            Relay = new RelayHeartbeat { Version = "0.1.0", OutboxDepth = 0, MinersConfigured = minerCount, UptimeSeconds = 100 + sequence },
            Samples = Enumerable.Range(1, minerCount).Select(i => Sample($"m{i:D2}", at)).ToList(),
        };
    }
}
