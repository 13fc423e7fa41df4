namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>Maps Prohashing algorithm names to the telemetry's lower-case names.</summary>
public static class ProhashingAlgorithms
{
    /// <summary>Returns <c>scrypt</c> for Scrypt, <c>sha256d</c> for SHA-256, else the pool's name in lower case.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "scrypt" => "scrypt",
        "sha-256" or "sha256" => "sha256d",
        var other => other,
    };
}
