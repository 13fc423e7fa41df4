namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>How complete a network estimate is.</summary>
public static class NetworkEstimateStatus
{
    /// <summary>Every figure is known.</summary>
    public const string Ok = "ok";

    /// <summary>The Litecoin figure is known but the Dogecoin term is not; USD covers LTC only.</summary>
    public const string Partial = "partial";

    /// <summary>No USD figure: a difficulty or price is missing. The reason names it and the cause.</summary>
    public const string Unknown = "unknown";
}
