using Microsoft.Extensions.Hosting;

namespace FleetServerless.Demo;

/// <summary>
/// A host lifetime that ignores console signals, for hosts run in-process by an owner that stops them itself.
/// The default console lifetime would stop each host on Ctrl-C independently, in no particular order.
/// </summary>
public sealed class OwnerControlledLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
