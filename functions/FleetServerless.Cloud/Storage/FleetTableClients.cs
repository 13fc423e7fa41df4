using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// Creates the table and queue clients of the cloud side, each table created on first use. Every area gets its
/// tables here, so the prefix and the connection setting apply to all of them.
/// </summary>
public sealed class FleetTableClients
{
    private readonly TableServiceClient _tableService;
    private readonly StorageOptions _storage;
    private readonly TokenCredential? _credential;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public FleetTableClients(IOptions<StorageOptions> options)
    {
        _storage = options.Value;
        _prefix = _storage.TablePrefix;
        if (!string.IsNullOrWhiteSpace(_storage.ConnectionString))
        {
            _tableService = new TableServiceClient(_storage.ConnectionString);
        }
        else
        {
            _credential = new DefaultAzureCredential();
            _tableService = new TableServiceClient(_storage.TableServiceUri!, _credential);
        }
    }

    /// <summary>The stored name of a logical table: the prefix followed by the logical name.</summary>
    public string TableName(string logicalName) => _prefix + logicalName;

    /// <summary>Returns the client of a table, creating the table the first time this process asks for it.</summary>
    public Task<TableClient> GetTableAsync(string logicalName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalName);
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed creation (storage down at start) is retried on the next call instead of being cached.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(logicalName, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Returns a client of a queue, which is not created here. Messages are Base64 by default, as
    /// <c>host.json</c> tells the Functions queue trigger to expect; producers and the trigger must agree.
    /// </summary>
    public QueueClient GetQueue(string queueName, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        var queueOptions = new QueueClientOptions { MessageEncoding = encoding };
        if (!string.IsNullOrWhiteSpace(_storage.ConnectionString))
        {
            return new QueueClient(_storage.ConnectionString, queueName, queueOptions);
        }

        if (_storage.QueueServiceUri is null)
        {
            throw new InvalidOperationException(
                "Storage:QueueServiceUri is missing; queues need it, or Storage:ConnectionString, to be set.");
        }

        var queueUri = new Uri(_storage.QueueServiceUri.ToString().TrimEnd('/') + "/" + queueName);
        return new QueueClient(queueUri, _credential!, queueOptions);
    }

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var client = _tableService.GetTableClient(TableName(logicalName));
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
