using FleetServerless.Core.Profitability;

namespace FleetServerless.Core.Tests.Profitability;

public sealed class NetworkRevenueTests
{
    [Fact]
    public void OneGhs_Earns0_0015036LtcPerDay()
    {
        var ltc = NetworkRevenue.CoinsPerDay(1e9, 83_619_823.7186, 6.25);

        Assert.NotNull(ltc);
        Assert.Equal(0.0015036, Math.Round(ltc.Value, 7));
    }

    [Fact]
    public void DifficultyOneConstant_IsTwoToThe32()
    {
        var hashesPerDifficultyOne = ProfitabilityUnits.HashesPerDifficultyOne;

        Assert.Equal(Math.Pow(2, 32), hashesPerDifficultyOne);
    }

    [Fact]
    public void DogeTerm_MatchesHandComputation()
    {
        // 9.5 GH/s at DOGE difficulty 20,000,000 with 10,000 DOGE per block:
        // 9.5e9 * 86400 * 10000 / (2e7 * 4294967296) = 8.208e18 / 8.589934592e16 = 95.5537
        var doge = NetworkRevenue.CoinsPerDay(9.5e9, 20_000_000, 10_000);

        Assert.NotNull(doge);
        Assert.Equal(95.5537, Math.Round(doge.Value, 4));
    }

    [Theory]
    [InlineData(null, 6.25)]
    [InlineData(0.0, 6.25)]
    [InlineData(83_619_823.7186, null)]
    [InlineData(83_619_823.7186, 0.0)]
    public void MissingDifficultyOrReward_IsNull(double? difficulty, double? reward)
    {
        Assert.Null(NetworkRevenue.CoinsPerDay(1e9, difficulty, reward));
    }

    [Fact]
    public void SetPrices_AddLtcAndDogeUsd()
    {
        var inputs = new NetworkInputs
        {
            LtcDifficulty = 83_619_823.7186,
            LtcBlockRewardCoins = 6.25,
            LtcPriceUsd = 100,
            DogeDifficulty = 20_000_000,
            DogeBlockRewardCoins = 10_000,
            DogePriceUsd = 0.2,
        };

        var revenue = NetworkEstimateCalculator.Compute(9.5e9, inputs);

        // LTC: 9.5 * 0.00150357 = 0.0142839 LTC = 1.42839 USD; DOGE: 95.5537 * 0.2 = 19.11074 USD; sum 20.539.
        Assert.NotNull(revenue.Ltc);
        Assert.Equal(0.014284, Math.Round(revenue.Ltc.Value, 6));
        Assert.NotNull(revenue.Usd);
        Assert.Equal(20.539, Math.Round(revenue.Usd.Value, 3));
    }

    [Fact]
    public void MissingDogePrice_LeavesLtcOnlyUsd()
    {
        var inputs = new NetworkInputs
        {
            LtcDifficulty = 83_619_823.7186,
            LtcBlockRewardCoins = 6.25,
            LtcPriceUsd = 100,
            DogeDifficulty = 20_000_000,
            DogeBlockRewardCoins = 10_000,
        };

        var revenue = NetworkEstimateCalculator.Compute(1e9, inputs);

        Assert.NotNull(revenue.Doge);
        Assert.NotNull(revenue.Usd);
        Assert.Equal(0.15036, Math.Round(revenue.Usd.Value, 5));
    }

    [Fact]
    public void MissingLtcPrice_GivesNoUsd()
    {
        var inputs = new NetworkInputs { LtcDifficulty = 83_619_823.7186, LtcBlockRewardCoins = 6.25, DogePriceUsd = 0.2 };

        var revenue = NetworkEstimateCalculator.Compute(1e9, inputs);

        Assert.NotNull(revenue.Ltc);
        Assert.Null(revenue.Usd);
    }
}
