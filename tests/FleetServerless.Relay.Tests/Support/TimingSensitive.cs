namespace FleetServerless.Relay.Tests.Support;

/// <summary>
/// Tests that assert a bound on elapsed time or start real processes run in this collection, alone, so the other
/// tests' load on a small machine cannot push them past their bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}
