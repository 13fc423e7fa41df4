using FleetServerless.Cloud.Profitability;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Tests.Profitability;

/// <summary>A fleet of miners with fixed latest samples and a fixed mean hashrate, in place of the ingest tables.</summary>
internal sealed class FakeMinerDataReader(IReadOnlyList<SiteMinerSample> latest, Func<string, double?>? meanHashrate = null) : IMinerDataReader
{
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public Task<IReadOnlyList<SiteMinerSample>> GetLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SiteMinerSample>>(latest.Select(m => m with { Sample = m.Sample with { CollectedAt = Now() } }).ToList());

    public Task<double?> GetMeanHashrateAsync(string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(meanHashrate is null ? latest.First(m => m.Sample.MinerId == minerId).Sample.HashrateRealtimeHps : meanHashrate(minerId));

    /// <summary>Twelve L7s at 9.5 GH/s and 3,425 W on one site, mining as <c>acme.rig01</c> to <c>acme.rig12</c>.</summary>
    public static FakeMinerDataReader TwelveL7s(string siteId = "site-a", int count = 12) => new(
        Enumerable.Range(1, count).Select(i => new SiteMinerSample(siteId, new MinerSample
        {
            MinerId = $"miner-{i:00}",
            Host = $"127.0.0.{i + 1}",
            CollectedAt = DateTimeOffset.UtcNow,
            Answered = true,
            State = "mining",
            Algorithm = "scrypt",
            HashrateRealtimeHps = 9.5e9,
            PowerWatts = 3425,
            Pools = [new PoolSample { Url = "stratum+tcp://127.0.0.1:3333", User = $"acme.rig{i:00}", Status = "active" }],
        })).ToList());
}
