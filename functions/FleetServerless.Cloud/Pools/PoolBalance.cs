namespace FleetServerless.Cloud.Pools;

/// <summary>The account's balance in one coin on the pool.</summary>
public sealed record PoolBalance(string Coin, double Amount, DateTimeOffset ObservedAt);
