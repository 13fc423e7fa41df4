using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Maps the core's alert records to Table Storage rows of the alert state table and back. Row keys:
/// <c>s|&lt;rule&gt;|&lt;subject&gt;</c> for an alert state, <c>m|&lt;miner&gt;</c> for a miner window,
/// <c>r|&lt;relay&gt;</c> for relay presence.
/// </summary>
public static class AlertEntityMapper
{
    public const string StatePrefix = "s|";
    public const string MinerPrefix = "m|";
    public const string RelayPrefix = "r|";

    public static string StateRowKey(AlertKey key) => $"{StatePrefix}{key.RuleId}|{key.SubjectId}";

    /// <summary>Reads the rule and subject out of a state row key; null for a key of another kind.</summary>
    public static (string RuleId, string SubjectId)? ParseStateRowKey(string rowKey)
    {
        if (!rowKey.StartsWith(StatePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = rowKey.IndexOf('|', StatePrefix.Length);
        return separator < 0 ? null : (rowKey[StatePrefix.Length..separator], rowKey[(separator + 1)..]);
    }

    public static TableEntity ToEntity(AlertKey key, AlertState state) => new(key.SiteId, StateRowKey(key))
    {
        ["RuleId"] = key.RuleId,
        ["SubjectId"] = key.SubjectId,
        ["Status"] = state.Status.ToString(),
        ["ConditionSince"] = state.ConditionSince,
        ["FiredAt"] = state.FiredAt,
        ["ClearingSince"] = state.ClearingSince,
        ["LastNotifiedAt"] = state.LastNotifiedAt,
        ["FiredNotified"] = state.FiredNotified,
        ["LastObservedAt"] = state.LastObservedAt,
        ["LastValue"] = state.LastValue,
        ["LastDetail"] = state.LastDetail,
        ["Flapping"] = state.Flapping,
        ["Transitions"] = string.Join(",", state.Transitions.Select(t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))),
    };

    public static AlertState ToState(TableEntity entity) => new()
    {
        Status = Enum.TryParse<AlertStatus>(entity.GetString("Status"), out var status) ? status : AlertStatus.Ok,
        ConditionSince = entity.GetDateTimeOffset("ConditionSince"),
        FiredAt = entity.GetDateTimeOffset("FiredAt"),
        ClearingSince = entity.GetDateTimeOffset("ClearingSince"),
        LastNotifiedAt = entity.GetDateTimeOffset("LastNotifiedAt"),
        FiredNotified = entity.GetBoolean("FiredNotified") ?? false,
        LastObservedAt = entity.GetDateTimeOffset("LastObservedAt"),
        LastValue = entity.GetDouble("LastValue"),
        LastDetail = entity.GetString("LastDetail"),
        Flapping = entity.GetBoolean("Flapping") ?? false,
        Transitions = (entity.GetString("Transitions") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t, CultureInfo.InvariantCulture)))
            .ToList(),
    };

    /// <summary>A miner window; its points are one JSON array of <c>[unix seconds, H/s, W, boards]</c> rows.</summary>
    public static TableEntity ToEntity(string siteId, MinerAlertWindow window)
    {
        var points = new JsonArray(window.Points.Select(p => (JsonNode)new JsonArray(
            p.At.ToUnixTimeSeconds(), p.HashrateHps, p.PowerWatts, p.BoardCount)).ToArray());
        return new TableEntity(siteId, MinerPrefix + window.MinerId)
        {
            ["MinerId"] = window.MinerId,
            ["Host"] = window.Host,
            ["RelayId"] = window.RelayId,
            ["Algorithm"] = window.Algorithm,
            ["FirstSeenAt"] = window.FirstSeenAt,
            ["LastSeenAt"] = window.LastSeenAt,
            ["LastAnsweredAt"] = window.LastAnsweredAt,
            ["LastHashingAt"] = window.LastHashingAt,
            ["Points"] = points.ToJsonString(),
        };
    }

    public static MinerAlertWindow ToWindow(TableEntity entity)
    {
        var points = new List<MinerAlertPoint>();
        if (entity.GetString("Points") is { Length: > 0 } json && JsonNode.Parse(json) is JsonArray rows)
        {
            foreach (var row in rows.OfType<JsonArray>())
            {
                points.Add(new MinerAlertPoint(
                    DateTimeOffset.FromUnixTimeSeconds(row[0]!.GetValue<long>()),
                    row[1]?.GetValue<double>(),
                    row[2]?.GetValue<double>(),
                    row[3]?.GetValue<int>()));
            }
        }

        return new MinerAlertWindow
        {
            MinerId = entity.GetString("MinerId") ?? entity.RowKey[MinerPrefix.Length..],
            Host = entity.GetString("Host"),
            RelayId = entity.GetString("RelayId"),
            Algorithm = entity.GetString("Algorithm"),
            FirstSeenAt = entity.GetDateTimeOffset("FirstSeenAt"),
            LastSeenAt = entity.GetDateTimeOffset("LastSeenAt"),
            LastAnsweredAt = entity.GetDateTimeOffset("LastAnsweredAt"),
            LastHashingAt = entity.GetDateTimeOffset("LastHashingAt"),
            Points = points,
        };
    }

    public static TableEntity ToEntity(string siteId, RelayAlertPresence relay) => new(siteId, RelayPrefix + relay.RelayId)
    {
        ["RelayId"] = relay.RelayId,
        ["LastBatchReceivedAt"] = relay.LastBatchReceivedAt,
        ["LastSequence"] = relay.LastSequence,
    };

    public static RelayAlertPresence ToRelay(TableEntity entity) => new()
    {
        RelayId = entity.GetString("RelayId") ?? entity.RowKey[RelayPrefix.Length..],
        LastBatchReceivedAt = entity.GetDateTimeOffset("LastBatchReceivedAt"),
        LastSequence = entity.GetInt64("LastSequence"),
    };

    /// <summary>Serializes a value for a log row's JSON column.</summary>
    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Notifications.NotificationJson.Options);
}
