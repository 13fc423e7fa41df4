using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Maintenance mutes, one partition (a deployment has a handful). Expired mutes stay listed until deleted, so
/// the API shows what was muted; evaluation reads only the active ones.
/// </summary>
public sealed class AlertMuteStore(FleetTableClients tables)
{
    public const string Partition = "mutes";

    public async Task AddAsync(AlertMute mute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mute);
        var table = await tables.GetTableAsync(AlertTableNames.Mutes, cancellationToken);
        await table.AddEntityAsync(new TableEntity(Partition, mute.Id)
        {
            ["SiteId"] = mute.SiteId,
            ["SubjectId"] = mute.SubjectId,
            ["RuleId"] = mute.RuleId,
            ["Until"] = mute.Until,
            ["Reason"] = mute.Reason,
            ["CreatedAt"] = mute.CreatedAt,
        }, cancellationToken);
    }

    /// <summary>Deletes a mute; returns false when there is none with this id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(AlertTableNames.Mutes, cancellationToken);
        // DeleteEntityAsync does not throw for a missing entity; it returns the 404 response.
        using var response = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<AlertMute>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(AlertTableNames.Mutes, cancellationToken);
        var mutes = new List<AlertMute>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            mutes.Add(new AlertMute
            {
                Id = entity.RowKey,
                SiteId = entity.GetString("SiteId"),
                SubjectId = entity.GetString("SubjectId"),
                RuleId = entity.GetString("RuleId"),
                Until = entity.GetDateTimeOffset("Until") ?? default,
                Reason = entity.GetString("Reason"),
                CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
            });
        }

        return mutes.OrderBy(m => m.Until).ToList();
    }

    public async Task<IReadOnlyList<AlertMute>> ListActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(m => m.Until > now).ToList();
}
