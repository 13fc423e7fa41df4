using System.Net;
using System.Net.Sockets;

namespace FleetServerless.Relay.Configuration;

/// <summary>
/// The networks the relay may poll. A miner whose address falls outside every network is rejected at start,
/// so a typo cannot make the relay send requests to a host outside the mine.
/// </summary>
public sealed class PollAllowlist
{
    private PollAllowlist(IReadOnlyList<IPNetwork> networks) => Networks = networks;

    public IReadOnlyList<IPNetwork> Networks { get; }

    /// <summary>
    /// Builds the allowlist from <see cref="RelayOptions.PollAllowlist"/>, or, when that is empty, from the
    /// networks of the configured miners (the /24 of each IPv4 address, the /64 of each IPv6 address).
    /// </summary>
    /// <exception cref="FormatException">An entry is not a network in CIDR notation.</exception>
    public static PollAllowlist FromOptions(RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PollAllowlist.Count > 0)
        {
            return new PollAllowlist(options.PollAllowlist.Select(ParseNetwork).ToArray());
        }

        var networks = new HashSet<IPNetwork>();
        foreach (var miner in options.Miners)
        {
            foreach (var address in MinerAddress.Resolve(miner.Host))
            {
                networks.Add(NetworkOf(address));
            }
        }

        return new PollAllowlist(networks.ToArray());
    }

    /// <summary>Parses <c>address/prefix</c>; a bare address is taken as a single host.</summary>
    /// <exception cref="FormatException">The text is not a network in CIDR notation.</exception>
    public static IPNetwork ParseNetwork(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(trimmed, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException(
            $"'{text}' is not a network in CIDR notation; write it as an address and prefix length, such as 127.0.0.0/24.");
    }

    public bool Contains(IPAddress address)
    {
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Networks.Any(n => n.Contains(candidate));
    }

    private static IPNetwork NetworkOf(IPAddress address)
    {
        var prefixLength = address.AddressFamily == AddressFamily.InterNetwork ? 24 : 64;
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }
}
