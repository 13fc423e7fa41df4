using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure;
using FleetServerless.Cloud.Http;
using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.Storage;
using FleetServerless.Core.Fleet;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Profitability;

/// <summary>
/// <c>GET /api/profitability</c>: per site and for the fleet, gross revenue, pool fee, power cost and net profit
/// per day for each estimate the site's settings choose, each with its status, source and age; the pool's
/// status (stale, reason, last good values); and the pool-side against miner-side comparison.
/// </summary>
public sealed partial class ProfitabilityHandler(
    IMinerDataReader miners,
    PoolStatusStore store,
    SiteProfitabilityCalculator calculator,
    TimeProvider time,
    ILogger<ProfitabilityHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var body = await BuildAsync(cancellationToken);
            return Results.Text(body.ToJsonString(Json), "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, ex.Status);
            return ProblemResults.ServiceUnavailable($"Table Storage returned {ex.Status} ({ex.ErrorCode}).");
        }
    }

    /// <summary>Builds the response body; public for the dashboard and tests.</summary>
    public async Task<JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var latest = await miners.GetLatestAsync(cancellationToken);
        var pool = await store.GetPoolStatusAsync(cancellationToken);
        var sites = new List<SiteProfitability>();
        foreach (var site in latest.GroupBy(m => m.SiteId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var summary = FleetMetrics.Summarize(site.Select(m => m.Sample), now);
            sites.Add(await calculator.ComputeAsync(site.Key, summary.HashrateRealtimeHps, summary.PowerWatts, pool, cancellationToken));
        }

        var comparisons = await store.GetMinerComparisonsAsync(cancellationToken);
        return new JsonObject
        {
            ["generatedAt"] = now,
            ["pool"] = pool is null ? null : JsonSerializer.SerializeToNode(pool, Json),
            ["fleet"] = FleetTotals(sites),
            ["sites"] = JsonSerializer.SerializeToNode(sites, Json),
            ["comparison"] = new JsonObject
            {
                ["fleetRatio"] = pool?.FleetHashrateRatio,
                ["unclaimedWorkers"] = JsonSerializer.SerializeToNode(pool?.UnclaimedWorkers ?? [], Json),
                ["unseenMiners"] = JsonSerializer.SerializeToNode(pool?.UnseenMiners ?? [], Json),
                ["miners"] = JsonSerializer.SerializeToNode(comparisons, Json),
            },
        };
    }

    /// <summary>Sums each estimate kind over the sites; a sum with any unknown part is unknown.</summary>
    private static JsonObject FleetTotals(List<SiteProfitability> sites)
    {
        var kinds = sites.SelectMany(s => s.Estimates).GroupBy(e => e.Profit.EstimateKind, StringComparer.Ordinal);
        var estimates = new JsonArray();
        foreach (var kind in kinds)
        {
            var list = kind.ToList();
            estimates.Add(new JsonObject
            {
                ["estimateKind"] = kind.Key,
                ["grossRevenueUsd"] = SumOrNull(list.Select(e => e.Profit.GrossRevenueUsd)),
                ["poolFeeUsd"] = SumOrNull(list.Select(e => e.Profit.PoolFeeUsd)),
                ["powerCostUsd"] = SumOrNull(list.Select(e => e.Profit.PowerCostUsd)),
                ["netProfitUsd"] = SumOrNull(list.Select(e => e.Profit.NetProfitUsd)),
                ["status"] = FleetStatus(list),
            });
        }

        return new JsonObject
        {
            ["hashrateHps"] = sites.Sum(s => s.HashrateHps),
            ["powerWatts"] = SumOrNull(sites.Select(s => s.PowerWatts)),
            ["estimates"] = estimates,
        };
    }

    private static string FleetStatus(List<SiteEstimate> estimates)
    {
        if (estimates.Any(e => e.Profit.GrossRevenueUsd is null))
        {
            return "unknown";
        }

        return estimates.All(e => e.Status == "ok") ? "ok" : "partial";
    }

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        var list = values.ToList();
        return list.Count == 0 || list.Any(v => v is null) ? null : list.Sum(v => v!.Value);
    }

    [LoggerMessage(EventId = 6410, Level = LogLevel.Error, Message = "Reading profitability failed with storage status {Status}")]
    private partial void LogStorageFailed(Exception exception, int status);
}
