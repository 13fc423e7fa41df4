namespace FleetServerless.Simulator.Miners;

/// <summary>
/// How the simulated TCP API spoils its replies, after the malformed forms seen from real CGMiner builds.
/// Every form, <see cref="Clean"/> included, ends the reply with a NUL byte.
/// </summary>
public enum TcpReplyForm
{
    /// <summary>Valid JSON.</summary>
    Clean,

    /// <summary>The comma between objects of an array is missing (<c>}{</c>).</summary>
    MissingComma,

    /// <summary>Numbers are sent as strings padded with spaces (<c>"GHS 5s":"  9512.5000"</c>).</summary>
    PaddedNumbers,

    /// <summary>Bare <c>inf</c> and <c>nan</c> stand in for numbers (<c>GHS av</c> is <c>nan</c>).</summary>
    InfNan,

    /// <summary>The connection closes without any reply byte.</summary>
    Empty,

    /// <summary>The reply is padded past 64 KB and cut at 65,536 bytes, as firmware with a fixed buffer does.</summary>
    Truncated,
}
