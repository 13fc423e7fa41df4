using System.Runtime.CompilerServices;
using Azure;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Api.Miners;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Api.Export;

/// <summary>
/// <c>GET /api/export/{dataset}.csv</c>: rollup rows as CSV for Power BI and spreadsheets, filtered by
/// <c>from</c>, <c>to</c> (default: the last 7 days), <c>siteId</c> and, for miner datasets, <c>minerId</c>.
/// </summary>
public sealed class ExportHandler(
    HistoryReader history,
    LatestStateReader latest,
    IOptions<OwnerApiOptions> options,
    TimeProvider time,
    ILogger<ExportHandler> logger)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    public async Task<IResult> ExportAsync(HttpRequest request, string dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = ExportDataset.Find(dataset ?? "");
        if (definition is null)
        {
            return ApiProblems.DatasetNotFound(dataset ?? "", ExportDataset.All.Select(d => d.Name + ".csv"));
        }

        var (query, error) = HistoryQuery.Parse(request, time.GetUtcNow(), options.Value.MaxRangeDays, DefaultSpan);
        if (error is not null)
        {
            return error;
        }

        var siteId = Text(request, "siteId");
        var minerId = Text(request, "minerId");
        IReadOnlyList<(string SiteId, string MinerId)> miners = [];
        if (definition.PerMiner)
        {
            try
            {
                miners = (await latest.ReadAllAsync(siteId, cancellationToken))
                    .Where(m => minerId is null || string.Equals(m.MinerId, minerId, StringComparison.Ordinal))
                    .Select(m => (m.SiteId, m.MinerId))
                    .OrderBy(m => m.SiteId, StringComparer.Ordinal)
                    .ThenBy(m => m.MinerId, StringComparer.Ordinal)
                    .ToList();
            }
            catch (RequestFailedException ex)
            {
                ApiLog.StorageQueryFailed(logger, OwnerApiRoutes.Export, ex);
                return ApiProblems.StorageUnavailable();
            }

            if (minerId is not null && miners.Count == 0)
            {
                return ApiProblems.MinerNotFound(minerId);
            }
        }

        var periods = (long)Math.Ceiling((query!.To - query.From) / definition.RowPeriod) + 1;
        var estimate = definition.PerMiner ? periods * miners.Count : periods;
        if (estimate > options.Value.MaxExportRows)
        {
            return ApiProblems.InvalidParameter("from", HistoryQuery.Format(query.From),
                $"The range could hold {estimate} rows, more than the {options.Value.MaxExportRows} one export writes " +
                "(OwnerApi:MaxExportRows); narrow from and to, or filter by siteId or minerId.");
        }

        var rows = definition.PerMiner
            ? MinerRowsAsync(definition, miners, query.From, query.To, cancellationToken)
            : FleetRowsAsync(definition, siteId, query.From, query.To, cancellationToken);
        var fileName = $"{definition.Name}-{query.From.UtcDateTime:yyyyMMddTHHmm}Z-{query.To.UtcDateTime:yyyyMMddTHHmm}Z.csv";
        return new CsvResult<ExportRow>(fileName, ExportColumns.For(definition), rows,
            count => ApiLog.ExportWritten(logger, definition.Name, count, query.From, query.To));
    }

    private async IAsyncEnumerable<ExportRow> FleetRowsAsync(
        ExportDataset definition, string? siteId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The all-sites rows have an empty siteId cell: no site id is reserved for "all".
        await foreach (var row in history.ReadStoredRowsAsync(definition.Source, siteId, null, from, to, cancellationToken))
        {
            yield return new ExportRow(siteId ?? "", null, row);
        }
    }

    private async IAsyncEnumerable<ExportRow> MinerRowsAsync(
        ExportDataset definition, IReadOnlyList<(string SiteId, string MinerId)> miners, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (siteId, minerId) in miners)
        {
            await foreach (var row in history.ReadStoredRowsAsync(definition.Source, siteId, minerId, from, to, cancellationToken))
            {
                yield return new ExportRow(siteId, minerId, row);
            }
        }
    }

    private static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
