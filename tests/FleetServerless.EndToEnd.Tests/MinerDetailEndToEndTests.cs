namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// The miner detail route on the demo's stack with the simulated ViaBTC pool: the pool's view of the miner's worker
/// and the miner's active alerts are part of the response.
/// </summary>
public sealed class MinerDetailEndToEndTests
{
    [Fact]
    public async Task MinerDetail_ShowsPoolSideAndAlerts()
    {
        await using var stack = await TestStacks.StartAsync("e2edetail", minerCount: 3, poolProvider: "viabtc");

        await TestStacks.RunOneCycleAsync(stack);
        await stack.DevHost.Functions.RunTimerAsync("ProfitabilitySync", TestContext.Current.CancellationToken);
        var mac = stack.Fleet.Miners[0].Mac.ToUpperInvariant();
        var detail = await TestStacks.GetJsonAsync(stack, $"api/miners/{mac}");

        var poolSide = detail["poolSide"];
        Assert.NotNull(poolSide);
        Assert.True((bool)poolSide["seenByPool"]!);

        // The demo's pool simulator reports each worker at 97 % of its miner's hashrate.
        Assert.Equal(0.97, (double)poolSide["ratio"]!, precision: 2);

        var alerts = detail["activeAlerts"];
        Assert.NotNull(alerts);
        Assert.Empty(alerts.AsArray());
    }
}
