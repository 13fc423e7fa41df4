using Microsoft.Extensions.Hosting;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// A host lifetime that hooks no process signals. The fleet is a library object stopped by its owner's dispose, so
/// Ctrl-C stays with the owner (a test run or the <c>miners</c> command) instead of the fleet's web host.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
