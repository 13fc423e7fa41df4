using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Alerts;

/// <summary>
/// Evaluates every rule of one site: for a stored batch, for the watchdog's absence check, and for the pool
/// and profit figures. Pure: it reads a snapshot and returns what to store, log and deliver.
/// </summary>
/// <remarks>
/// Evaluating the same batch twice raises nothing twice: a sample not newer than the miner's last one, and an
/// observation not newer than an alert's last one, change nothing. Miners of a relay that is not reporting are
/// not judged absent one by one; the relay-silent alert names them.
/// </remarks>
public sealed class SiteAlertEvaluator(AlertPolicy policy)
{
    private static readonly AlertRuleDefinition[] MinerRules =
        AlertRuleCatalog.All.Where(r => r.SubjectKind == AlertSubjectKind.Miner).ToArray();

    private static readonly AlertRuleDefinition[] SiteRules =
        AlertRuleCatalog.All.Where(r => r.SubjectKind == AlertSubjectKind.Site).ToArray();

    private readonly AlertPolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Evaluates a batch the cloud side received and stored at <paramref name="receivedAt"/>.</summary>
    public SiteEvaluation EvaluateBatch(
        SiteAlertSnapshot snapshot, TelemetryBatch batch, DateTimeOffset receivedAt, IReadOnlyList<AlertMute> mutes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(batch);
        if (!string.Equals(batch.SiteId, snapshot.SiteId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Batch of site '{batch.SiteId}' cannot be evaluated against the snapshot of site '{snapshot.SiteId}'.",
                nameof(batch));
        }

        var work = new Work(snapshot, _policy, mutes);
        EvaluateRelayBatch(work, batch, receivedAt);

        foreach (var sample in batch.Samples.OrderBy(s => s.CollectedAt))
        {
            EvaluateSample(work, sample, batch.RelayId, receivedAt);
        }

        return work.Finish();
    }

    /// <summary>
    /// Evaluates absence at <paramref name="now"/>: relays whose batches stopped, and miners that a reporting
    /// relay no longer includes in its batches.
    /// </summary>
    public SiteEvaluation EvaluateWatchdog(SiteAlertSnapshot snapshot, DateTimeOffset now, IReadOnlyList<AlertMute> mutes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var work = new Work(snapshot, _policy, mutes);
        var silentRule = AlertRuleCatalog.Get(AlertRuleIds.RelaySilent);
        var silentThresholds = _policy.ThresholdsFor(snapshot.SiteId, silentRule);
        var reportingRelays = new HashSet<string>(StringComparer.Ordinal);

        foreach (var relay in snapshot.Relays.Values)
        {
            var observation = RelayRuleEvaluator.EvaluateSilence(silentThresholds, relay, now);
            if (observation.Level == ObservationLevel.Clear)
            {
                reportingRelays.Add(relay.RelayId);
            }

            if (silentThresholds.Enabled)
            {
                var miners = snapshot.Miners.Values
                    .Where(m => string.Equals(m.RelayId, relay.RelayId, StringComparison.Ordinal))
                    .Select(m => m.Host is { } host ? $"{m.MinerId} ({host})" : m.MinerId)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                work.Apply(silentRule, silentThresholds, relay.RelayId, observation, now,
                    new SubjectInfo(null, relay.RelayId, null, miners));
            }
        }

        var offlineRule = AlertRuleCatalog.Get(AlertRuleIds.MinerOffline);
        var offlineThresholds = _policy.ThresholdsFor(snapshot.SiteId, offlineRule);
        if (!offlineThresholds.Enabled)
        {
            return work.Finish();
        }

        foreach (var miner in snapshot.Miners.Values)
        {
            var relayReporting = miner.RelayId is { } relayId && reportingRelays.Contains(relayId);
            var missing = miner.LastSeenAt is { } seen && now - seen > _policy.AbsenceGrace;
            if (!relayReporting || !missing)
            {
                continue;
            }

            var observation = MinerRuleEvaluator.EvaluateAbsence(offlineThresholds, miner, now);
            work.Apply(offlineRule, offlineThresholds, miner.MinerId, observation, now,
                new SubjectInfo(miner.Host, miner.RelayId, miner.Algorithm, []));
        }

        return work.Finish();
    }

