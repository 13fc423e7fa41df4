using FleetServerless.Core.Alerts;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Core.Tests.Alerts;

/// <summary>
/// One site's alert storage kept in memory: each evaluation is applied to it as the cloud side would store it,
/// and every event and notification is kept for the asserts. Time comes from a fake clock.
/// </summary>
internal sealed class AlertSiteHarness(string siteId, AlertPolicy? policy = null)
{
    private readonly SiteAlertEvaluator _evaluator = new(policy ?? AlertPolicy.Default);
    private readonly Dictionary<AlertKey, AlertState> _states = new();
    private readonly Dictionary<string, MinerAlertWindow> _miners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelayAlertPresence> _relays = new(StringComparer.Ordinal);
    private long _sequence;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public List<AlertEvent> Events { get; } = [];

    public List<AlertNotification> Notifications { get; } = [];

    public List<AlertMute> Mutes { get; } = [];

    public string SiteId { get; } = siteId;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public IReadOnlyDictionary<AlertKey, AlertState> States => _states;

    /// <summary>Builds a batch of the samples, stamped now, and evaluates it.</summary>
    public SiteEvaluation Ingest(string relayId, params MinerSample[] samples)
    {
        var batch = AlertSamples.Batch(SiteId, relayId, ++_sequence, Now, samples);
        return Ingest(batch);
    }

    public SiteEvaluation Ingest(TelemetryBatch batch) =>
        Store(_evaluator.EvaluateBatch(Snapshot(), batch, Now, Mutes));

    public SiteEvaluation RunWatchdog() => Store(_evaluator.EvaluateWatchdog(Snapshot(), Now, Mutes));

    public SiteEvaluation EvaluateSite(SiteAlertInput input) => Store(_evaluator.EvaluateSite(Snapshot(), input, Now, Mutes));

    public AlertState StateOf(string ruleId, string subjectId) =>
        _states.GetValueOrDefault(new AlertKey(SiteId, ruleId, subjectId)) ?? AlertState.Initial;

    public IEnumerable<AlertNotification> NotificationsOf(string ruleId) => Notifications.Where(n => n.RuleId == ruleId);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    private SiteAlertSnapshot Snapshot() => new(SiteId, _states, _miners.Values, _relays.Values);

    private SiteEvaluation Store(SiteEvaluation evaluation)
    {
        foreach (var (key, state) in evaluation.StatesToWrite)
        {
            _states[key] = state;
        }

        foreach (var key in evaluation.StatesToDelete)
        {
            _states.Remove(key);
        }

        foreach (var miner in evaluation.MinersToWrite)
        {
            _miners[miner.MinerId] = miner;
        }

        foreach (var relay in evaluation.RelaysToWrite)
        {
            _relays[relay.RelayId] = relay;
        }

        Events.AddRange(evaluation.Events);
        Notifications.AddRange(evaluation.Notifications);
        return evaluation;
    }
}
