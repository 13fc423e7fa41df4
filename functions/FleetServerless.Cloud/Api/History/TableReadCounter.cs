namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// Counts the table entities the owner API reads, in total and per table, so tests and the benchmark can
/// check that a query used the cheap table. Thread-safe; one instance per host.
/// </summary>
public sealed class TableReadCounter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _byTable = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(string logicalTable, long entities)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalTable);
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        Interlocked.Add(ref _total, entities);
        lock (_lock)
        {
            _byTable[logicalTable] = _byTable.GetValueOrDefault(logicalTable) + entities;
        }
    }

    /// <summary>Entities read from one logical table (a <see cref="Storage.TableNames"/> value) since start or the last reset.</summary>
    public long ForTable(string logicalTable)
    {
        lock (_lock)
        {
            return _byTable.GetValueOrDefault(logicalTable);
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<string, long>(_byTable, StringComparer.Ordinal);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _byTable.Clear();
            Interlocked.Exchange(ref _total, 0);
        }
    }
}
