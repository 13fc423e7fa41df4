using FleetServerless.Core.Profitability;

namespace FleetServerless.Core.Tests.Profitability;

public sealed class PoolRevenueTests
{
    [Fact]
    public void PoolRateUnit_IsOneMegahashPerSecond()
    {
        var unitHps = ProfitabilityUnits.PoolRateHashrateHps;

        Assert.Equal(1e6, unitHps);
    }

    [Fact]
    public void WorkedExample_Gives285_47UsdPerDay()
    {
        var fleetHps = 12 * 9.5e9;

        var revenue = PoolRevenue.PerDay(fleetHps, usdPerMhsDay: 0.0025041, btcPerMhsDay: 6.8628068694276e-7);

        Assert.NotNull(revenue.Usd);
        Assert.Equal(285.47, Math.Round(revenue.Usd.Value, 2));
        Assert.NotNull(revenue.Btc);
        Assert.Equal(0.0782, Math.Round(revenue.Btc.Value, 4));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void MissingOrZeroPrice_IsUnknownNotZero(double? usd)
    {
        var revenue = PoolRevenue.PerDay(1e9, usd, null);

        Assert.Null(revenue.Usd);
        Assert.Null(revenue.Btc);
    }

    [Fact]
    public void NegativeHashrate_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PoolRevenue.PerDay(-1, 0.001, null));
    }
}
