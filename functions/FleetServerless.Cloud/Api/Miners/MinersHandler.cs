using System.Text.Json;
using Azure;
using FleetServerless.Cloud.Alerts;
using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Api.Miners;

/// <summary><c>GET /api/miners</c> and <c>GET /api/miners/{id}</c>: each miner's latest state.</summary>
public sealed class MinersHandler(
    LatestStateReader reader,
    IOptions<OwnerApiOptions> options,
    TimeProvider time,
    ILogger<MinersHandler> logger,
    ActiveAlertReader? activeAlerts = null,
    IPoolStatusReader? pools = null)
{
    /// <summary>Lists every miner, or those of one site when the <c>siteId</c> query parameter is given.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var siteId = request.Query["siteId"].ToString();
        IReadOnlyList<LatestStateEntity> rows;
        try
        {
            rows = await reader.ReadAllAsync(string.IsNullOrEmpty(siteId) ? null : siteId, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            ApiLog.StorageQueryFailed(logger, OwnerApiRoutes.Miners, ex);
            return ApiProblems.StorageUnavailable();
        }

        var now = time.GetUtcNow();
        var staleAfter = options.Value.StaleAfter;
        var miners = rows
            .Select(row => ToListItem(row, now, staleAfter))
            .OrderBy(m => m.SiteId, StringComparer.Ordinal)
            .ThenBy(m => m.MinerId, StringComparer.Ordinal)
            .ToList();

        return Results.Json(new MinerListResponse(now, options.Value.StaleAfterSeconds, miners), ApiJson.Options);
    }

    /// <summary>Returns one miner's latest sample with boards, pools and fans, or 404 when the id is unknown.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(id))
        {
            return ApiProblems.InvalidParameter("id", id, "Send a miner id from GET /api/miners.");
        }

        LatestStateEntity? row;
        try
        {
            row = await reader.ReadAsync(id, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            ApiLog.StorageQueryFailed(logger, OwnerApiRoutes.Miner, ex);
            return ApiProblems.StorageUnavailable();
        }

        if (row is null)
        {
            return ApiProblems.MinerNotFound(id);
        }

        var now = time.GetUtcNow();
        var sample = ReadSample(row) ?? new MinerSample
        {
            MinerId = row.MinerId,
            Host = row.Host,
            CollectedAt = row.CollectedAt,
            Answered = row.Answered,
            State = row.State,
        };

        var detail = new MinerDetailResponse
        {
            MinerId = row.MinerId,
            SiteId = row.SiteId,
            Stale = IsStale(row, now, options.Value.StaleAfter),
            CollectedAt = row.CollectedAt,
            DataAgeSeconds = Age(row, now),
            Sample = sample,
            ActiveAlerts = activeAlerts is null
                ? null
                : (await activeAlerts.ReadAsync(row.SiteId, row.MinerId, ruleId: null, now, cancellationToken)).Cast<object>().ToList(),
            PoolSide = pools is null ? null : await FindPoolSideAsync(row, cancellationToken),
        };

        return Results.Json(detail, ApiJson.Options);
    }

    /// <summary>The pool-side comparison of the last profitability sync for this miner, or null when the pool has none.</summary>
    private async Task<MinerPoolComparison?> FindPoolSideAsync(LatestStateEntity row, CancellationToken cancellationToken)
    {
        var comparisons = await pools!.GetMinerComparisonsAsync(cancellationToken);
        return comparisons.FirstOrDefault(c =>
            string.Equals(c.SiteId, row.SiteId, StringComparison.Ordinal)
            && string.Equals(c.MinerId, row.MinerId, StringComparison.OrdinalIgnoreCase));
    }

    private MinerListItem ToListItem(LatestStateEntity row, DateTimeOffset now, TimeSpan staleAfter)
    {
        var boards = ReadSample(row)?.Boards;
        return new MinerListItem
        {
            MinerId = row.MinerId,
            SiteId = row.SiteId,
            Host = row.Host,
            Model = row.Model,
            Algorithm = row.Algorithm,
            State = row.State,
            Answered = row.Answered,
            Mining = row.Mining,
            Stale = IsStale(row, now, staleAfter),
            CollectedAt = row.CollectedAt,
            DataAgeSeconds = Age(row, now),
            HashrateRealtimeHps = row.HashrateRealtimeHps,
            HashrateNominalHps = row.HashrateNominalHps,
            PowerWatts = row.PowerWatts,
            ChipTempMaxC = row.ChipTempMaxC,
            BoardsFailed = boards?.Count(b => b.State is "failure" or "disconnected"),
            ChipsRed = boards is null ? null : boards.Sum(b => b.ChipsRed ?? 0),
        };
    }

    private MinerSample? ReadSample(LatestStateEntity row)
    {
        try
        {
            return string.IsNullOrEmpty(row.SampleJson) ? null : row.ToSample();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            ApiLog.UnreadableSample(logger, row.MinerId, row.SiteId, row.Host, ex);
            return null;
        }
    }

    private static bool IsStale(LatestStateEntity row, DateTimeOffset now, TimeSpan staleAfter) =>
        now - row.CollectedAt > staleAfter;

    private static double Age(LatestStateEntity row, DateTimeOffset now) =>
        Math.Max(0, Math.Round((now - row.CollectedAt).TotalSeconds, 1));
}
