using System.Globalization;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>Where a configured miner's APIs are: the web API base address and the TCP API host and port.</summary>
internal sealed record MinerEndpoint(Uri WebApiBase, string TcpHost, int TcpPort)
{
    /// <summary>Builds the endpoint from <see cref="MinerOptions.Host"/> (<c>host</c> or <c>host:port</c>).</summary>
    /// <exception cref="FormatException">The host is not a host name or IP address with an optional port.</exception>
    public static MinerEndpoint From(MinerOptions miner)
    {
        var host = miner.Host?.Trim() ?? "";
        if (host.Length == 0
            || host.Contains("://", StringComparison.Ordinal)
            || !Uri.TryCreate("http://" + host, UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/"
            || uri.UserInfo.Length > 0)
        {
            throw new FormatException(
                $"Miner '{miner.Name}': Host '{miner.Host}' is not a host name or IP address with an optional port; write it as 127.0.0.2 or 127.0.0.2:8080.");
        }

        var webBase = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{uri.Authority}/api/v1/"));
        return new MinerEndpoint(webBase, uri.DnsSafeHost, miner.TcpPort);
    }
}
