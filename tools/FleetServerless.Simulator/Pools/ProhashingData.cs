using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetServerless.Simulator.Pools;

/// <summary>Prohashing-shaped JSON for the simulated fleet, shared by the WAMP router, the REST imitation and the proxy.</summary>
internal sealed class ProhashingData(PoolSimulatorSettings settings, TimeProvider time)
{
    private readonly Lock _balanceLock = new();
    private readonly Dictionary<string, double> _balances = new(StringComparer.Ordinal) { ["litecoin"] = 0.25, ["dogecoin"] = 1500 };

    /// <summary>The profitability object of <c>f_all_profitability_updates</c>, keyed by algorithm id.</summary>
    public JsonObject Profitability(SimulatedFault fault)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var usd = fault == SimulatedFault.ZeroPrice ? 0 : settings.ScryptUsdPerMhsDay;
        var btc = fault == SimulatedFault.ZeroPrice ? 0 : settings.ScryptBtcPerMhsDay;
        var result = new JsonObject();
        if (fault != SimulatedFault.MissingAlgorithm)
        {
            result["1"] = AlgorithmEntry("Scrypt", usd, btc, now, fault);
        }

        result["2"] = AlgorithmEntry("SHA-256", 1.33e-7, 3.6e-11, now, fault);
        return result;
    }

    /// <summary>The miner-connection objects of <c>f_all_miner_updates</c>: one per connection, uuids stable per worker.</summary>
    public JsonArray Miners(SimulatedFault fault)
    {
        var miners = new JsonArray();
        if (fault == SimulatedFault.Empty)
        {
            return miners;
        }

        foreach (var worker in settings.Workers)
        {
            for (var connection = 0; connection < worker.Connections; connection++)
            {
                var share = worker.HashrateHps / worker.Connections;
                miners.Add(new JsonObject
                {
                    ["uuid"] = Uuid(worker.Name, connection),
                    ["miner_name"] = worker.Name,
                    ["coin_name"] = "litecoin",
                    ["algorithm_name"] = "Scrypt",
                    ["hashrate"] = Number(share, fault),
                    ["adjusted_hashrate"] = Number(share, fault),
                    ["difficulty"] = 65536,
                    ["actual_difficulty"] = 65536,
                    ["difficulty_is_static"] = false,
                    ["share_count"] = 1200,
                });
            }
        }

        return miners;
    }

    /// <summary>The object of <c>f_all_balance_updates</c>: coin name to balance.</summary>
    public JsonObject Balances()
    {
        lock (_balanceLock)
        {
            var result = new JsonObject();
            foreach (var (coin, amount) in _balances)
            {
                result[coin] = amount;
            }

            return result;
        }
    }

    /// <summary>Adds an increment to a balance, as a credited share would.</summary>
    public void AddToBalance(string coin, double increment)
    {
        lock (_balanceLock)
        {
            _balances[coin] = _balances.GetValueOrDefault(coin) + increment;
        }
    }

    /// <summary>The connection id the router gives a worker's n-th connection.</summary>
    public static string Uuid(string workerName, int connection) =>
        $"{Math.Abs(StableHash(workerName)):x8}-0000-4000-8000-{connection:x12}";

    private static JsonObject AlgorithmEntry(string name, double usd, double btc, double now, SimulatedFault fault) => new()
    {
        ["algorithm_name"] = name,
        ["usd"] = Number(usd, fault),
        ["btc"] = Number(btc, fault),
        ["max_usd"] = Number(usd * 0.9, fault),
        ["max_btc"] = Number(btc * 0.9, fault),
        ["percentile_usd"] = Number(usd * 1.05, fault),
        ["percentile_btc"] = Number(btc * 1.05, fault),
        ["data_timestamp"] = now - 3,
        ["server_timestamp"] = now,
        ["server_id"] = 4,
    };

    /// <summary>A number as the fault dictates: a JSON number, a string or null.</summary>
    public static JsonNode? Number(double value, SimulatedFault fault) => fault switch
    {
        SimulatedFault.NumbersAsStrings => JsonValue.Create(value.ToString("R", CultureInfo.InvariantCulture)),
        SimulatedFault.NullNumbers => null,
        _ => JsonValue.Create(value),
    };

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash == int.MinValue ? 0 : hash;
    }
}
