namespace FleetServerless.Core.Telemetry;

/// <summary>The miner states Vnish firmware reports, and which of them count as hashing.</summary>
public static class MinerStates
{
    public const string Mining = "mining";
    public const string AutoTuning = "auto-tuning";
    public const string Initializing = "initializing";
    public const string Starting = "starting";
    public const string Restarting = "restarting";
    public const string ShuttingDown = "shutting-down";
    public const string Stopped = "stopped";
    public const string Failure = "failure";

    /// <summary>
    /// Whether a state is one in which the miner hashes. Auto-tuning hashes; failure never does,
    /// whatever hashrate the firmware still reports.
    /// </summary>
    public static bool IsHashingState(string? state) =>
        string.Equals(state, Mining, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, AutoTuning, StringComparison.OrdinalIgnoreCase);
}
