using System.Text.Json.Nodes;
using FleetServerless.Cloud.Pools.Wamp;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>
/// Prohashing over WAMP: one long-lived session that subscribes to profitability, miner diffs and balance
/// increments, and full reads by CALL on every fetch. Between fetches the subscriptions keep the merged state:
/// miner diffs merge into the last full object by <c>uuid</c>, and balance events are increments added to it.
/// </summary>
public sealed class ProhashingWampSource : IAsyncDisposable
{
    private readonly WampClient _client;
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _stateLock = new();
    private readonly SemaphoreSlim _subscribeLock = new(1, 1);
    private JsonObject? _profitability;
    private DateTimeOffset _profitabilityFetchedAt;
    private readonly Dictionary<string, JsonObject> _minersByUuid = new(StringComparer.Ordinal);
    private DateTimeOffset? _minersUpdatedAt;
    private readonly Dictionary<string, double> _balances = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _balancesUpdatedAt;
    private bool _subscribed;
    private int _eventsReceived;

    public ProhashingWampSource(WampClient client, string apiKey, ILogger<ProhashingWampSource> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _client = client;
        _apiKey = apiKey;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Events merged since start; tests wait on it.</summary>
    public int EventsReceived => Volatile.Read(ref _eventsReceived);

    public WampClient Client => _client;

    /// <summary>
    /// Reads profitability, miners and balances by CALL and returns the merged state. A call that fails or
    /// times out keeps the state from earlier calls and events, with a problem; when all three fail and no
    /// state exists, throws <see cref="PoolUnavailableException"/>.
    /// </summary>
    public async Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        try
        {
            await EnsureSubscribedAsync(cancellationToken);
        }
        catch (WampException ex)
        {
            throw new PoolUnavailableException($"Prohashing WAMP is unreachable: {ex.Message}", ex);
        }

        var failures = 0;
        failures += await TryCallAsync("f_all_profitability_updates", null, StoreProfitability, problems, cancellationToken);
        failures += await TryCallAsync("f_all_miner_updates", [_apiKey], StoreMiners, problems, cancellationToken);
        failures += await TryCallAsync("f_all_balance_updates", [_apiKey], StoreBalances, problems, cancellationToken);

        var snapshot = CurrentSnapshot(problems);
        if (failures == 3 && snapshot.Profitability is null)
        {
            throw new PoolUnavailableException($"Prohashing WAMP returned nothing: {string.Join(" ", problems)}");
        }

        return snapshot;
    }

