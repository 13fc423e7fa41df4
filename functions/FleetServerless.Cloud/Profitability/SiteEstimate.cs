using FleetServerless.Cloud.Profitability.Network;
using FleetServerless.Core.Profitability;

namespace FleetServerless.Cloud.Profitability;

/// <summary>One estimate of one site: profit figures, status and where the revenue came from.</summary>
public sealed record SiteEstimate
{
    public required ProfitPerDay Profit { get; init; }

    /// <summary><c>ok</c>, <c>partial</c> or <c>unknown</c>.</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    /// <summary>Where the revenue figure came from, such as <c>prohashing/wamp</c> or the network sources used.</summary>
    public string? Source { get; init; }

    /// <summary>Age in seconds of the oldest input the revenue rests on; null for an unknown figure.</summary>
    public double? AgeSeconds { get; init; }

    public double? BtcPerDay { get; init; }

    public double? LtcPerDay { get; init; }

    public double? DogePerDay { get; init; }

    /// <summary>The network estimate in full (inputs with sources and ages); null for a pool estimate.</summary>
    public NetworkEstimate? Network { get; init; }
}
