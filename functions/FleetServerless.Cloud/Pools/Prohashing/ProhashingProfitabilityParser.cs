using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>Reads the WAMP profitability object, keyed by algorithm id, into per-algorithm values.</summary>
public static class ProhashingProfitabilityParser
{
    /// <summary>
    /// Parses every algorithm of <paramref name="byAlgorithmId"/>. A price that is missing, null, not a number
    /// or not positive becomes null with a problem, never zero revenue. Adds a problem when scrypt is missing.
    /// <c>max_usd</c> and <c>percentile_usd</c> are ignored: samples show them both above and below <c>usd</c>.
    /// </summary>
    public static List<AlgorithmProfitability> Parse(JsonObject byAlgorithmId, DateTimeOffset fetchedAt, ICollection<string> problems)
    {
        var result = new List<AlgorithmProfitability>();
        foreach (var (id, node) in byAlgorithmId)
        {
            if (node is not JsonObject entry)
            {
                problems.Add($"Profitability entry {id} is not an object.");
                continue;
            }

            var name = JsonNumbers.ReadText(entry["algorithm_name"]);
            var algorithm = name is null ? $"algorithm-{id}" : ProhashingAlgorithms.Normalize(name);
            var usd = Price(entry["usd"], $"usd of {algorithm}", problems);
            var btc = Price(entry["btc"], $"btc of {algorithm}", problems);
            var timestamp = JsonNumbers.Read(entry["data_timestamp"], $"data_timestamp of {algorithm}", problems);
            if (timestamp is null)
            {
                problems.Add($"data_timestamp of {algorithm} is missing; the fetch time is used as its age.");
            }

            result.Add(new AlgorithmProfitability
            {
                Algorithm = algorithm,
                UsdPerMhsDay = usd,
                BtcPerMhsDay = btc,
                ObservedAt = timestamp is null ? fetchedAt : DateTimeOffset.FromUnixTimeMilliseconds((long)(timestamp.Value * 1000)),
            });
        }

        if (!result.Any(p => p.Algorithm == "scrypt"))
        {
            problems.Add("The pool returned no scrypt profitability; revenue is unknown.");
        }

        return result;
    }

    /// <summary>Merges a field-by-field diff into the last full object, so fields the diff leaves out keep their value.</summary>
    public static void Merge(JsonObject target, JsonObject diffByAlgorithmId)
    {
        foreach (var (id, node) in diffByAlgorithmId)
        {
            if (node is not JsonObject diff)
            {
                continue;
            }

            if (target[id] is not JsonObject existing)
            {
                target[id] = diff.DeepClone();
                continue;
            }

            foreach (var (field, value) in diff)
            {
                existing[field] = value?.DeepClone();
            }
        }
    }

    private static double? Price(JsonNode? node, string description, ICollection<string> problems)
    {
        var value = JsonNumbers.Read(node, description, problems);
        if (value is null)
        {
            problems.Add($"{description} is missing or null; revenue from it is unknown.");
            return null;
        }

        if (value <= 0)
        {
            problems.Add($"{description} is {value}; a price of zero or less is treated as unknown, not as zero revenue.");
            return null;
        }

        return value;
    }
}
