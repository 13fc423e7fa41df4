using FleetServerless.Cloud.Api.History;

namespace FleetServerless.Cloud.Api.Export;

/// <summary>One dataset of <c>GET /api/export/{dataset}.csv</c>: the rollup table it reads and the period of its rows.</summary>
public sealed record ExportDataset(string Name, HistorySource Source, TimeSpan RowPeriod, bool PerMiner)
{
    public static readonly IReadOnlyList<ExportDataset> All =
    [
        new("fleet-5m", HistorySource.Fleet5m, TimeSpan.FromMinutes(5), PerMiner: false),
        new("miner-hourly", HistorySource.MinerHourly, TimeSpan.FromHours(1), PerMiner: true),
        new("miner-daily", HistorySource.MinerDaily, TimeSpan.FromDays(1), PerMiner: true),
    ];

    public static ExportDataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
