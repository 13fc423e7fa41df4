namespace FleetServerless.Cloud.Storage;

/// <summary>Reads relay rows and their sequence gaps.</summary>
public sealed class RelayStore(FleetTableClients tables)
{
    /// <summary>Every relay of every site; gap rows are filtered out by the service.</summary>
    public async Task<TableQueryResult<RelayEntity>> GetRelaysAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.Relays, cancellationToken);
        return await TableReads.ReadAllAsync<RelayEntity>(table, $"Kind eq '{RelayEntity.RelayKind}'", null, cancellationToken);
    }

    /// <summary>The open gaps of one relay, lowest sequence first.</summary>
    public async Task<TableQueryResult<RelayGapEntity>> GetGapsAsync(string siteId, string relayId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.Relays, cancellationToken);
        var prefix = RelayGapEntity.RowKeyPrefix(relayId);
        return await TableReads.ReadAllAsync<RelayGapEntity>(
            table, TableReads.PartitionRowRange(siteId, prefix, StorageKeys.PrefixEnd(prefix)), null, cancellationToken);
    }
}