    /// <summary>Returns the merged state without calling the pool.</summary>
    public PoolSnapshot CurrentSnapshot(IReadOnlyList<string>? problems = null)
    {
        var now = _time.GetUtcNow();
        var allProblems = problems?.ToList() ?? [];
        lock (_stateLock)
        {
            var profitability = _profitability is null
                ? null
                : ProhashingProfitabilityParser.Parse((JsonObject)_profitability.DeepClone(), _profitabilityFetchedAt, allProblems);
            var workers = _minersUpdatedAt is null
                ? null
                : _minersByUuid.Values.Select(m => ToWorker(m, _minersUpdatedAt.Value, allProblems)).OfType<PoolWorker>().ToList();
            var balances = _balancesUpdatedAt is null
                ? null
                : _balances.Select(b => new PoolBalance(b.Key, b.Value, _balancesUpdatedAt.Value)).ToList();
            return new PoolSnapshot
            {
                Provider = ProhashingProvider.ProviderName,
                Source = "wamp",
                FetchedAt = now,
                Profitability = profitability,
                Workers = workers,
                Balances = balances,
                Problems = allProblems,
            };
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        await _subscribeLock.WaitAsync(cancellationToken);
        try
        {
            if (_subscribed)
            {
                return;
            }

            // The client subscribes again by itself after every reconnect.
            await _client.SubscribeAsync("profitability_updates", OnProfitability, cancellationToken);
            await _client.SubscribeAsync($"miner_update_diffs_{_apiKey}", OnMinerDiff, cancellationToken);
            await _client.SubscribeAsync($"balance_updates_{_apiKey}", OnBalanceIncrement, cancellationToken);
            _subscribed = true;
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    private async Task<int> TryCallAsync(
        string procedure, JsonArray? arguments, Action<JsonNode?> store, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.CallAsync(procedure, arguments, cancellationToken);
            store(result.Arguments is { Count: > 0 } args ? args[0] : null);
            return 0;
        }
        catch (WampException ex)
        {
            ProhashingLog.CallFailed(_logger, procedure, ex.Message);
            problems.Add($"{procedure} failed: {ex.Message}");
            return 1;
        }
    }

    private void StoreProfitability(JsonNode? node)
    {
        if (node is not JsonObject profitability)
        {
            throw new WampException($"f_all_profitability_updates returned {node?.GetValueKind().ToString() ?? "nothing"}, not an object.");
        }

        lock (_stateLock)
        {
            _profitability = (JsonObject)profitability.DeepClone();
            _profitabilityFetchedAt = _time.GetUtcNow();
        }
    }

    private void StoreMiners(JsonNode? node)
    {
        if (node is not JsonArray miners)
        {
            throw new WampException($"f_all_miner_updates returned {node?.GetValueKind().ToString() ?? "nothing"}, not an array.");
        }

        lock (_stateLock)
        {
            _minersByUuid.Clear();
            foreach (var miner in miners.OfType<JsonObject>())
            {
                if (JsonNumbers.ReadText(miner["uuid"]) is { } uuid)
                {
                    _minersByUuid[uuid] = (JsonObject)miner.DeepClone();
                }
            }

            _minersUpdatedAt = _time.GetUtcNow();
        }
    }

    private void StoreBalances(JsonNode? node)
    {
        if (node is not JsonObject balances)
        {
            throw new WampException($"f_all_balance_updates returned {node?.GetValueKind().ToString() ?? "nothing"}, not an object.");
        }

        lock (_stateLock)
        {
            _balances.Clear();
            foreach (var (coin, value) in balances)
            {
                if (JsonNumbers.Read(value, $"balance of {coin}") is { } amount)
                {
                    _balances[coin] = amount;
                }
            }

            _balancesUpdatedAt = _time.GetUtcNow();
        }
    }

    private void OnProfitability(WampEvent wampEvent)
    {
        lock (_stateLock)
        {
            _profitability ??= new JsonObject();
            foreach (var diff in Payloads(wampEvent).OfType<JsonObject>())
            {
                ProhashingProfitabilityParser.Merge(_profitability, diff);
            }

            _profitabilityFetchedAt = _time.GetUtcNow();
        }

        Interlocked.Increment(ref _eventsReceived);
    }

    /// <summary>Merges partial miner objects: each carries a <c>uuid</c>, or the payload is an object keyed by uuid.</summary>
    private void OnMinerDiff(WampEvent wampEvent)
    {
        lock (_stateLock)
        {
            foreach (var payload in Payloads(wampEvent).OfType<JsonObject>())
            {
                if (JsonNumbers.ReadText(payload["uuid"]) is { } uuid)
                {
                    MergeMiner(uuid, payload);
                    continue;
                }

                foreach (var (key, value) in payload)
                {
                    if (value is JsonObject partial)
                    {
                        MergeMiner(key, partial);
                    }
                }
            }

            _minersUpdatedAt = _time.GetUtcNow();
        }

        Interlocked.Increment(ref _eventsReceived);
    }

    private void MergeMiner(string uuid, JsonObject partial)
    {
        if (!_minersByUuid.TryGetValue(uuid, out var existing))
        {
            _minersByUuid[uuid] = (JsonObject)partial.DeepClone();
            return;
        }

        foreach (var (field, value) in partial)
        {
            existing[field] = value?.DeepClone();
        }
    }

    private void OnBalanceIncrement(WampEvent wampEvent)
    {
        foreach (var payload in Payloads(wampEvent).OfType<JsonObject>())
        {
            var coin = JsonNumbers.ReadText(payload["coin"]);
            var increment = JsonNumbers.Read(payload["balance"], "balance increment");
            if (coin is null || increment is null)
            {
                ProhashingLog.EventInvalid(_logger, "balance_updates", JsonNumbers.Shorten(payload.ToJsonString()));
                continue;
            }

            lock (_stateLock)
            {
                _balances[coin] = _balances.GetValueOrDefault(coin) + increment.Value;
                _balancesUpdatedAt = _time.GetUtcNow();
            }
        }

        Interlocked.Increment(ref _eventsReceived);
    }

    private static IEnumerable<JsonNode?> Payloads(WampEvent wampEvent)
    {
        if (wampEvent.Arguments is not null)
        {
            foreach (var argument in wampEvent.Arguments)
            {
                yield return argument;
            }
        }

        if (wampEvent.KeywordArguments is { Count: > 0 } keywords)
        {
            yield return keywords;
        }
    }

    private static PoolWorker? ToWorker(JsonObject miner, DateTimeOffset observedAt, List<string> problems)
    {
        var name = JsonNumbers.ReadText(miner["miner_name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"Miner connection {JsonNumbers.ReadText(miner["uuid"])} has no miner_name and was left out.");
            return null;
        }

        return new PoolWorker
        {
            Name = name,
            ConnectionId = JsonNumbers.ReadText(miner["uuid"]),
            HashrateHps = JsonNumbers.Read(miner["adjusted_hashrate"], $"adjusted_hashrate of {name}", problems),
            HashrateAverageHps = JsonNumbers.Read(miner["hashrate"], $"hashrate of {name}", problems),
            ObservedAt = observedAt,
        };
    }
}