    /// <summary>Evaluates the site rules (pool-side hashrate, pool data age, net profit) at <paramref name="now"/>.</summary>
    public SiteEvaluation EvaluateSite(
        SiteAlertSnapshot snapshot, SiteAlertInput input, DateTimeOffset now, IReadOnlyList<AlertMute> mutes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(input);
        var work = new Work(snapshot, _policy, mutes);
        foreach (var rule in SiteRules)
        {
            var thresholds = _policy.ThresholdsFor(snapshot.SiteId, rule);
            if (!thresholds.Enabled)
            {
                continue;
            }

            var observation = SiteRuleEvaluator.Evaluate(rule, thresholds, input);
            work.Apply(rule, thresholds, snapshot.SiteId, observation, now,
                new SubjectInfo(null, null, null, [], input.Currency));
        }

        return work.Finish();
    }

    private void EvaluateRelayBatch(Work work, TelemetryBatch batch, DateTimeOffset receivedAt)
    {
        var relay = work.Snapshot.Relays.GetValueOrDefault(batch.RelayId) ?? new RelayAlertPresence { RelayId = batch.RelayId };
        var info = new SubjectInfo(null, batch.RelayId, null, []);

        var silentRule = AlertRuleCatalog.Get(AlertRuleIds.RelaySilent);
        var silentThresholds = _policy.ThresholdsFor(work.Snapshot.SiteId, silentRule);
        if (silentThresholds.Enabled)
        {
            var reporting = relay with { LastBatchReceivedAt = receivedAt };
            work.Apply(silentRule, silentThresholds, batch.RelayId,
                RelayRuleEvaluator.EvaluateSilence(silentThresholds, reporting, receivedAt), receivedAt, info);
        }

        var gapRule = AlertRuleCatalog.Get(AlertRuleIds.RelaySequenceGap);
        var gapThresholds = _policy.ThresholdsFor(work.Snapshot.SiteId, gapRule);
        if (gapThresholds.Enabled)
        {
            var observation = RelayRuleEvaluator.EvaluateSequence(gapThresholds, relay.LastSequence, batch.Sequence);
            work.Apply(gapRule, gapThresholds, batch.RelayId, observation, receivedAt, info);
        }

        work.WriteRelay(relay with
        {
            LastBatchReceivedAt = relay.LastBatchReceivedAt is { } last && last > receivedAt ? last : receivedAt,
            LastSequence = Math.Max(relay.LastSequence ?? 0, batch.Sequence),
        });
    }

    private void EvaluateSample(Work work, MinerSample sample, string relayId, DateTimeOffset receivedAt)
    {
        var window = work.MinerWindow(sample.MinerId);
        var appended = window.Append(sample, relayId);
        if (appended is null)
        {
            return;
        }

        work.WriteMiner(appended);
        if (receivedAt - sample.CollectedAt > _policy.MaxSampleAge)
        {
            return;
        }

        var info = new SubjectInfo(sample.Host, relayId, sample.Algorithm ?? appended.Algorithm, []);
        foreach (var rule in MinerRules)
        {
            var thresholds = _policy.ThresholdsFor(work.Snapshot.SiteId, rule);
            if (!thresholds.Enabled)
            {
                continue;
            }

            var observation = MinerRuleEvaluator.Evaluate(rule, thresholds, sample, appended);
            work.Apply(rule, thresholds, sample.MinerId, observation, sample.CollectedAt, info);
        }
    }

    /// <summary>What a message shows about a subject besides its id.</summary>
    private sealed record SubjectInfo(
        string? Host, string? RelayId, string? Algorithm, IReadOnlyList<string> AffectedMiners, string? Currency = null);

