using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>
/// Prohashing's REST API: <c>status</c> for per-algorithm BTC estimates, <c>wallet</c> for balances and
/// <c>walletEx</c> for per-connection hashrates. Handles numbers as strings or null, HTML pages, JSON error
/// codes and a zero or missing <c>mbtc_mh_factor</c>.
/// </summary>
public sealed class ProhashingRestSource(HttpClient http, Uri baseUrl, string apiKey, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var fetchedAt = _time.GetUtcNow();

        var status = await GetDataAsync("status", withKey: false, cancellationToken);
        var profitability = ParseStatus(status, fetchedAt, problems);

        IReadOnlyList<PoolBalance>? balances = null;
        IReadOnlyList<PoolWorker>? workers = null;
        try
        {
            balances = ParseWallet(await GetDataAsync("wallet", withKey: true, cancellationToken), fetchedAt, problems);
            workers = ParseWalletEx(await GetDataAsync("walletEx", withKey: true, cancellationToken), fetchedAt, problems);
        }
        catch (PoolUnavailableException ex)
        {
            problems.Add(ex.Message);
        }

        return new PoolSnapshot
        {
            Provider = ProhashingProvider.ProviderName,
            Source = "rest",
            FetchedAt = fetchedAt,
            Profitability = profitability,
            Workers = workers,
            Balances = balances,
            Problems = problems,
        };
    }

    /// <summary>
    /// Converts <c>status</c> estimates, BTC per <c>mbtc_mh_factor</c> H/s per day, to BTC per MH/s per day.
    /// A factor of 0 or a missing one is rejected rather than divided by. The REST API gives no USD value.
    /// </summary>
    internal static List<AlgorithmProfitability> ParseStatus(JsonObject data, DateTimeOffset fetchedAt, List<string> problems)
    {
        var result = new List<AlgorithmProfitability>();
        foreach (var (key, node) in data)
        {
            if (node is not JsonObject entry)
            {
                continue;
            }

            var algorithm = ProhashingAlgorithms.Normalize(JsonNumbers.ReadText(entry["name"]) ?? key);
            var factor = JsonNumbers.Read(entry["mbtc_mh_factor"], $"mbtc_mh_factor of {algorithm}", problems);
            var estimate = JsonNumbers.Read(entry["estimate_current"], $"estimate_current of {algorithm}", problems);
            double? btcPerMhsDay = null;
            if (factor is not > 0)
            {
                problems.Add($"mbtc_mh_factor of {algorithm} is {(factor is null ? "missing" : factor.ToString())}; its price is unknown.");
            }
            else if (estimate is not > 0)
            {
                problems.Add($"estimate_current of {algorithm} is {(estimate is null ? "missing" : estimate.ToString())}; its price is unknown, not zero.");
            }
            else
            {
                btcPerMhsDay = estimate.Value / factor.Value * Core.Profitability.ProfitabilityUnits.PoolRateHashrateHps;
            }

            result.Add(new AlgorithmProfitability { Algorithm = algorithm, BtcPerMhsDay = btcPerMhsDay, ObservedAt = fetchedAt });
        }

        if (!result.Any(p => p.Algorithm == "scrypt"))
        {
            problems.Add("The pool's status has no scrypt entry; revenue is unknown.");
        }

        return result;
    }

    internal static List<PoolBalance> ParseWallet(JsonObject data, DateTimeOffset fetchedAt, List<string> problems)
    {
        var balances = new List<PoolBalance>();
        if (data["balances"] is not JsonObject byCoin)
        {
            problems.Add("wallet has no balances object.");
            return balances;
        }

        foreach (var (key, node) in byCoin)
        {
            var coin = JsonNumbers.ReadText(node?["abbreviation"]) ?? key;
            if (JsonNumbers.Read(node?["balance"], $"balance of {coin}", problems) is { } amount)
            {
                balances.Add(new PoolBalance(coin, amount, fetchedAt));
            }
        }

        return balances;
    }

    /// <summary>
    /// Reads <c>walletEx</c> miners. NOTE: client code shows only <c>ID</c>, <c>algo</c>, <c>coin</c>,
    /// <c>accepted</c> and <c>difficulty</c>; a worker name field is read when present, else the ID is the
    /// name, which no miner matches without an override.
    /// </summary>
    internal static List<PoolWorker> ParseWalletEx(JsonObject data, DateTimeOffset fetchedAt, List<string> problems)
    {
        var workers = new List<PoolWorker>();
        foreach (var miner in (data["miners"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = JsonNumbers.ReadText(miner["ID"]);
            var name = JsonNumbers.ReadText(miner["miner_name"]) ?? JsonNumbers.ReadText(miner["name"]) ?? id;
            if (name is null)
            {
                continue;
            }

            workers.Add(new PoolWorker
            {
                Name = name,
                ConnectionId = id,
                HashrateHps = JsonNumbers.Read(miner["accepted"], $"accepted of {name}", problems),
                ObservedAt = fetchedAt,
            });
        }

        return workers;
    }

    /// <summary>GETs one endpoint and returns its <c>data</c>; a JSON error code (an invalid key gives 400) throws.</summary>
    private async Task<JsonObject> GetDataAsync(string path, bool withKey, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl, withKey ? $"{path}?apiKey={Uri.EscapeDataString(apiKey)}" : path);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var body = await PoolHttp.SendForJsonAsync(http, request, $"Prohashing REST {path}", cancellationToken);
        var code = JsonNumbers.Read(body["code"], "code");
        if (code is not null && code != 200)
        {
            var message = JsonNumbers.ReadText(body["message"]) ?? JsonNumbers.ReadText(body["status"]) ?? "no message";
            var hint = code == 400 && withKey ? " Check Pools:Prohashing:ApiKey." : "";
            throw new PoolUnavailableException($"Prohashing REST {path} returned code {code}: {message}.{hint}");
        }

        return body["data"] as JsonObject
            ?? throw new PoolUnavailableException($"Prohashing REST {path} returned no data object.");
    }
}
