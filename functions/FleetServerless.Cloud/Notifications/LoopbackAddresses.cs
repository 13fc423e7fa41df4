using System.Net;

namespace FleetServerless.Cloud.Notifications;

/// <summary>Recognizes loopback hosts, the only ones allowed plain http or plain SMTP.</summary>
public static class LoopbackAddresses
{
    /// <summary>Whether the host is <c>localhost</c> or a literal address in 127.0.0.0/8 or ::1.</summary>
    public static bool IsLoopback(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