    /// <summary>The state of one evaluation in progress.</summary>
    private sealed class Work(SiteAlertSnapshot snapshot, AlertPolicy policy, IReadOnlyList<AlertMute> mutes)
    {
        private readonly Dictionary<AlertKey, AlertState> _states = new();
        private readonly Dictionary<string, MinerAlertWindow> _miners = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RelayAlertPresence> _relays = new(StringComparer.Ordinal);
        private readonly List<AlertEvent> _events = [];

        public SiteAlertSnapshot Snapshot { get; } = snapshot;

        public MinerAlertWindow MinerWindow(string minerId) =>
            _miners.GetValueOrDefault(minerId)
            ?? Snapshot.Miners.GetValueOrDefault(minerId)
            ?? new MinerAlertWindow { MinerId = minerId };

        public void WriteMiner(MinerAlertWindow window) => _miners[window.MinerId] = window;

        public void WriteRelay(RelayAlertPresence relay) => _relays[relay.RelayId] = relay;

        public void Apply(
            AlertRuleDefinition rule, RuleThresholds thresholds, string subjectId, RuleObservation observation,
            DateTimeOffset at, SubjectInfo info)
        {
            var key = new AlertKey(Snapshot.SiteId, rule.Id, subjectId);
            var before = StateOf(key);
            var suppression = SuppressionOf(rule, key, at);
            var step = AlertStateMachine.Apply(before, observation, thresholds, policy.Flapping, at, suppression);
            if (!step.Applied)
            {
                return;
            }

            _states[key] = step.State;
            if (step.Event is not { } kind)
            {
                return;
            }

            _events.Add(new AlertEvent
            {
                SiteId = Snapshot.SiteId,
                RuleId = rule.Id,
                Title = rule.Title,
                Severity = rule.Severity,
                SubjectKind = rule.SubjectKind,
                SubjectId = subjectId,
                Host = info.Host,
                RelayId = info.RelayId,
                Kind = kind,
                OccurredAt = at,
                Since = kind == AlertEventKind.Resolved ? before.ConditionSince ?? before.FiredAt : step.State.ConditionSince,
                Value = observation.Value ?? step.State.LastValue,
                Threshold = kind == AlertEventKind.Resolved ? thresholds.ClearThreshold : thresholds.Threshold,
                ClearThreshold = thresholds.ClearThreshold,
                Unit = rule.Unit,
                Algorithm = info.Algorithm,
                Currency = info.Currency,
                Detail = observation.Detail ?? step.State.LastDetail,
                Active = step.State.IsActive,
                Suppression = step.Notify ? AlertSuppression.None : suppression,
                Notify = step.Notify,
                AffectedMiners = info.AffectedMiners,
            });
        }

        public SiteEvaluation Finish()
        {
            var toWrite = new Dictionary<AlertKey, AlertState>();
            var toDelete = new List<AlertKey>();
            foreach (var (key, after) in _states)
            {
                var stored = Snapshot.States.GetValueOrDefault(key);
                if (after.IsQuiet)
                {
                    if (stored is not null)
                    {
                        toDelete.Add(key);
                    }
                }
                else if (stored is null || after.IsActive || !AlertStateComparer.SameMaterial(stored, after))
                {
                    toWrite[key] = after;
                }
            }

            return new SiteEvaluation
            {
                StatesToWrite = toWrite,
                StatesToDelete = toDelete,
                MinersToWrite = _miners.Values.ToList(),
                RelaysToWrite = _relays.Values.ToList(),
                Events = _events,
                Notifications = StormGrouper.Group(_events, policy.StormMinSubjects),
            };
        }

        private AlertState StateOf(AlertKey key) => _states.GetValueOrDefault(key) ?? Snapshot.StateOf(key);

        private AlertSuppression SuppressionOf(AlertRuleDefinition rule, AlertKey key, DateTimeOffset at)
        {
            if (mutes.Any(m => m.Covers(key, at)))
            {
                return AlertSuppression.Muted;
            }

            foreach (var inhibitor in rule.InhibitedBy)
            {
                if (StateOf(key with { RuleId = inhibitor }).IsActive)
                {
                    return AlertSuppression.Inhibited;
                }
            }

            return AlertSuppression.None;
        }
    }
}
