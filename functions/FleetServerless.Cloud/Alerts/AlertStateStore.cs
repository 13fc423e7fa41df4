using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// The alert state table: one partition per site holding its alert states, miner windows and relay presence, so
/// one query loads everything an evaluation of the site needs, and one transaction usually stores it.
/// </summary>
/// <remarks>
/// Saves are conditional on the ETags read by the load: a row another evaluation changed meanwhile fails the
/// save with <see cref="AlertStateConflictException"/>. Each transaction of at most 100 rows is atomic. A site
/// with more changed rows is saved in several, so a conflict in a later one leaves the earlier ones stored.
/// </remarks>
public sealed class AlertStateStore(FleetTableClients tables)
{
    /// <summary>The partition of the site index: one row per site that has alert rows.</summary>
    public const string SitesPartition = "!sites";

    public async Task<StoredSiteAlerts> LoadAsync(string siteId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        var table = await tables.GetTableAsync(AlertTableNames.State, cancellationToken);
        var states = new List<KeyValuePair<AlertKey, AlertState>>();
        var miners = new List<MinerAlertWindow>();
        var relays = new List<RelayAlertPresence>();
        var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {siteId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            etags[entity.RowKey] = entity.ETag;
            if (AlertEntityMapper.ParseStateRowKey(entity.RowKey) is { } key)
            {
                states.Add(new(new AlertKey(siteId, key.RuleId, key.SubjectId), AlertEntityMapper.ToState(entity)));
            }
            else if (entity.RowKey.StartsWith(AlertEntityMapper.MinerPrefix, StringComparison.Ordinal))
            {
                miners.Add(AlertEntityMapper.ToWindow(entity));
            }
            else if (entity.RowKey.StartsWith(AlertEntityMapper.RelayPrefix, StringComparison.Ordinal))
            {
                relays.Add(AlertEntityMapper.ToRelay(entity));
            }
        }

        return new StoredSiteAlerts(new SiteAlertSnapshot(siteId, states, miners, relays), etags);
    }

    /// <summary>Stores what an evaluation changed. Throws <see cref="AlertStateConflictException"/> on a concurrent change.</summary>
    public async Task SaveAsync(StoredSiteAlerts stored, SiteEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(evaluation);
        var siteId = stored.Snapshot.SiteId;
        var actions = new List<TableTransactionAction>();
        foreach (var (key, state) in evaluation.StatesToWrite)
        {
            actions.Add(Write(stored, AlertEntityMapper.ToEntity(key, state)));
        }

        foreach (var key in evaluation.StatesToDelete)
        {
            var rowKey = AlertEntityMapper.StateRowKey(key);
            if (stored.ETags.TryGetValue(rowKey, out var etag))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(siteId, rowKey), etag));
            }
        }

        actions.AddRange(evaluation.MinersToWrite.Select(m => Write(stored, AlertEntityMapper.ToEntity(siteId, m))));
        actions.AddRange(evaluation.RelaysToWrite.Select(r => Write(stored, AlertEntityMapper.ToEntity(siteId, r))));
        if (actions.Count == 0)
        {
            return;
        }

        var table = await tables.GetTableAsync(AlertTableNames.State, cancellationToken);
        try
        {
            await TableWrites.SubmitAsync(table, actions, useTransactions: true, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new AlertStateConflictException(siteId, ex);
        }

        if (stored.ETags.Count == 0)
        {
            await table.UpsertEntityAsync(new TableEntity(SitesPartition, siteId), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>
    /// Records that a relay's batch arrived without evaluating it: its receive time and highest sequence, so the
    /// relay counts as reporting and the next evaluated batch measures sequence gaps from here.
    /// </summary>
    public async Task RecordRelayBatchAsync(
        string siteId, string relayId, long sequence, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(AlertTableNames.State, cancellationToken);
        var rowKey = AlertEntityMapper.RelayPrefix + relayId;
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(siteId, rowKey, cancellationToken: cancellationToken);
        var relay = existing.HasValue ? AlertEntityMapper.ToRelay(existing.Value!) : new RelayAlertPresence { RelayId = relayId };
        var updated = relay with
        {
            LastBatchReceivedAt = relay.LastBatchReceivedAt > receivedAt ? relay.LastBatchReceivedAt : receivedAt,
            LastSequence = Math.Max(relay.LastSequence ?? 0, sequence),
        };
        var entity = AlertEntityMapper.ToEntity(siteId, updated);
        try
        {
            if (existing.HasValue)
            {
                await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellationToken);
                await table.UpsertEntityAsync(new TableEntity(SitesPartition, siteId), TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new AlertStateConflictException(siteId, ex);
        }
    }

    /// <summary>Returns every site that has alert rows, for the watchdog.</summary>
    public async Task<IReadOnlyList<string>> ListSitesAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(AlertTableNames.State, cancellationToken);
        var sites = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SitesPartition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            sites.Add(entity.RowKey);
        }

        return sites;
    }

    private static TableTransactionAction Write(StoredSiteAlerts stored, TableEntity entity) =>
        stored.ETags.TryGetValue(entity.RowKey, out var etag)
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
}
