using FleetServerless.Core.Profitability;

namespace FleetServerless.Core.Tests.Profitability;

public sealed class HashrateComparerTests
{
    private static WorkerName Name(string text) => WorkerName.Parse(text)!;

    [Fact]
    public void StratumUser_SplitsAccountAndWorker()
    {
        var name = WorkerName.FromStratumUser("acme.rig01");

        Assert.NotNull(name);
        Assert.Equal("acme", name.Account);
        Assert.Equal("rig01", name.Worker);
    }

    [Fact]
    public void StratumUserWithoutWorker_GivesNoName()
    {
        Assert.Null(WorkerName.FromStratumUser("acme"));
    }

    [Fact]
    public void NameWithoutAccount_MatchesPrefixedName()
    {
        Assert.True(Name("rig01").Matches(Name("acme.RIG01")));
    }

    [Fact]
    public void DifferentAccounts_DoNotMatch()
    {
        Assert.False(Name("other.rig01").Matches(Name("acme.rig01")));
    }

    [Fact]
    public void Compare_SumsConnectionsAndComputesRatios()
    {
        var miners = new[]
        {
            new MinerSideHashrate("m1", Name("acme.rig01"), 9.5e9),
            new MinerSideHashrate("m2", Name("acme.rig02"), 10e9),
        };
        var workers = new[]
        {
            new PoolSideHashrate(Name("rig01"), 4e9),
            new PoolSideHashrate(Name("rig01"), 5e9),
            new PoolSideHashrate(Name("acme.rig02"), 5e9),
        };

        var result = HashrateComparer.Compare(miners, workers);

        Assert.Equal(9e9, result.Miners.Single(m => m.MinerId == "m1").PoolSideHps);
        Assert.Equal(0.5, result.Miners.Single(m => m.MinerId == "m2").Ratio);
        Assert.Equal(14e9 / 19.5e9, result.FleetRatio!.Value, 9);
    }

    [Fact]
    public void Compare_ListsUnclaimedWorkersAndUnseenMiners()
    {
        var miners = new[]
        {
            new MinerSideHashrate("m1", Name("acme.rig01"), 9.5e9),
            new MinerSideHashrate("m2", Name("acme.rig02"), 9.5e9),
            new MinerSideHashrate("m3", null, 9.5e9),
        };
        var workers = new[] { new PoolSideHashrate(Name("acme.rig01"), 9e9), new PoolSideHashrate(Name("stranger"), 1e9) };

        var result = HashrateComparer.Compare(miners, workers);

        Assert.Equal(["stranger"], result.UnclaimedWorkers);
        Assert.Equal(["m2", "m3"], result.UnseenMiners);
        Assert.Null(result.Miners.Single(m => m.MinerId == "m2").Ratio);
    }

    [Fact]
    public void Compare_NothingMatched_FleetRatioIsNull()
    {
        var result = HashrateComparer.Compare([new MinerSideHashrate("m1", Name("a.b"), 1e9)], []);

        Assert.Null(result.FleetRatio);
    }
}
