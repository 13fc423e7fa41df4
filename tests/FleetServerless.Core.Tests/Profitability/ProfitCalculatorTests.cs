using FleetServerless.Core.Profitability;

namespace FleetServerless.Core.Tests.Profitability;

public sealed class ProfitCalculatorTests
{
    [Fact]
    public void PowerCost_IsWattsTimesHoursTimesPrice()
    {
        // 12 L7 at 3,425 W = 41,100 W = 41.1 kW; 41.1 kW * 24 h = 986.4 kWh; at 0.08 USD = 78.912 USD.
        var cost = PowerCost.PerDay(41_100, 0.08);

        Assert.NotNull(cost);
        Assert.Equal(78.912, cost.Value, 9);
    }

    [Fact]
    public void NetProfit_FromWorkedExampleByHand()
    {
        // Gross 285.4674 USD (114,000 MH/s * 0.0025041), 2 % fee = 5.709348, after fee 279.758052,
        // power 78.912, net 200.846052.
        var profit = ProfitCalculator.Compute(EstimateKinds.Pool, 114_000 * 0.0025041, 2, 41_100, 0.08);

        Assert.Equal(EstimateKinds.Pool, profit.EstimateKind);
        Assert.Equal(5.709348, profit.PoolFeeUsd!.Value, 6);
        Assert.Equal(279.758052, profit.RevenueAfterFeeUsd!.Value, 6);
        Assert.Equal(78.912, profit.PowerCostUsd!.Value, 6);
        Assert.Equal(200.846052, profit.NetProfitUsd!.Value, 6);
    }

    [Fact]
    public void UnknownRevenue_GivesUnknownNetProfitNotALoss()
    {
        var profit = ProfitCalculator.Compute(EstimateKinds.Network, null, 0, 41_100, 0.08);

        Assert.NotNull(profit.PowerCostUsd);
        Assert.Null(profit.NetProfitUsd);
    }

    [Fact]
    public void UnknownPower_GivesUnknownNetProfit()
    {
        var profit = ProfitCalculator.Compute(EstimateKinds.Network, 10, 0, null, 0.08);

        Assert.Null(profit.PowerCostUsd);
        Assert.Null(profit.NetProfitUsd);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void FeeOutsideRange_IsRejected(double fee)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfitCalculator.Compute(EstimateKinds.Pool, 10, fee, 1, 1));
    }

    [Fact]
    public void NegativePrice_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerCost.PerDay(100, -0.1));
    }
}
