namespace FleetServerless.Simulator.Miners;

/// <summary>Faults a simulated miner shows; several may be combined.</summary>
[Flags]
public enum MinerFaults
{
    None = 0,

    /// <summary><c>miner_state</c> is <c>failure</c> with a description; board 2 failed with its own description.</summary>
    Failure = 1 << 0,

    /// <summary>The last board is not detected: it is absent from <c>/summary</c> and the board endpoint.</summary>
    MissingBoard = 1 << 1,

    /// <summary>The second fan (id 1) reports 0 rpm and status <c>lost</c>.</summary>
    LostFan = 1 << 2,

    /// <summary>A hydro unit: <c>fans</c> is empty, water temperatures are reported.</summary>
    Hydro = 1 << 3,

    /// <summary>The miner is starting: <c>summary.miner</c> is null and the board endpoint returns <c>[]</c>.</summary>
    Starting = 1 << 4,

    /// <summary>Requests are accepted and never get a response.</summary>
    Hanging = 1 << 5,

    /// <summary>Connections are accepted and reset before any response.</summary>
    DropConnection = 1 << 6,

    /// <summary>Web API responses are cut in the middle of the JSON text.</summary>
    MalformedJson = 1 << 7,

    /// <summary>
    /// The miner is off. Set at start, its ports are never opened (connections are refused) and stay closed even when
    /// the fault is cleared. Set at run time, connections are accepted and reset at once, because one shared web
    /// host cannot close a single port.
    /// </summary>
    Offline = 1 << 8,
}
