namespace FleetServerless.Cloud.Tests.Pools;

/// <summary>Waits for a condition that another thread makes true, failing with a message after a generous bound.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int maxSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(maxSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {maxSeconds} s waiting until {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
