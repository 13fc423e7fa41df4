namespace FleetServerless.Cloud.Pools;

/// <summary>Names of the pool conditions alert rules read from <see cref="IPoolStatusReader"/>.</summary>
public static class PoolConditions
{
    /// <summary>The pool could not be read; raised once per outage (<see cref="PoolStatus.ConditionRaisedAt"/>).</summary>
    public const string Unreachable = "pool-unreachable";
}
