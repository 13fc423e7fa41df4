namespace FleetServerless.Core.Alerts;

/// <summary>
/// The built-in rules with their defaults. A rule that inhibits another comes before it, so one pass over
/// the catalog in order sees the inhibiting rule's new state first.
/// </summary>
public static class AlertRuleCatalog
{
    private static readonly TimeSpan DefaultRepeat = TimeSpan.FromHours(6);

    public static IReadOnlyList<AlertRuleDefinition> All { get; } =
    [
        Miner(AlertRuleIds.MinerOffline, "Miner not answering", AlertSeverity.Critical, AlertValueUnit.Seconds,
            threshold: 300, clear: 0, sustain: TimeSpan.Zero, clearSustain: TimeSpan.Zero),
        Miner(AlertRuleIds.MinerFailure, "Miner in failure state", AlertSeverity.Critical, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(1), clearSustain: TimeSpan.FromMinutes(2),
            inhibitedBy: [AlertRuleIds.MinerOffline]),
        Miner(AlertRuleIds.NotMining, "Miner not mining", AlertSeverity.Critical, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(5), clearSustain: TimeSpan.FromMinutes(2),
            inhibitedBy: [AlertRuleIds.MinerOffline, AlertRuleIds.MinerFailure]),
        Miner(AlertRuleIds.ChipTempCritical, "Chip temperature critical", AlertSeverity.Critical, AlertValueUnit.Celsius,
            threshold: 90, clear: 85, sustain: TimeSpan.FromMinutes(1), clearSustain: TimeSpan.FromMinutes(5)),
        Miner(AlertRuleIds.ChipTempHigh, "Chip temperature high", AlertSeverity.Warning, AlertValueUnit.Celsius,
            threshold: 80, clear: 75, sustain: TimeSpan.FromMinutes(2), clearSustain: TimeSpan.FromMinutes(5),
            inhibitedBy: [AlertRuleIds.ChipTempCritical]),
        Miner(AlertRuleIds.BoardTempHigh, "Board temperature high", AlertSeverity.Warning, AlertValueUnit.Celsius,
            threshold: 75, clear: 70, sustain: TimeSpan.FromMinutes(2), clearSustain: TimeSpan.FromMinutes(5)),
        Miner(AlertRuleIds.BoardFailed, "Hashboard failed or missing", AlertSeverity.Critical, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(2), clearSustain: TimeSpan.FromMinutes(5),
            inhibitedBy: [AlertRuleIds.MinerOffline, AlertRuleIds.MinerFailure]),
        Miner(AlertRuleIds.FanLost, "Fan lost", AlertSeverity.Critical, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(1), clearSustain: TimeSpan.FromMinutes(2),
            inhibitedBy: [AlertRuleIds.MinerOffline]),
        Miner(AlertRuleIds.ChipsRed, "Red chips", AlertSeverity.Warning, AlertValueUnit.Count,
            threshold: 5, clear: 2, sustain: TimeSpan.FromMinutes(10), clearSustain: TimeSpan.FromMinutes(10),
            inhibitedBy: [AlertRuleIds.MinerOffline]),
        Miner(AlertRuleIds.HashrateDrop, "Hashrate below its hourly median", AlertSeverity.Warning, AlertValueUnit.Percent,
            threshold: 20, clear: 10, sustain: TimeSpan.FromMinutes(10), clearSustain: TimeSpan.FromMinutes(10),
            inhibitedBy: [AlertRuleIds.MinerOffline, AlertRuleIds.MinerFailure, AlertRuleIds.NotMining]),
        Miner(AlertRuleIds.HashrateBelowNominal, "Hashrate below nominal", AlertSeverity.Warning, AlertValueUnit.Percent,
            threshold: 25, clear: 15, sustain: TimeSpan.FromMinutes(15), clearSustain: TimeSpan.FromMinutes(10),
            inhibitedBy: [AlertRuleIds.MinerOffline, AlertRuleIds.MinerFailure, AlertRuleIds.NotMining]),
        Miner(AlertRuleIds.PowerHigh, "Power above its hourly median", AlertSeverity.Warning, AlertValueUnit.Percent,
            threshold: 30, clear: 15, sustain: TimeSpan.FromMinutes(10), clearSustain: TimeSpan.FromMinutes(10),
            inhibitedBy: [AlertRuleIds.MinerOffline]),
        Miner(AlertRuleIds.PoolRejecting, "Pool rejecting shares", AlertSeverity.Warning, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(5), clearSustain: TimeSpan.FromMinutes(5),
            inhibitedBy: [AlertRuleIds.MinerOffline]),
        Miner(AlertRuleIds.NoActivePool, "No active pool", AlertSeverity.Critical, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.FromMinutes(5), clearSustain: TimeSpan.FromMinutes(2),
            inhibitedBy: [AlertRuleIds.MinerOffline, AlertRuleIds.MinerFailure]),
        Relay(AlertRuleIds.RelaySilent, "Site offline: relay silent", AlertSeverity.Critical, AlertValueUnit.Seconds,
            threshold: 300, clear: 120, sustain: TimeSpan.Zero, clearSustain: TimeSpan.Zero),
        Relay(AlertRuleIds.RelaySequenceGap, "Relay lost data (sequence gap)", AlertSeverity.Warning, AlertValueUnit.Count,
            threshold: 1, clear: 0, sustain: TimeSpan.Zero, clearSustain: TimeSpan.FromHours(1)),
        Site(AlertRuleIds.PoolHashrateLow, "Pool-side hashrate far below miner-side", AlertSeverity.Warning,
            ThresholdDirection.Above, AlertValueUnit.Percent,
            threshold: 30, clear: 15, sustain: TimeSpan.FromMinutes(30), clearSustain: TimeSpan.FromMinutes(30)),
        Site(AlertRuleIds.PoolDataStale, "Pool data stale", AlertSeverity.Warning, ThresholdDirection.Above,
            AlertValueUnit.Seconds, threshold: 1800, clear: 900, sustain: TimeSpan.Zero, clearSustain: TimeSpan.Zero),
        Site(AlertRuleIds.ProfitNegative, "Net profit below zero", AlertSeverity.Warning, ThresholdDirection.Below,
            AlertValueUnit.CurrencyPerDay, threshold: 0, clear: 0, sustain: TimeSpan.FromHours(1),
            clearSustain: TimeSpan.FromHours(1)),
    ];

