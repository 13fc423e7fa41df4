using FleetServerless.Cloud.Pools;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>Blockchair chain stats: <c>data.difficulty</c> and <c>data.market_price_usd</c> for Litecoin and Dogecoin.</summary>
public sealed class BlockchairSource(HttpClient http, Uri baseUrl, bool includeDoge, TimeProvider? time = null) : INetworkDataSource
{
    public const string SourceName = "blockchair";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => SourceName;

    public async Task<NetworkObservation> FetchAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var (ltcDifficulty, ltcPrice) = await ReadChainAsync("litecoin", problems, cancellationToken);
        double? dogeDifficulty = null;
        double? dogePrice = null;
        if (includeDoge)
        {
            (dogeDifficulty, dogePrice) = await ReadChainAsync("dogecoin", problems, cancellationToken);
        }

        return new NetworkObservation
        {
            Source = SourceName,
            ObservedAt = _time.GetUtcNow(),
            LtcDifficulty = ltcDifficulty,
            LtcPriceUsd = ltcPrice,
            DogeDifficulty = dogeDifficulty,
            DogePriceUsd = dogePrice,
            Problems = problems,
        };
    }

    private async Task<(double? Difficulty, double? PriceUsd)> ReadChainAsync(string chain, List<string> problems, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"{chain}/stats"));
        var body = await PoolHttp.SendForJsonAsync(http, request, $"Blockchair {chain}", cancellationToken);
        var data = body["data"];
        if (data is null)
        {
            throw new PoolUnavailableException($"Blockchair {chain} stats returned no data object.");
        }

        return (
            NetworkValues.Positive(data["difficulty"], $"Blockchair {chain} difficulty", problems),
            NetworkValues.Positive(data["market_price_usd"], $"Blockchair {chain} market_price_usd", problems));
    }
}
