using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using FleetServerless.Cloud.Http;
using FleetServerless.Core.Fleet;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Fleet;

/// <summary>
/// <c>GET /api/fleet</c>: the fleet summary for all sites (<c>overall</c>) and per site (<c>sites</c>), each with
/// <c>dataAgeSeconds</c>, the age of its newest sample.
/// </summary>
public sealed partial class FleetHandler(FleetSummaryService summaries, ILogger<FleetHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var (report, generatedAt, entitiesRead) = await summaries.GetReportAsync(cancellationToken);
            var body = new JsonObject
            {
                ["generatedAt"] = generatedAt,
                ["entitiesRead"] = entitiesRead,
                ["overall"] = ToJson(report.Overall, siteId: null, generatedAt),
                ["sites"] = new JsonArray(report.Sites.Select(s => (JsonNode?)ToJson(s.Summary, s.SiteId, generatedAt)).ToArray()),
            };
            return Results.Text(body.ToJsonString(Json), "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, ex.Status);
            return ProblemResults.ServiceUnavailable($"Table Storage returned status {ex.Status} ({ex.ErrorCode}).");
        }
        catch (AggregateException ex) when (StorageUnreachable.Matches(ex))
        {
            LogStorageFailed(ex, 0);
            return ProblemResults.ServiceUnavailable("Table Storage could not be reached.");
        }
    }

    private static JsonObject ToJson(FleetSummary summary, string? siteId, DateTimeOffset now)
    {
        var node = JsonSerializer.SerializeToNode(summary, Json)!.AsObject();
        if (siteId is not null)
        {
            node.Insert(0, "siteId", siteId);
        }

        node["dataAgeSeconds"] = summary.LatestSampleAt is { } latest ? Math.Max(0, (now - latest).TotalSeconds) : null;
        return node;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Reading the fleet summary failed with storage status {Status}")]
    private partial void LogStorageFailed(Exception exception, int status);
}
