using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Outbox;

/// <summary>
/// The durable queue of batches between the poller and the publisher, in one SQLite file.
/// </summary>
/// <remarks>
/// <para>
/// A batch is committed (WAL journal, <c>synchronous=FULL</c>) before anything sends it, and it is deleted only
/// after the publisher confirmed it, so killing the process at any point loses no batch. A batch that was sent
/// but not yet deleted when the process died is sent again with the same id and content, which the ingest ignores.
/// </para>
/// <para>
/// The last sequence number is stored in the file, so sequences keep increasing across restarts.
/// </para>
/// <para>
/// Size bound: after each append, while the stored payloads exceed <c>MaxSizeBytes</c>, the samples of the oldest
/// batch that still has samples are removed. The batch itself stays, with its id, sequence and heartbeat, so the
/// sequence has no gap. The newest batch is never thinned. The number of samples removed is logged and carried
/// in the next batch's <see cref="RelayHeartbeat.SamplesThinned"/>.
/// </para>
/// <para>All methods are safe to call from several threads; they run one at a time on one connection.</para>
/// </remarks>
public sealed class SqliteOutbox : IAsyncDisposable, IDisposable
{
    private const string LastSequenceKey = "last_sequence";
    private const string PendingThinnedKey = "pending_samples_thinned";

    private readonly string _path;
    private readonly long _maxSizeBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SqliteConnection? _connection;
    private bool _disposed;

    public SqliteOutbox(string path, long maxSizeBytes, TimeProvider timeProvider, ILogger<SqliteOutbox> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSizeBytes, 1);
        _path = Path.GetFullPath(path);
        _maxSizeBytes = maxSizeBytes;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string FilePath => _path;

    /// <summary>
    /// Stores a new batch. <paramref name="buildBatch"/> receives the sequence, depth and thinning count, all read
    /// in the same transaction as the insert, and must use the sequence it is given.
    /// </summary>
    public async Task<OutboxEntry> AppendAsync(
        Func<OutboxAppendContext, TelemetryBatch> buildBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildBatch);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            OutboxEntry entry;
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                var sequence = await ReadStateAsync(connection, transaction, LastSequenceKey, cancellationToken) + 1;
                var thinned = await ReadStateAsync(connection, transaction, PendingThinnedKey, cancellationToken);
                var depth = (int)await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM batches", cancellationToken);

                var batch = buildBatch(new OutboxAppendContext(sequence, depth, (int)Math.Min(thinned, int.MaxValue)));
                if (batch.Sequence != sequence)
                {
                    throw new InvalidOperationException($"The batch has sequence {batch.Sequence}; the outbox assigned {sequence}.");
                }

