namespace FleetServerless.Core.Profitability;

/// <summary>
/// A pool worker name split into account and worker, for matching pool-side workers to miners. Stratum users
/// are <c>account.worker</c>; some pools return only the part after the first dot.
/// </summary>
public sealed record WorkerName(string? Account, string Worker)
{
    /// <summary>Parses a stratum user or pool worker name; returns null for a null or blank name.</summary>
    public static WorkerName? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == trimmed.Length - 1)
        {
            return new WorkerName(null, trimmed.Trim('.'));
        }

        return new WorkerName(trimmed[..dot], trimmed[(dot + 1)..]);
    }

    /// <summary>
    /// Returns the worker a miner's stratum user names, or null when the user has no <c>.worker</c> part: a bare
    /// account name (as on Prohashing, whose worker name travels in the password) needs the override table.
    /// </summary>
    public static WorkerName? FromStratumUser(string? user)
    {
        var parsed = Parse(user);
        return parsed?.Account is null ? null : parsed;
    }

    /// <summary>
    /// Whether two names are the same worker, ignoring case. A name without an account matches any account,
    /// because a pool may drop the prefix; two different accounts never match.
    /// </summary>
    public bool Matches(WorkerName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Worker, other.Worker, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Account is null || other.Account is null || string.Equals(Account, other.Account, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Account is null ? Worker : $"{Account}.{Worker}";
}
