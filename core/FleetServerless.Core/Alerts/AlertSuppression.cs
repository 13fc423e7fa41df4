namespace FleetServerless.Core.Alerts;

/// <summary>Why an event is recorded but not delivered.</summary>
public enum AlertSuppression
{
    None = 0,

    /// <summary>A maintenance mute covers the miner, rule or site.</summary>
    Muted = 1,

    /// <summary>A more important alert of the same subject is firing (for example offline over not mining).</summary>
    Inhibited = 2,

    /// <summary>The relay of the miner is silent: the site message names the miners instead.</summary>
    RelaySilent = 3,
}