                entry = OutboxEntry.FromBatch(batch);
                await InsertAsync(connection, transaction, entry, cancellationToken);
                await WriteStateAsync(connection, transaction, LastSequenceKey, sequence, cancellationToken);
                await WriteStateAsync(connection, transaction, PendingThinnedKey, 0, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await EnforceSizeBoundAsync(connection, entry.Sequence, cancellationToken);
            return entry;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Returns up to <paramref name="maxCount"/> waiting batches, lowest sequence first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PeekAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT sequence, batch_id, sample_count, payload FROM batches ORDER BY sequence LIMIT $max";
            command.Parameters.AddWithValue("$max", maxCount);

            var entries = new List<OutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), (byte[])reader.GetValue(3)));
            }

            return entries;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Deletes batches the publisher confirmed. Unknown sequences are ignored.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM batches WHERE sequence = $sequence";
            var parameter = command.Parameters.Add("$sequence", SqliteType.Integer);
            foreach (var sequence in sequences)
            {
                parameter.Value = sequence;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Moves a batch the cloud side rejected out of the queue into the <c>rejected</c> table, with the server's
    /// status and message, so it is neither retried forever nor lost.
    /// </summary>
    public async Task RejectAsync(long sequence, int statusCode, string message, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT OR REPLACE INTO rejected (sequence, batch_id, payload, status_code, message, rejected_at)
                    SELECT sequence, batch_id, payload, $status, $message, $at FROM batches WHERE sequence = $sequence;
                    DELETE FROM batches WHERE sequence = $sequence;
                    """;
                command.Parameters.AddWithValue("$status", statusCode);
                command.Parameters.AddWithValue("$message", message);
                command.Parameters.AddWithValue("$at", _timeProvider.GetUtcNow().ToString("O"));
                command.Parameters.AddWithValue("$sequence", sequence);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Returns the number of batches waiting to be sent.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        ScalarLockedAsync("SELECT COUNT(*) FROM batches", cancellationToken);

    /// <summary>Returns the total size in bytes of the stored payloads, the quantity the size bound applies to.</summary>
    public Task<long> SizeBytesAsync(CancellationToken cancellationToken) =>
        ScalarLockedAsync("SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM batches", cancellationToken);

    /// <summary>Returns the highest sequence ever assigned, 0 before the first batch.</summary>
    public Task<long> LastSequenceAsync(CancellationToken cancellationToken) =>
        ScalarLockedAsync($"SELECT COALESCE((SELECT value FROM state WHERE key = '{LastSequenceKey}'), 0)", cancellationToken);

    /// <summary>Returns the batches the cloud side rejected, lowest sequence first.</summary>
    public async Task<IReadOnlyList<RejectedBatch>> GetRejectedAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT sequence, batch_id, status_code, message, rejected_at FROM rejected ORDER BY sequence";
            var rejected = new List<RejectedBatch>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rejected.Add(new RejectedBatch(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return rejected;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the file. Every committed batch is already durable; nothing is flushed here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _lock.WaitAsync();
        try
        {
            CloseConnection();
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _lock.Wait();
        try
        {
            CloseConnection();
        }
        finally
        {
            _lock.Release();
        }
    }

    private void CloseConnection()
    {
        _connection?.Dispose();
        _connection = null;
        _disposed = true;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
        {
            return _connection;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA busy_timeout = 5000;
                CREATE TABLE IF NOT EXISTS batches (
                    sequence INTEGER PRIMARY KEY,
                    batch_id TEXT NOT NULL UNIQUE,
                    sample_count INTEGER NOT NULL,
                    payload BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS rejected (
                    sequence INTEGER PRIMARY KEY,
                    batch_id TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    status_code INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    rejected_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS state (
                    key TEXT PRIMARY KEY,
                    value INTEGER NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _connection = connection;
        return connection;
    }

    private async Task EnforceSizeBoundAsync(SqliteConnection connection, long newestSequence, CancellationToken cancellationToken)
    {
        var size = await ScalarAsync(connection, null, "SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM batches", cancellationToken);
        if (size <= _maxSizeBytes)
        {
            return;
        }

        var removedSamples = 0L;
        var thinnedBatches = 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        while (size > _maxSizeBytes)
        {
            var oldest = await ReadOldestWithSamplesAsync(connection, transaction, newestSequence, cancellationToken);
            if (oldest is null)
            {
                break;
            }

            var emptied = OutboxEntry.FromBatch(oldest.ReadBatch() with { Samples = [] });
            await UpdatePayloadAsync(connection, transaction, emptied, cancellationToken);
            size -= oldest.GzipJson.Length - emptied.GzipJson.Length;
            removedSamples += oldest.SampleCount;
            thinnedBatches++;
        }

        var pending = await ReadStateAsync(connection, transaction, PendingThinnedKey, cancellationToken);
        await WriteStateAsync(connection, transaction, PendingThinnedKey, pending + removedSamples, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (removedSamples > 0)
        {
            RelayLog.OutboxThinned(_logger, removedSamples, thinnedBatches, _maxSizeBytes, size);
        }

        if (size > _maxSizeBytes)
        {
            RelayLog.OutboxOverBound(_logger, size, _maxSizeBytes, newestSequence);
        }
    }

    private static async Task<OutboxEntry?> ReadOldestWithSamplesAsync(
        SqliteConnection connection, SqliteTransaction transaction, long newestSequence, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT sequence, batch_id, sample_count, payload FROM batches
            WHERE sample_count > 0 AND sequence < $newest ORDER BY sequence LIMIT 1
            """;
        command.Parameters.AddWithValue("$newest", newestSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), (byte[])reader.GetValue(3))
            : null;
    }

    private static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, OutboxEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO batches (sequence, batch_id, sample_count, payload) VALUES ($sequence, $id, $count, $payload)
            """;
        command.Parameters.AddWithValue("$sequence", entry.Sequence);
        command.Parameters.AddWithValue("$id", entry.BatchId);
        command.Parameters.AddWithValue("$count", entry.SampleCount);
        command.Parameters.AddWithValue("$payload", entry.GzipJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpdatePayloadAsync(
        SqliteConnection connection, SqliteTransaction transaction, OutboxEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE batches SET sample_count = $count, payload = $payload WHERE sequence = $sequence";
        command.Parameters.AddWithValue("$sequence", entry.Sequence);
        command.Parameters.AddWithValue("$count", entry.SampleCount);
        command.Parameters.AddWithValue("$payload", entry.GzipJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ReadStateAsync(
        SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    private static async Task WriteStateAsync(
        SqliteConnection connection, SqliteTransaction transaction, string key, long value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO state (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = $value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long> ScalarLockedAsync(string sql, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await ScalarAsync(await OpenAsync(cancellationToken), null, sql, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }
}
