using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace FleetServerless.Relay.Miners.Scanning;

/// <summary>
/// The IPv4 or IPv6 addresses to scan, written as a CIDR network (<c>127.0.0.0/29</c>), a range
/// (<c>127.0.0.1-127.0.0.20</c> or <c>127.0.0.1-20</c>) or one address.
/// </summary>
public static class AddressRange
{
    /// <summary>The most addresses one scan accepts: 65,536, an IPv4 /16.</summary>
    public const int MaxAddresses = 65_536;

    /// <summary>Parses the text and lists its addresses in order. For a CIDR network of IPv4, every address is listed,
    /// network and broadcast included, because on loopback and point-to-point links they are hosts.</summary>
    /// <exception cref="FormatException">The text is not a network, a range or an address, or covers too many addresses.</exception>
    public static IReadOnlyList<IPAddress> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();

        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!IPNetwork.TryParse(trimmed, out var network))
            {
                throw Invalid(text, "is not a network in CIDR notation");
            }

            var bits = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            var size = BigInteger.One << (bits - network.PrefixLength);
            return Enumerate(text, network.BaseAddress, size);
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var firstText = trimmed[..dash].Trim();
            var lastText = trimmed[(dash + 1)..].Trim();
            if (!IPAddress.TryParse(firstText, out var first))
            {
                throw Invalid(text, $"starts with '{firstText}', which is not an IP address");
            }

            var last = ParseRangeEnd(first, lastText) ?? throw Invalid(text, $"ends with '{lastText}', which is neither an address nor a last octet");
            if (last.AddressFamily != first.AddressFamily)
            {
                throw Invalid(text, "mixes IPv4 and IPv6 addresses");
            }

            var start = ToNumber(first);
            var end = ToNumber(last);
            if (end < start)
            {
                throw Invalid(text, "ends before it starts");
            }

            return Enumerate(text, first, end - start + 1);
        }

        if (IPAddress.TryParse(trimmed, out var single))
        {
            return [single];
        }

        throw Invalid(text, "is neither a CIDR network, a range nor an IP address");
    }

    private static IPAddress? ParseRangeEnd(IPAddress first, string text)
    {
        if (IPAddress.TryParse(text, out var address) && text.Contains(first.AddressFamily == AddressFamily.InterNetwork ? '.' : ':', StringComparison.Ordinal))
        {
            return address;
        }

        if (first.AddressFamily == AddressFamily.InterNetwork && byte.TryParse(text, out var lastOctet))
        {
            var bytes = first.GetAddressBytes();
            bytes[3] = lastOctet;
            return new IPAddress(bytes);
        }

        return null;
    }

    private static List<IPAddress> Enumerate(string text, IPAddress first, BigInteger count)
    {
        if (count > MaxAddresses)
        {
            throw Invalid(text, $"covers {count} addresses, more than the {MaxAddresses} one scan accepts; split it into smaller ranges");
        }

        var start = ToNumber(first);
        var bytesLength = first.GetAddressBytes().Length;
        var addresses = new List<IPAddress>((int)count);
        for (var i = BigInteger.Zero; i < count; i++)
        {
            addresses.Add(FromNumber(start + i, bytesLength));
        }

        return addresses;
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger value, int length)
    {
        var bytes = new byte[length];
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }

    private static FormatException Invalid(string text, string reason) =>
        new($"The address range '{text}' {reason}. Write a network such as 127.0.0.0/29, a range such as 127.0.0.1-127.0.0.20, or one address.");
}
