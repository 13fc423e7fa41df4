using System.Globalization;
using System.Text.Json;
using Azure;
using FleetServerless.Cloud.Notifications;
using FleetServerless.Core.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// The alert routes: <c>GET /api/alerts</c> (active alerts and history with filters) and the maintenance mutes
/// (<c>GET</c>, <c>POST /api/alerts/mutes</c>, <c>DELETE /api/alerts/mutes/{id}</c>).
/// </summary>
public sealed partial class AlertsHandler(
    ActiveAlertReader activeAlerts,
    AlertLogStore log,
    AlertMuteStore mutes,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertsHandler> logger)
{
    /// <summary>The span history covers when <c>from</c> is not given: 7 days.</summary>
    public static readonly TimeSpan DefaultHistorySpan = TimeSpan.FromDays(7);

    /// <summary>The longest mute accepted: 90 days.</summary>
    public static readonly TimeSpan MaxMuteDuration = TimeSpan.FromDays(90);

    public const int DefaultLimit = 100;

    /// <summary>
    /// Lists alerts. Query parameters, all optional: <c>site</c>, <c>miner</c> (any subject id), <c>rule</c>,
    /// <c>kind</c> (history only), <c>from</c> and <c>to</c> (ISO 8601, history only), <c>limit</c> (default 100),
    /// <c>view</c> (<c>active</c>, <c>history</c> or <c>all</c>, the default).
    /// </summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var parsed = AlertListParameters.Parse(request.Query, now, DefaultHistorySpan, DefaultLimit, options.CurrentValue.MaxHistoryResults);
        if (parsed.Problem is { } problem)
        {
            return BadRequest(problem.Parameter, problem.Message);
        }

        var query = parsed.Parameters!;
        try
        {
            var active = query.IncludeActive ? await ReadActiveAsync(query, now, cancellationToken) : null;
            var history = query.IncludeHistory ? await log.QueryAsync(query.History, cancellationToken) : null;
            return Results.Json(new { generatedAt = now, active, history }, NotificationJson.Options);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, "list alerts", ex.Status);
            return StorageUnavailable(ex);
        }
    }

    public async Task<IResult> ListMutesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        try
        {
            var all = await mutes.ListAsync(cancellationToken);
            var body = all.Select(m => new { m.Id, m.SiteId, minerId = m.SubjectId, m.RuleId, m.Until, m.Reason, m.CreatedAt, active = m.Until > now });
            return Results.Json(new { generatedAt = now, mutes = body }, NotificationJson.Options);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, "list mutes", ex.Status);
            return StorageUnavailable(ex);
        }
    }

    /// <summary>Creates a mute from a <see cref="MuteRequest"/> body; returns 201 with the mute.</summary>
    public async Task<IResult> CreateMuteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        MuteRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<MuteRequest>(request.Body, NotificationJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return BadRequest(ex.Path ?? "body", $"The body is not a valid mute request: {ex.Message}");
        }

        var now = time.GetUtcNow();
        var (mute, problem) = BuildMute(body, now);
        if (problem is { } p)
        {
            return BadRequest(p.Parameter, p.Message);
        }

        try
        {
            await mutes.AddAsync(mute!, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, "create mute", ex.Status);
            return StorageUnavailable(ex);
        }

        LogMuteCreated(mute!.Id, mute.SiteId, mute.SubjectId, mute.RuleId, mute.Until);
        var created = new { mute.Id, mute.SiteId, minerId = mute.SubjectId, mute.RuleId, mute.Until, mute.Reason, mute.CreatedAt, active = true };
        return Results.Json(created, NotificationJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Deletes a mute; 204 when it existed, 404 otherwise.</summary>
    public async Task<IResult> DeleteMuteAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return BadRequest("id", $"'{id}' is not a mute id; use the id that POST /api/alerts/mutes or GET /api/alerts/mutes returned.");
        }

        try
        {
            if (!await mutes.DeleteAsync(id, cancellationToken))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Mute not found.",
                    detail: $"There is no mute with id '{id}'.");
            }
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, "delete mute", ex.Status);
            return StorageUnavailable(ex);
        }

        LogMuteDeleted(id);
        return Results.NoContent();
    }

    private Task<IReadOnlyList<ActiveAlert>> ReadActiveAsync(AlertListParameters query, DateTimeOffset now, CancellationToken cancellationToken) =>
        activeAlerts.ReadAsync(query.History.SiteId, query.History.SubjectId, query.History.RuleId, now, cancellationToken);

    private static (AlertMute? Mute, (string Parameter, string Message)? Problem) BuildMute(MuteRequest? body, DateTimeOffset now)
    {
        if (body is null)
        {
            return (null, ("body", "The body is missing; send JSON with siteId, minerId or ruleId, and until or durationMinutes."));
        }

        if (body.SiteId is null && body.MinerId is null && body.RuleId is null)
        {
            return (null, ("siteId", "Name at least one of siteId, minerId and ruleId; a mute of everything everywhere is not accepted."));
        }

        string? ruleId = null;
        if (body.RuleId is { } requested)
        {
            ruleId = AlertRuleSettings.FindRule(requested)?.Id;
            if (ruleId is null)
            {
                return (null, ("ruleId", $"'{requested}' is not an alert rule. Known rules: {string.Join(", ", AlertRuleCatalog.All.Select(r => r.Id))}."));
            }
        }

        DateTimeOffset until;
        if (body.Until is { } end)
        {
            until = end.ToUniversalTime();
        }
        else if (body.DurationMinutes is { } minutes && minutes > 0 && !double.IsInfinity(minutes))
        {
            until = now + TimeSpan.FromMinutes(Math.Min(minutes, MaxMuteDuration.TotalMinutes + 1));
        }
        else
        {
            return (null, ("until", "Set until (an ISO 8601 time in the future) or durationMinutes (a positive number)."));
        }

        if (until <= now)
        {
            return (null, ("until", $"{until:O} is not in the future."));
        }

        if (until - now > MaxMuteDuration)
        {
            return (null, ("until", $"{until:O} is more than {MaxMuteDuration.TotalDays:0} days away; mute for a shorter time or disable the rule in the settings."));
        }

        if (body.Reason is { Length: > 500 })
        {
            return (null, ("reason", "The reason is longer than 500 characters."));
        }

        return (new AlertMute
        {
            Id = Guid.NewGuid().ToString("N"),
            SiteId = body.SiteId,
            SubjectId = body.MinerId,
            RuleId = ruleId,
            Until = until,
            Reason = body.Reason,
            CreatedAt = now,
        }, null);
    }

    private static IResult BadRequest(string parameter, string message) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is invalid.",
            detail: $"{parameter}: {message}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new[] { new Dictionary<string, object?> { ["field"] = parameter, ["message"] = message } },
            });

    private static IResult StorageUnavailable(RequestFailedException ex) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is not available; retry later.",
            detail: string.Create(CultureInfo.InvariantCulture, $"Table Storage returned {ex.Status} ({ex.ErrorCode})."));

    [LoggerMessage(EventId = 7300, Level = LogLevel.Error, Message = "Alert API could not {Operation}: storage status {Status}")]
    private partial void LogStorageFailed(Exception exception, string operation, int status);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information,
        Message = "Mute {MuteId} created: site {SiteId}, subject {SubjectId}, rule {RuleId}, until {Until}")]
    private partial void LogMuteCreated(string muteId, string? siteId, string? subjectId, string? ruleId, DateTimeOffset until);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Mute {MuteId} deleted")]
    private partial void LogMuteDeleted(string muteId);
}
