namespace FleetServerless.Core.Alerts;

/// <summary>The ids of the built-in rules, as they appear in configuration, storage, mutes and the API.</summary>
public static class AlertRuleIds
{
    public const string ChipTempCritical = "chip-temp-critical";
    public const string ChipTempHigh = "chip-temp-high";
    public const string BoardTempHigh = "board-temp-high";
    public const string HashrateDrop = "hashrate-drop";
    public const string HashrateBelowNominal = "hashrate-below-nominal";
    public const string BoardFailed = "board-failed";
    public const string ChipsRed = "chips-red";
    public const string FanLost = "fan-lost";
    public const string PowerHigh = "power-high";
    public const string MinerFailure = "miner-failure";
    public const string NotMining = "not-mining";
    public const string MinerOffline = "miner-offline";
    public const string PoolRejecting = "pool-rejecting";
    public const string NoActivePool = "no-active-pool";
    public const string RelaySilent = "relay-silent";
    public const string RelaySequenceGap = "relay-sequence-gap";
    public const string PoolHashrateLow = "pool-hashrate-low";
    public const string PoolDataStale = "pool-data-stale";
    public const string ProfitNegative = "profit-negative";
}
