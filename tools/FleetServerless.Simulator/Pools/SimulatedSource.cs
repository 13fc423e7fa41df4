namespace FleetServerless.Simulator.Pools;

/// <summary>Names of the simulated services, for <see cref="PoolSimulator.SetFault"/> and request counts.</summary>
public static class SimulatedSource
{
    public const string Wamp = "wamp";
    public const string ProhashingRest = "prohashing-rest";
    public const string Proxy = "proxy";
    public const string ViaBtc = "viabtc";
    public const string Blockchair = "blockchair";
    public const string CoinGecko = "coingecko";
    public const string WhatToMine = "whattomine";

    public static readonly IReadOnlyList<string> All = [Wamp, ProhashingRest, Proxy, ViaBtc, Blockchair, CoinGecko, WhatToMine];
}
