namespace FleetServerless.Simulator.Miners;

/// <summary>What <see cref="SimulatedFleet.StartAsync"/> starts.</summary>
public sealed class SimulatedFleetOptions
{
    /// <summary>How many miners to start. Default 12; one process serves several thousand.</summary>
    public int Count { get; set; } = 12;

    /// <summary>The prefix of miner names, followed by the miner's number: <c>sim-01</c>. Default <c>sim-</c>.</summary>
    public string NamePrefix { get; set; } = "sim-";

    /// <summary>
    /// The third byte of every simulated MAC address (<c>02:00:NN:..</c>), so fleets started side by side in one test
    /// run report different miner ids. Default 0.
    /// </summary>
    public byte MacGroup { get; set; }

    /// <summary>The kind of every miner unless <see cref="Configure"/> changes it. Default an L7 on Vnish.</summary>
    public SimulatedMinerKind Kind { get; set; } = SimulatedMinerKind.ScryptL7;

    /// <summary>The firmware version of every miner. Default <c>1.2.6</c>.</summary>
    public string FirmwareVersion { get; set; } = "1.2.6";

    /// <summary>The web API password of every miner. Default <c>admin</c>, the firmware's default.</summary>
    public string Password { get; set; } = "admin";

    /// <summary>An API key every miner accepts in <c>x-api-key</c>, or null (the default) for none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether every miner also serves the TCP API. Default false.</summary>
    public bool TcpApi { get; set; }

    /// <summary>The delay before every response, for load tests. Default zero.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>
    /// Whether <c>/api/v1/summary</c> requires a token or API key. The vendor schemas (1.2.6, 1.3.4) make its auth
    /// optional; the simulator requires it by default, so every read exercises the relay's unlock path.
    /// </summary>
    public bool SummaryRequiresAuth { get; set; } = true;

    /// <summary>How long an unlock token stays valid, or null (the default) for tokens that never expire.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>Wrong passwords in a row after which the miner returns 429 and locks unlock out. Default 5.</summary>
    public int WrongPasswordsBeforeLockout { get; set; } = 5;

    /// <summary>How long a lock-out lasts, sent as <c>unlock_timeout</c>. Default 60 seconds.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for token expiry and lock-out; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Changes a miner's setup before it starts; receives the miner's zero-based index.</summary>
    public Action<int, SimulatedMinerSetup>? Configure { get; set; }
}
