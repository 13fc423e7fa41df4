using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>
/// An operator's HTTP bridge that re-serves Prohashing's WAMP profitability. Its <c>connected</c> flag never
/// turns false and <c>updating</c> is true for minutes after start, so freshness comes only from each
/// algorithm's <c>data_timestamp</c>; <c>{}</c> means no data yet.
/// </summary>
public sealed class ProhashingProxySource(HttpClient http, Uri baseUrl, string? bearerToken, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var fetchedAt = _time.GetUtcNow();
        var problems = new List<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "profitability"));
        if (!string.IsNullOrEmpty(bearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        var body = await PoolHttp.SendForJsonAsync(http, request, "Prohashing proxy", cancellationToken);
        if (body is not JsonObject profitability)
        {
            throw new PoolUnavailableException($"Prohashing proxy returned a JSON {body.GetValueKind()}, not the profitability object.");
        }

        if (profitability.Count == 0)
        {
            throw new PoolUnavailableException("Prohashing proxy has no profitability yet ({}): it has not received an update from the pool.");
        }

        return new PoolSnapshot
        {
            Provider = ProhashingProvider.ProviderName,
            Source = "proxy",
            FetchedAt = fetchedAt,
            Profitability = ProhashingProfitabilityParser.Parse(profitability, fetchedAt, problems),
            Problems = problems,
        };
    }
}
