namespace FleetServerless.Core.Alerts;

/// <summary>
/// Turns the deliverable events of one evaluation into notifications: one per event, except that events of
/// the same site, rule and kind for at least the storm size of subjects become one grouped notification.
/// </summary>
public static class StormGrouper
{
    public static IReadOnlyList<AlertNotification> Group(IEnumerable<AlertEvent> events, int stormMinSubjects)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (stormMinSubjects < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(stormMinSubjects), stormMinSubjects,
                "A storm needs at least 2 subjects.");
        }

        var notifications = new List<AlertNotification>();
        var groups = events
            .Where(e => e.Notify)
            .GroupBy(e => (e.SiteId, e.RuleId, e.Kind));
        foreach (var group in groups)
        {
            var members = group.OrderBy(e => e.SubjectId, StringComparer.Ordinal).ToList();
            if (members.Count >= stormMinSubjects)
            {
                notifications.Add(Build(members, grouped: true));
            }
            else
            {
                notifications.AddRange(members.Select(e => Build([e], grouped: false)));
            }
        }

        return notifications;
    }

    private static AlertNotification Build(IReadOnlyList<AlertEvent> members, bool grouped)
    {
        var first = members[0];
        var occurredAt = members.Max(e => e.OccurredAt);
        var id = grouped
            ? $"{first.SiteId}|{first.RuleId}|{first.Kind}|{occurredAt.UtcTicks}|group-{members.Count}"
            : $"{first.SiteId}|{first.Id}";
        return new AlertNotification
        {
            Id = id,
            Kind = first.Kind,
            RuleId = first.RuleId,
            Title = first.Title,
            Severity = first.Severity,
            SiteId = first.SiteId,
            OccurredAt = occurredAt,
            Unit = first.Unit,
            Threshold = first.Threshold,
            ClearThreshold = first.ClearThreshold,
            Algorithm = first.Algorithm,
            Currency = first.Currency,
            Active = first.Active,
            AffectedMiners = members.SelectMany(e => e.AffectedMiners).Distinct(StringComparer.Ordinal).ToList(),
            Items = members.Select(e => new AlertNotificationItem
            {
                EventId = e.Id,
                SubjectKind = e.SubjectKind,
                SubjectId = e.SubjectId,
                Host = e.Host,
                Value = e.Value,
                Since = e.Since,
                Detail = e.Detail,
            }).ToList(),
        };
    }
}
