using FleetServerless.Cloud.Pools;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>CoinGecko simple price: USD prices of Litecoin and Dogecoin.</summary>
public sealed class CoinGeckoSource(HttpClient http, Uri baseUrl, string? demoApiKey, TimeProvider? time = null) : INetworkDataSource
{
    public const string SourceName = "coingecko";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => SourceName;

    public async Task<NetworkObservation> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "simple/price?ids=litecoin,dogecoin&vs_currencies=usd"));
        if (!string.IsNullOrEmpty(demoApiKey))
        {
            request.Headers.Add("x-cg-demo-api-key", demoApiKey);
        }

        var body = await PoolHttp.SendForJsonAsync(http, request, "CoinGecko", cancellationToken);
        var problems = new List<string>();
        return new NetworkObservation
        {
            Source = SourceName,
            ObservedAt = _time.GetUtcNow(),
            LtcPriceUsd = NetworkValues.Positive(body["litecoin"]?["usd"], "CoinGecko litecoin usd", problems),
            DogePriceUsd = NetworkValues.Positive(body["dogecoin"]?["usd"], "CoinGecko dogecoin usd", problems),
            Problems = problems,
        };
    }
}
