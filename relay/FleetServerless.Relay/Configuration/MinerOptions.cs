using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Relay.Configuration;

/// <summary>One miner the relay polls, from the <c>Relay:Miners</c> configuration list.</summary>
public sealed class MinerOptions
{
    /// <summary>A name for logs and the fallback miner id when the miner reports no MAC address.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The miner's address: a host name or IP, optionally with the web API port (<c>127.0.0.2:8080</c>).</summary>
    [Required]
    public string Host { get; set; } = "";

    /// <summary>Which API to read: <c>auto</c> (detect, the default), <c>web</c> (Vnish web API) or <c>tcp</c> (port 4028).</summary>
    public string Api { get; set; } = "auto";

    /// <summary>The TCP API port. Default 4028.</summary>
    [Range(1, 65535)]
    public int TcpPort { get; set; } = 4028;

    /// <summary>The web API password. Secret: never logged. Default <c>admin</c>, the firmware's default.</summary>
    public string? Password { get; set; }

    /// <summary>A web API key sent as <c>x-api-key</c>, instead of the password. Secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Host})";
}
