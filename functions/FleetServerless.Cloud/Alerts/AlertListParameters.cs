using System.Globalization;
using FleetServerless.Core.Alerts;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Alerts;

/// <summary>The query parameters of <c>GET /api/alerts</c>, read and checked.</summary>
public sealed record AlertListParameters
{
    public required bool IncludeActive { get; init; }

    public required bool IncludeHistory { get; init; }

    /// <summary>The history filters; its site, subject and rule filter the active list too.</summary>
    public required AlertLogQuery History { get; init; }

    /// <summary>Reads the parameters; returns the parameter and message of the first invalid one instead.</summary>
    public static (AlertListParameters? Parameters, (string Parameter, string Message)? Problem) Parse(
        IQueryCollection query, DateTimeOffset now, TimeSpan defaultSpan, int defaultLimit, int maxLimit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var view = Text(query, "view") ?? "all";
        if (view is not ("all" or "active" or "history"))
        {
            return (null, ("view", $"'{view}' is not a view; use active, history or all."));
        }

        AlertEventKind? kind = null;
        if (Text(query, "kind") is { } kindText)
        {
            if (!Enum.TryParse<AlertEventKind>(kindText, ignoreCase: true, out var parsedKind) || int.TryParse(kindText, out _))
            {
                return (null, ("kind", $"'{kindText}' is not an event kind; use fired, repeated, resolved, flappingStarted or flappingEnded."));
            }

            kind = parsedKind;
        }

        string? ruleId = null;
        if (Text(query, "rule") is { } ruleText)
        {
            ruleId = AlertRuleSettings.FindRule(ruleText)?.Id;
            if (ruleId is null)
            {
                return (null, ("rule", $"'{ruleText}' is not an alert rule. Known rules: {string.Join(", ", AlertRuleCatalog.All.Select(r => r.Id))}."));
            }
        }

        if (!TryTime(query, "to", now, out var to) || !TryTime(query, "from", to - defaultSpan, out var from))
        {
            var name = TryTime(query, "to", now, out _) ? "from" : "to";
            return (null, (name, $"'{Text(query, name)}' is not an ISO 8601 time such as 2026-12-04T02:00:00Z."));
        }

        if (from > to)
        {
            return (null, ("from", $"{from:O} is after to ({to:O})."));
        }

        var limit = defaultLimit;
        if (Text(query, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            return (null, ("limit", $"'{limitText}' is not a number between 1 and {maxLimit}."));
        }

        return (new AlertListParameters
        {
            IncludeActive = view is "all" or "active",
            IncludeHistory = view is "all" or "history",
            History = new AlertLogQuery
            {
                SiteId = Text(query, "site"),
                SubjectId = Text(query, "miner"),
                RuleId = ruleId,
                Kind = kind,
                From = from,
                To = to,
                Limit = limit,
            },
        }, null);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static bool TryTime(IQueryCollection query, string name, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        return Text(query, name) is not { } text
               || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
