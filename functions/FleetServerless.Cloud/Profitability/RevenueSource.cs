namespace FleetServerless.Cloud.Profitability;

/// <summary>Which revenue estimate a site's profit figures use.</summary>
public enum RevenueSource
{
    /// <summary>The network estimate (LTC plus merge-mined DOGE): needs no pool account.</summary>
    Network,

    /// <summary>The pool's own profitability value (Prohashing).</summary>
    Pool,

    /// <summary>Both, side by side.</summary>
    Both,
}
