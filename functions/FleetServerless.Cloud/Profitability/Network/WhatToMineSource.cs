using FleetServerless.Cloud.Pools;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// WhatToMine's Litecoin page (<c>coins/4.json</c>): <c>difficulty</c> and <c>block_reward</c>. Its revenue
/// estimates are strings quoted for MH/s and are not used.
/// </summary>
public sealed class WhatToMineSource(HttpClient http, Uri baseUrl, TimeProvider? time = null) : INetworkDataSource
{
    public const string SourceName = "whattomine";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => SourceName;

    public async Task<NetworkObservation> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "coins/4.json"));
        var body = await PoolHttp.SendForJsonAsync(http, request, "WhatToMine", cancellationToken);
        var problems = new List<string>();
        return new NetworkObservation
        {
            Source = SourceName,
            ObservedAt = _time.GetUtcNow(),
            LtcDifficulty = NetworkValues.Positive(body["difficulty"], "WhatToMine difficulty", problems),
            LtcBlockRewardCoins = NetworkValues.Positive(body["block_reward"], "WhatToMine block_reward", problems),
            Problems = problems,
        };
    }
}
