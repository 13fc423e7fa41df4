namespace FleetServerless.Core.Alerts;

/// <summary>What an alert is about: one miner, one relay, or a whole site (pool and profit rules).</summary>
public enum AlertSubjectKind
{
    Miner = 0,
    Relay = 1,
    Site = 2,
}
