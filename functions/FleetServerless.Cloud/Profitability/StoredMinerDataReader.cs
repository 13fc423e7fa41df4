using FleetServerless.Cloud.Storage;

namespace FleetServerless.Cloud.Profitability;

/// <summary>Reads miner data from the ingest tables: the latest-state table and raw samples.</summary>
public sealed class StoredMinerDataReader(LatestStateStore latest, SampleStore samples) : IMinerDataReader
{
    public async Task<IReadOnlyList<SiteMinerSample>> GetLatestAsync(CancellationToken cancellationToken)
    {
        var rows = await latest.GetAllAsync(cancellationToken);
        return rows.Items.Select(r => new SiteMinerSample(r.SiteId, r.ToSample())).ToList();
    }

    public async Task<double?> GetMeanHashrateAsync(
        string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await samples.GetSamplesAsync(siteId, minerId, from, to, cancellationToken);
        var values = rows.Items
            .Select(r => r.Answered ? r.HashrateRealtimeHps : 0)
            .Where(v => v is not null)
            .Select(v => v!.Value)
            .ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
