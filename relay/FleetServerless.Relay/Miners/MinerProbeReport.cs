using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Miners;

/// <summary>The findings of one probe: the sample and every problem an operator should see, in words.</summary>
public static class MinerProbeReport
{
    /// <summary>
    /// Lists the problems of a sample: the read error, the fields that could not be read, a miner in failure and each
    /// failed board with its description, lost fans, and a missing hashrate unit.
    /// </summary>
    public static IReadOnlyList<string> Problems(MinerSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var problems = new List<string>();
        if (sample.Error is { } error)
        {
            problems.Add(sample.Answered ? $"partly read: {error}" : $"not read: {error}");
        }

        if (string.Equals(sample.State, MinerStates.Failure, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"miner in failure: {sample.StateDescription ?? "no description"}");
        }

        foreach (var board in sample.Boards ?? [])
        {
            if (board.State is "failure" or "disconnected")
            {
                problems.Add($"board {board.Id} {board.State}: {board.Description ?? "no description"}");
            }
        }

        foreach (var fan in sample.Fans ?? [])
        {
            if (string.Equals(fan.Status, "lost", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"fan {fan.Id} lost");
            }
        }

        foreach (var field in sample.Problems ?? [])
        {
            if (field != sample.Error)
            {
                problems.Add(field);
            }
        }

        return problems;
    }
}
