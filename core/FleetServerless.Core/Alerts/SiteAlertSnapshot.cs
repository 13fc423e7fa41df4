namespace FleetServerless.Core.Alerts;

/// <summary>Everything alert evaluation keeps for one site, as loaded before an evaluation.</summary>
public sealed class SiteAlertSnapshot
{
    public SiteAlertSnapshot(
        string siteId,
        IEnumerable<KeyValuePair<AlertKey, AlertState>>? states = null,
        IEnumerable<MinerAlertWindow>? miners = null,
        IEnumerable<RelayAlertPresence>? relays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        SiteId = siteId;
        States = new Dictionary<AlertKey, AlertState>(states ?? []);
        Miners = (miners ?? []).ToDictionary(m => m.MinerId, StringComparer.Ordinal);
        Relays = (relays ?? []).ToDictionary(r => r.RelayId, StringComparer.Ordinal);
    }

    public string SiteId { get; }

    /// <summary>Stored alert states; an alert missing here is <see cref="AlertState.Initial"/>.</summary>
    public IReadOnlyDictionary<AlertKey, AlertState> States { get; }

    public IReadOnlyDictionary<string, MinerAlertWindow> Miners { get; }

    public IReadOnlyDictionary<string, RelayAlertPresence> Relays { get; }

    public AlertState StateOf(AlertKey key) => States.GetValueOrDefault(key) ?? AlertState.Initial;
}
