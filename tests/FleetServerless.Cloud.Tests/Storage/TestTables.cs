using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Testing;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Tests.Storage;

/// <summary>Table clients over Azurite with a table prefix of their own, so parallel tests never share rows.</summary>
internal sealed class TestTables
{
    private TestTables(string connectionString, string prefix)
    {
        ConnectionString = connectionString;
        Prefix = prefix;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix });
        Clients = new FleetTableClients(Options);
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public IOptions<StorageOptions> Options { get; }

    public FleetTableClients Clients { get; }

    /// <summary>Settings for a DevHost or a service collection that uses these tables.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Storage:ConnectionString", ConnectionString),
        new("Storage:TablePrefix", Prefix),
    ];

    public static async Task<TestTables> CreateAsync(string name = "t")
    {
        var connectionString = await TestStorage.RequireConnectionStringAsync();
        return new TestTables(connectionString, TestStorage.UniqueName(name));
    }

    /// <summary>Every row of a table as sorted text, Timestamp and ETag left out, for whole-table comparisons.</summary>
    public async Task<IReadOnlyList<string>> DumpAsync(string logicalName)
    {
        var table = await Clients.GetTableAsync(logicalName);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            var values = entity.Keys
                .Where(k => k is not ("Timestamp" or "odata.etag"))
                .OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => $"{k}={Format(entity[k])}");
            rows.Add(string.Join(";", values));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Format(object? value) => value switch
    {
        DateTimeOffset time => time.UtcDateTime.ToString("O"),
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
