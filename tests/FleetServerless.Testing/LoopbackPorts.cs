using System.Net;
using System.Net.Sockets;

namespace FleetServerless.Testing;

/// <summary>Free TCP ports on 127.0.0.1, for servers a test starts.</summary>
public static class LoopbackPorts
{
    /// <summary>Returns a port that was free a moment ago. Another process may still take it before the caller binds.</summary>
    public static int GetFreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
