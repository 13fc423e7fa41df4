using System.Globalization;
using FleetServerless.Core.Fleet;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Alerts;

/// <summary>Reads one miner sample against one miner rule. Pure.</summary>
public static class MinerRuleEvaluator
{
    /// <summary>Returns the observation of <paramref name="rule"/> for a sample, with the miner's window after the sample.</summary>
    public static RuleObservation Evaluate(
        AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample, MinerAlertWindow window)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(window);

        if (rule.Id == AlertRuleIds.MinerOffline)
        {
            return EvaluateOffline(thresholds, sample, window);
        }

        if (!sample.Answered)
        {
            // Nothing is known about a miner that did not answer; its other alerts stay as they are.
            return RuleObservation.Unknown;
        }

        return rule.Id switch
        {
            AlertRuleIds.MinerFailure => EvaluateFailure(sample),
            AlertRuleIds.NotMining => EvaluateNotMining(sample),
            AlertRuleIds.ChipTempCritical or AlertRuleIds.ChipTempHigh => Measure(rule, thresholds, MaxChipTempC(sample)),
            AlertRuleIds.BoardTempHigh => Measure(rule, thresholds, MaxBoardTempC(sample)),
            AlertRuleIds.BoardFailed => EvaluateBoards(rule, thresholds, sample, window),
            AlertRuleIds.FanLost => EvaluateFans(rule, thresholds, sample),
            AlertRuleIds.ChipsRed => Measure(rule, thresholds, SumOrNull(sample.Boards?.Select(b => b.ChipsRed))),
            AlertRuleIds.HashrateDrop => EvaluateHashrateDrop(rule, thresholds, sample, window),
            AlertRuleIds.HashrateBelowNominal => EvaluateBelowNominal(rule, thresholds, sample),
            AlertRuleIds.PowerHigh => EvaluatePower(rule, thresholds, sample, window),
            AlertRuleIds.PoolRejecting => EvaluatePoolRejecting(rule, thresholds, sample),
            AlertRuleIds.NoActivePool => EvaluateNoActivePool(sample),
            _ => RuleObservation.Unknown,
        };
    }

    /// <summary>
    /// Reads the absence of a miner that the watchdog found missing from its relay's batches.
    /// </summary>
    public static RuleObservation EvaluateAbsence(RuleThresholds thresholds, MinerAlertWindow window, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(window);
        var silent = window.NotAnsweringFor(at);
        if (silent is null)
        {
            return RuleObservation.Unknown;
        }

        var level = silent.Value.TotalSeconds >= thresholds.Threshold ? ObservationLevel.Breach : ObservationLevel.Between;
        return new RuleObservation(level, silent.Value.TotalSeconds, window.LastAnsweredAt, "no sample from the relay");
    }

    /// <summary>
    /// A miner that does not answer breaches once it has been silent for the threshold. It clears only when
    /// it answers and hashes again: a miner that answers but does not hash stays "not answering" rather than
    /// being reported back.
    /// </summary>
    private static RuleObservation EvaluateOffline(RuleThresholds thresholds, MinerSample sample, MinerAlertWindow window)
    {
        if (sample.Answered)
        {
            if (FleetMetrics.IsMining(sample))
            {
                return new RuleObservation(ObservationLevel.Clear, 0);
            }

            return new RuleObservation(ObservationLevel.Between, 0, null, $"answers but is not hashing ({DescribeState(sample)})");
        }

        var silentSeconds = (window.NotAnsweringFor(sample.CollectedAt) ?? TimeSpan.Zero).TotalSeconds;
        var level = silentSeconds >= thresholds.Threshold ? ObservationLevel.Breach : ObservationLevel.Between;
        return new RuleObservation(level, silentSeconds, window.LastAnsweredAt, sample.Error);
    }

    private static RuleObservation EvaluateFailure(MinerSample sample)
    {
        var failed = string.Equals(sample.State, MinerStates.Failure, StringComparison.OrdinalIgnoreCase);
        return failed
            ? new RuleObservation(ObservationLevel.Breach, 1, null, sample.StateDescription ?? "no description from the firmware")
            : new RuleObservation(ObservationLevel.Clear, 0);
    }

    private static RuleObservation EvaluateNotMining(MinerSample sample) =>
        FleetMetrics.IsMining(sample)
            ? new RuleObservation(ObservationLevel.Clear, 0)
            : new RuleObservation(ObservationLevel.Breach, 1, null, DescribeState(sample));

    private static RuleObservation EvaluateBoards(
        AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample, MinerAlertWindow window)
    {
        // A miner that is starting or stopped lists no boards or boards still initializing: not a board fault.
        if (!MinerStates.IsHashingState(sample.State) || sample.Boards is not { } boards)
        {
            return RuleObservation.Unknown;
        }

        var failed = boards
            .Where(b => b.State is { } s && (s.Equals("failure", StringComparison.OrdinalIgnoreCase)
                                             || s.Equals("disconnected", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var missing = Math.Max(0, (window.MaxBoardCount() ?? boards.Count) - boards.Count);
        var details = failed.Select(b => $"board {b.Id} {b.State}" + (b.Description is { } d ? $": {d}" : "")).ToList();
        if (missing > 0)
        {
            details.Add($"{missing} board(s) missing, {window.MaxBoardCount()} listed within the last hour");
        }

        var count = failed.Count + missing;
        return new RuleObservation(thresholds.Classify(count, rule.Direction), count, null,
            details.Count > 0 ? string.Join("; ", details) : null);
    }

    private static RuleObservation EvaluateFans(AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample)
    {
        if (sample.Fans is not { } fans)
        {
            return RuleObservation.Unknown;
        }

        // Hydro and immersion units report no fans, and report water temperatures: no fan can be lost there.
        var hydro = sample.Boards?.Any(b => b.InletWaterTempC is not null || b.OutletWaterTempC is not null) == true;
        if (fans.Count == 0 || hydro)
        {
            return new RuleObservation(ObservationLevel.Clear, 0);
        }

        var lost = fans.Where(f => string.Equals(f.Status, "lost", StringComparison.OrdinalIgnoreCase)).ToList();
        var detail = lost.Count > 0 ? "fan " + string.Join(", ", lost.Select(f => f.Id)) + " lost" : null;
        return new RuleObservation(thresholds.Classify(lost.Count, rule.Direction), lost.Count, null, detail);
    }

    private static RuleObservation EvaluateHashrateDrop(
        AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample, MinerAlertWindow window)
    {
        if (!FleetMetrics.IsMining(sample) || window.MedianHashrateHps() is not { } median || median <= 0)
        {
            return RuleObservation.Unknown;
        }

        var current = sample.HashrateRealtimeHps!.Value;
        var dropPercent = (median - current) / median * 100;
        var detail = $"{AlertValueFormatter.Format(current, AlertValueUnit.HashesPerSecond, window.Algorithm)} now, " +
                     $"hourly median {AlertValueFormatter.Format(median, AlertValueUnit.HashesPerSecond, window.Algorithm)}";
        return new RuleObservation(thresholds.Classify(dropPercent, rule.Direction), dropPercent, null, detail);
    }

    /// <summary>Compares the average hashrate (the realtime one when the miner gives no average) with nominal.</summary>
    private static RuleObservation EvaluateBelowNominal(AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample)
    {
        var current = sample.HashrateAverageHps ?? sample.HashrateRealtimeHps;
        if (!FleetMetrics.IsMining(sample) || current is null || sample.HashrateNominalHps is not > 0)
        {
            return RuleObservation.Unknown;
        }

        var nominal = sample.HashrateNominalHps.Value;
        var belowPercent = (nominal - current.Value) / nominal * 100;
        var detail = $"{AlertValueFormatter.Format(current, AlertValueUnit.HashesPerSecond, sample.Algorithm)} against " +
                     $"nominal {AlertValueFormatter.Format(nominal, AlertValueUnit.HashesPerSecond, sample.Algorithm)}";
        return new RuleObservation(thresholds.Classify(belowPercent, rule.Direction), belowPercent, null, detail);
    }

    private static RuleObservation EvaluatePower(
        AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample, MinerAlertWindow window)
    {
        if (sample.PowerWatts is not { } power || window.MedianPowerWatts() is not { } median || median <= 0)
        {
            return RuleObservation.Unknown;
        }

        var abovePercent = (power - median) / median * 100;
        var detail = string.Create(CultureInfo.InvariantCulture, $"{power:0} W now, hourly median {median:0} W");
        return new RuleObservation(thresholds.Classify(abovePercent, rule.Direction), abovePercent, null, detail);
    }

    private static RuleObservation EvaluatePoolRejecting(AlertRuleDefinition rule, RuleThresholds thresholds, MinerSample sample)
    {
        if (sample.Pools is not { } pools)
        {
            return RuleObservation.Unknown;
        }

        var rejecting = pools.Where(p => string.Equals(p.Status, "rejecting", StringComparison.OrdinalIgnoreCase)).ToList();
        var detail = rejecting.Count > 0 ? string.Join(", ", rejecting.Select(p => p.Url)) : null;
        return new RuleObservation(thresholds.Classify(rejecting.Count, rule.Direction), rejecting.Count, null, detail);
    }

    /// <summary>No user pool in status <c>active</c> (a miner with no user pool configured counts too).</summary>
    private static RuleObservation EvaluateNoActivePool(MinerSample sample)
    {
        if (sample.Pools is not { } pools)
        {
            return RuleObservation.Unknown;
        }

        var active = pools.Any(p => string.Equals(p.Status, "active", StringComparison.OrdinalIgnoreCase));
        if (active)
        {
            return new RuleObservation(ObservationLevel.Clear, 0);
        }

        var detail = pools.Count == 0
            ? "no user pool configured"
            : string.Join(", ", pools.Select(p => $"{p.Url} {p.Status ?? "unknown"}"));
        return new RuleObservation(ObservationLevel.Breach, 1, null, detail);
    }

    private static RuleObservation Measure(AlertRuleDefinition rule, RuleThresholds thresholds, double? value) =>
        value is null ? RuleObservation.Unknown : new RuleObservation(thresholds.Classify(value, rule.Direction), value);

    private static double? MaxChipTempC(MinerSample sample) =>
        MaxOrNull(sample.Boards?.Select(b => b.ChipTempMaxC).Append(sample.ChipTempMaxC) ?? [sample.ChipTempMaxC]);

    private static double? MaxBoardTempC(MinerSample sample) =>
        MaxOrNull(sample.Boards?.Select(b => b.BoardTempMaxC).Append(sample.BoardTempMaxC) ?? [sample.BoardTempMaxC]);

    private static double? MaxOrNull(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count > 0 ? known.Max() : null;
    }

    private static double? SumOrNull(IEnumerable<int?>? values)
    {
        var known = values?.Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        return known is { Count: > 0 } ? known.Sum() : null;
    }

    private static string DescribeState(MinerSample sample)
    {
        var hashrate = AlertValueFormatter.Format(sample.HashrateRealtimeHps, AlertValueUnit.HashesPerSecond, sample.Algorithm);
        var state = sample.State ?? "unknown state";
        return sample.StateDescription is { } d ? $"{state}: {d}, {hashrate}" : $"{state}, {hashrate}";
    }
}
