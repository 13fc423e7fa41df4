namespace FleetServerless.Relay.Miners;

/// <summary>Recognizes the firmware's developer-fee and refund pools, which are left out of pool health and shares.</summary>
internal static class PoolFilter
{
    public static bool IsFeePool(string? poolType, string? url, string? user) =>
        IsFeeName(poolType) || IsFeeName(url) || IsFeeName(user);

    private static bool IsFeeName(string? text) =>
        text is not null
        && (text.Trim().Equals("DevFee", StringComparison.OrdinalIgnoreCase)
            || text.Trim().Equals("Refund", StringComparison.OrdinalIgnoreCase));
}
