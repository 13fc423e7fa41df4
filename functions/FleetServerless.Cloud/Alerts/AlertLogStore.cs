using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using FleetServerless.Cloud.Notifications;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// The alert log: every event, delivered or suppressed. Partition: site. Row key: inverted ticks of the event
/// time, then the event id, so a partition reads newest first and the same event written twice is one row.
/// </summary>
public sealed class AlertLogStore(FleetTableClients tables)
{
    /// <summary>The longest detail text stored; longer text is cut, the event itself is kept.</summary>
    public const int MaxDetailLength = 4000;

    /// <summary>Miners of a relay-silent event stored by name; the count is always stored.</summary>
    public const int MaxStoredAffectedMiners = 200;

    public async Task WriteAsync(string siteId, IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var table = await tables.GetTableAsync(AlertTableNames.Log, cancellationToken);
        var actions = events
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(siteId, e)))
            .GroupBy(a => a.Entity.RowKey, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        await TableWrites.SubmitAsync(table, actions, useTransactions: true, cancellationToken);
    }

    /// <summary>Returns the entries matching the query, newest first.</summary>
    public async Task<IReadOnlyList<AlertLogEntry>> QueryAsync(AlertLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetTableAsync(AlertTableNames.Log, cancellationToken);
        var filter = BuildFilter(query);
        var entries = new List<AlertLogEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entries.Add(ToEntry(entity));
            if (query.SiteId is not null && entries.Count >= query.Limit)
            {
                // One partition reads newest first, so the first rows are the newest.
                break;
            }
        }

        return entries.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal).Take(query.Limit).ToList();
    }

    internal static string RowKey(AlertEvent alertEvent) =>
        $"{InvertedTicks(alertEvent.OccurredAt)}|{alertEvent.Id}";

    private static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static string BuildFilter(AlertLogQuery query)
    {
        var parts = new List<string>();
        if (query.SiteId is { } site)
        {
            // Newer events have smaller inverted ticks: the range runs from To down to From.
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {site}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {InvertedTicks(query.To)}"));
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {InvertedTicks(query.From) + "|~"}"));
        }
        else
        {
            parts.Add(TableClient.CreateQueryFilter($"OccurredAt ge {query.From} and OccurredAt le {query.To}"));
        }

        if (query.SubjectId is { } subject)
        {
            parts.Add(TableClient.CreateQueryFilter($"SubjectId eq {subject}"));
        }

        if (query.RuleId is { } rule)
        {
            parts.Add(TableClient.CreateQueryFilter($"RuleId eq {rule}"));
        }

        if (query.Kind is { } kind)
        {
            parts.Add(TableClient.CreateQueryFilter($"Kind eq {kind.ToString()}"));
        }

        return string.Join(" and ", parts.Select(p => $"({p})"));
    }

    private static TableEntity ToEntity(string siteId, AlertEvent e)
    {
        var detail = e.Detail is { Length: > MaxDetailLength } text ? text[..MaxDetailLength] : e.Detail;
        return new TableEntity(siteId, RowKey(e))
        {
            ["EventId"] = e.Id,
            ["RuleId"] = e.RuleId,
            ["Title"] = e.Title,
            ["Severity"] = e.Severity.ToString(),
            ["Kind"] = e.Kind.ToString(),
            ["SubjectKind"] = e.SubjectKind.ToString(),
            ["SubjectId"] = e.SubjectId,
            ["Host"] = e.Host,
            ["RelayId"] = e.RelayId,
            ["OccurredAt"] = e.OccurredAt,
            ["Since"] = e.Since,
            ["Value"] = e.Value,
            ["Threshold"] = e.Threshold,
            ["ClearThreshold"] = e.ClearThreshold,
            ["Unit"] = e.Unit.ToString(),
            ["Detail"] = detail,
            ["Active"] = e.Active,
            ["Delivered"] = e.Notify,
            ["Suppression"] = e.Suppression.ToString(),
            ["AffectedMinerCount"] = e.AffectedMiners.Count,
            ["AffectedMiners"] = e.AffectedMiners.Count == 0
                ? null
                : JsonSerializer.Serialize(e.AffectedMiners.Take(MaxStoredAffectedMiners), NotificationJson.Options),
        };
    }

    private static AlertLogEntry ToEntry(TableEntity entity) => new()
    {
        EventId = entity.GetString("EventId") ?? entity.RowKey,
        SiteId = entity.PartitionKey,
        RuleId = entity.GetString("RuleId") ?? "",
        Title = entity.GetString("Title") ?? "",
        Severity = Enum.TryParse<AlertSeverity>(entity.GetString("Severity"), out var severity) ? severity : AlertSeverity.Info,
        Kind = Enum.TryParse<AlertEventKind>(entity.GetString("Kind"), out var kind) ? kind : AlertEventKind.Fired,
        SubjectKind = Enum.TryParse<AlertSubjectKind>(entity.GetString("SubjectKind"), out var subjectKind) ? subjectKind : AlertSubjectKind.Miner,
        SubjectId = entity.GetString("SubjectId") ?? "",
        Host = entity.GetString("Host"),
        RelayId = entity.GetString("RelayId"),
        OccurredAt = entity.GetDateTimeOffset("OccurredAt") ?? default,
        Since = entity.GetDateTimeOffset("Since"),
        Value = entity.GetDouble("Value"),
        Threshold = entity.GetDouble("Threshold"),
        ClearThreshold = entity.GetDouble("ClearThreshold"),
        Unit = Enum.TryParse<AlertValueUnit>(entity.GetString("Unit"), out var unit) ? unit : AlertValueUnit.Count,
        Detail = entity.GetString("Detail"),
        Active = entity.GetBoolean("Active") ?? false,
        Delivered = entity.GetBoolean("Delivered") ?? false,
        Suppression = Enum.TryParse<AlertSuppression>(entity.GetString("Suppression"), out var suppression) ? suppression : AlertSuppression.None,
        AffectedMiners = entity.GetString("AffectedMiners") is { } json
            ? JsonSerializer.Deserialize<List<string>>(json, NotificationJson.Options) ?? []
            : [],
    };
}