    private static readonly Dictionary<string, AlertRuleDefinition> ById =
        All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Returns the rule with this id, or null when there is none.</summary>
    public static AlertRuleDefinition? Find(string ruleId) => ById.GetValueOrDefault(ruleId);

    /// <summary>Returns the rule with this id; throws <see cref="KeyNotFoundException"/> naming the id otherwise.</summary>
    public static AlertRuleDefinition Get(string ruleId) =>
        Find(ruleId) ?? throw new KeyNotFoundException(
            $"There is no alert rule '{ruleId}'; known rules: {string.Join(", ", ById.Keys)}.");

    private static AlertRuleDefinition Miner(
        string id, string title, AlertSeverity severity, AlertValueUnit unit, double threshold, double clear,
        TimeSpan sustain, TimeSpan clearSustain, string[]? inhibitedBy = null) =>
        Create(id, title, severity, AlertSubjectKind.Miner, ThresholdDirection.Above, unit, threshold, clear,
            sustain, clearSustain, inhibitedBy);

    private static AlertRuleDefinition Relay(
        string id, string title, AlertSeverity severity, AlertValueUnit unit, double threshold, double clear,
        TimeSpan sustain, TimeSpan clearSustain) =>
        Create(id, title, severity, AlertSubjectKind.Relay, ThresholdDirection.Above, unit, threshold, clear,
            sustain, clearSustain, null);

    private static AlertRuleDefinition Site(
        string id, string title, AlertSeverity severity, ThresholdDirection direction, AlertValueUnit unit,
        double threshold, double clear, TimeSpan sustain, TimeSpan clearSustain) =>
        Create(id, title, severity, AlertSubjectKind.Site, direction, unit, threshold, clear, sustain,
            clearSustain, null);

    private static AlertRuleDefinition Create(
        string id, string title, AlertSeverity severity, AlertSubjectKind subject, ThresholdDirection direction,
        AlertValueUnit unit, double threshold, double clear, TimeSpan sustain, TimeSpan clearSustain,
        string[]? inhibitedBy) => new()
        {
            Id = id,
            Title = title,
            Severity = severity,
            SubjectKind = subject,
            Direction = direction,
            Unit = unit,
            Defaults = new RuleThresholds(true, threshold, clear, sustain, clearSustain, DefaultRepeat),
            InhibitedBy = inhibitedBy ?? [],
        };
}
