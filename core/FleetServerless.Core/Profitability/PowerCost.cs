namespace FleetServerless.Core.Profitability;

/// <summary>Electricity cost of running miners.</summary>
public static class PowerCost
{
    /// <summary>
    /// Computes the cost per day of drawing <paramref name="powerWatts"/> continuously at
    /// <paramref name="pricePerKilowattHour"/>, in the price's currency. Null power or price gives null.
    /// </summary>
    public static double? PerDay(double? powerWatts, double? pricePerKilowattHour)
    {
        if (powerWatts is null || pricePerKilowattHour is null)
        {
            return null;
        }

        if (powerWatts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(powerWatts), powerWatts, "Power must be zero or more watts.");
        }

        if (pricePerKilowattHour < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pricePerKilowattHour), pricePerKilowattHour, "The power price must be zero or more per kWh.");
        }

        return powerWatts.Value / ProfitabilityUnits.WattsPerKilowatt * ProfitabilityUnits.HoursPerDay * pricePerKilowattHour.Value;
    }
}
