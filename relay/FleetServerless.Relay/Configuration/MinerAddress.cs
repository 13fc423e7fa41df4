using System.Net;
using System.Net.Sockets;

namespace FleetServerless.Relay.Configuration;

/// <summary>Reads the host part of a configured miner address (<c>127.0.0.2</c>, <c>127.0.0.2:8080</c>, <c>[::1]:80</c>).</summary>
public static class MinerAddress
{
    /// <summary>Returns the host name or IP literal of <paramref name="host"/>, or null when it is not a valid address.</summary>
    public static string? GetHostName(string host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        if (!Uri.TryCreate("http://" + host.Trim(), UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/"
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        return uri.DnsSafeHost;
    }

    /// <summary>
    /// Returns the IP addresses of the miner: the literal itself, or what DNS returns for a name. Empty when the
    /// address is invalid or the name cannot be resolved.
    /// </summary>
    public static IReadOnlyList<IPAddress> Resolve(string host)
    {
        var name = GetHostName(host);
        if (name is null)
        {
            return [];
        }

        if (IPAddress.TryParse(name, out var literal))
        {
            return [literal];
        }

        try
        {
            return Dns.GetHostAddresses(name);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
