using System.Text.Json.Nodes;
using FleetServerless.Cloud.Pools;

namespace FleetServerless.Cloud.Profitability.Network;

internal static class NetworkValues
{
    /// <summary>Reads a number that must be positive; zero, negative or unreadable gives null and a problem.</summary>
    public static double? Positive(JsonNode? node, string description, List<string> problems)
    {
        var value = JsonNumbers.Read(node, description, problems);
        if (value is null)
        {
            problems.Add($"{description} is missing.");
            return null;
        }

        if (value <= 0)
        {
            problems.Add($"{description} is {value}, which cannot be right; it is ignored.");
            return null;
        }

        return value;
    }
}
