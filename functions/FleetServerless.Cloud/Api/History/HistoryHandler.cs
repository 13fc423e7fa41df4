using Azure;
using FleetServerless.Cloud.Api.Miners;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Api.History;

/// <summary><c>GET /api/fleet/history</c> and <c>GET /api/miners/{id}/history</c>.</summary>
public sealed class HistoryHandler(
    HistoryReader history,
    LatestStateReader latest,
    IOptions<OwnerApiOptions> options,
    TimeProvider time,
    ILogger<HistoryHandler> logger)
{
    /// <summary>The response header that carries the number of table entities the request read.</summary>
    public const string EntitiesReadHeader = "x-fleet-entities-read";

    public async Task<IResult> FleetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, error) = HistoryQuery.Parse(request, time.GetUtcNow(), options.Value.MaxRangeDays);
        if (error is not null)
        {
            return error;
        }

        if (query!.Interval == HistoryInterval.Raw)
        {
            return ApiProblems.InvalidParameter("interval", "raw",
                "The fleet history is built from 5-minute rollups; send 5m, hour or day, or ask a miner's history for raw samples.");
        }

        try
        {
            var page = await history.ReadFleetAsync(query, cancellationToken);
            return WithReadCount(page);
        }
        catch (RequestFailedException ex)
        {
            ApiLog.StorageQueryFailed(logger, OwnerApiRoutes.FleetHistory, ex);
            return ApiProblems.StorageUnavailable();
        }
    }

    public async Task<IResult> MinerAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(id))
        {
            return ApiProblems.InvalidParameter("id", id, "Send a miner id from GET /api/miners.");
        }

        var (query, error) = HistoryQuery.Parse(request, time.GetUtcNow(), options.Value.MaxRangeDays);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var miner = await latest.ReadAsync(id, cancellationToken);
            if (miner is null)
            {
                return ApiProblems.MinerNotFound(id);
            }

            var page = await history.ReadMinerAsync(miner.SiteId, miner.MinerId, query!, cancellationToken);
            return WithReadCount(page);
        }
        catch (RequestFailedException ex)
        {
            ApiLog.StorageQueryFailed(logger, OwnerApiRoutes.MinerHistory, ex);
            return ApiProblems.StorageUnavailable();
        }
    }

    private static IResult WithReadCount(HistoryResponse page) =>
        new HeaderResult(Results.Json(page, ApiJson.Options), EntitiesReadHeader, page.EntitiesRead.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
