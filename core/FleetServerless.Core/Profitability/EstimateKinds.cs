namespace FleetServerless.Core.Profitability;

/// <summary>Labels shown with every revenue figure, so an owner sees what it is based on.</summary>
public static class EstimateKinds
{
    /// <summary>The pool's own profitability value; whether it is before or after fees is not documented.</summary>
    public const string Pool = "pool estimate";

    /// <summary>Computed from network difficulty, block reward and market prices, before pool fees.</summary>
    public const string Network = "network estimate";
}
