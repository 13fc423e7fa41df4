using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.ViaBtc;

/// <summary>
/// The ViaBTC pool's read-only API: balances from <c>account</c> and paged workers from <c>hashrate/worker</c>,
/// with hashrates as decimal strings in H/s. ViaBTC gives no per-MH/s profitability, so revenue comes from
/// the network estimate.
/// </summary>
public sealed class ViaBtcProvider(HttpClient http, ViaBtcOptions options, TimeProvider? time = null) : IPoolProvider
{
    public const string ProviderName = "viabtc";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => ProviderName;

    public async Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var fetchedAt = _time.GetUtcNow();
        var problems = new List<string>();
        var workers = await GetWorkersAsync(fetchedAt, problems, cancellationToken);
        var account = await GetDataAsync("account", cancellationToken);
        var balances = new List<PoolBalance>();
        foreach (var entry in (account["balance"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var coin = JsonNumbers.ReadText(entry["coin"]);
            if (coin is not null && JsonNumbers.Read(entry["amount"], $"balance of {coin}", problems) is { } amount)
            {
                balances.Add(new PoolBalance(coin, amount, fetchedAt));
            }
        }

        return new PoolSnapshot
        {
            Provider = ProviderName,
            Source = "openapi",
            FetchedAt = fetchedAt,
            Workers = workers,
            Balances = balances,
            Problems = problems,
        };
    }

    /// <summary>
    /// Reads every page of workers. NOTE: the page fields (<c>has_next</c>, <c>total_page</c>) are assumed from
    /// ViaBTC's other paged calls; without them, a page shorter than the page size ends the list.
    /// </summary>
    private async Task<List<PoolWorker>> GetWorkersAsync(DateTimeOffset fetchedAt, List<string> problems, CancellationToken cancellationToken)
    {
        var workers = new List<PoolWorker>();
        for (var page = 1; page <= options.MaxPages; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"hashrate/worker?coin={Uri.EscapeDataString(options.Coin)}&page={page}&limit={options.PageSize}");
            var data = await GetDataAsync(path, cancellationToken);
            var rows = (data["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var row in rows)
            {
                var name = JsonNumbers.ReadText(row["worker_name"]);
                if (string.IsNullOrWhiteSpace(name))
                {
                    problems.Add("A ViaBTC worker without worker_name was left out.");
                    continue;
                }

                workers.Add(new PoolWorker
                {
                    Name = name,
                    HashrateHps = JsonNumbers.Read(row["hashrate_10min"], $"hashrate_10min of {name}", problems),
                    HashrateAverageHps = JsonNumbers.Read(row["hashrate_1hour"], $"hashrate_1hour of {name}", problems),
                    Hashrate24HourHps = JsonNumbers.Read(row["hashrate_24hour"], $"hashrate_24hour of {name}", problems),
                    Active = JsonNumbers.ReadText(row["worker_status"]) switch
                    {
                        "active" => true,
                        "unactive" => false,
                        _ => null,
                    },
                    ObservedAt = fetchedAt,
                });
            }

            if (!HasNextPage(data, page, rows.Count))
            {
                return workers;
            }
        }

        problems.Add($"ViaBTC still reported more workers after {options.MaxPages} pages; the rest were not read (raise Pools:ViaBtc:MaxPages).");
        return workers;
    }

    private bool HasNextPage(JsonObject data, int page, int rowCount)
    {
        if (data["has_next"] is JsonValue hasNext && hasNext.TryGetValue<bool>(out var next))
        {
            return next;
        }

        if (JsonNumbers.Read(data["total_page"], "total_page") is { } totalPages)
        {
            return page < totalPages;
        }

        return rowCount >= options.PageSize;
    }

    /// <summary>GETs one call and returns its <c>data</c>; any code but 0 throws with a message that states what to do.</summary>
    private async Task<JsonObject> GetDataAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.BaseUrl!, pathAndQuery));
        request.Headers.Add("X-API-KEY", options.ApiKey);
        var body = await PoolHttp.SendForJsonAsync(http, request, "ViaBTC", cancellationToken);
        var code = JsonNumbers.Read(body["code"], "code");
        if (code is null)
        {
            throw new PoolUnavailableException("ViaBTC returned a response without the code/data/message envelope.");
        }

        if (code != 0)
        {
            var poolMessage = JsonNumbers.ReadText(body["message"]) ?? "no message";
            throw new ViaBtcApiException((int)code.Value, DescribeError((int)code.Value, poolMessage));
        }

        return body["data"] as JsonObject ?? throw new PoolUnavailableException($"ViaBTC {pathAndQuery} returned no data object.");
    }

    internal static string DescribeError(int code, string poolMessage) => code switch
    {
        12001 => $"ViaBTC rejected the API key (code 12001, '{poolMessage}'). Check Pools:ViaBtc:ApiKey, or create a new read-only key.",
        12002 => $"ViaBTC rejected the request signature (code 12002, '{poolMessage}'). Read-only calls need no signature: use a read-only key.",
        12003 => $"ViaBTC rejected the request time (code 12003, '{poolMessage}'). Check the host clock.",
        12004 => $"ViaBTC refused this IP address (code 12004, '{poolMessage}'): it is not on the API key's IP allow-list. Add the cloud side's outbound address to the key, or remove the restriction.",
        _ => $"ViaBTC returned error code {code}: '{poolMessage}'.",
    };
}
