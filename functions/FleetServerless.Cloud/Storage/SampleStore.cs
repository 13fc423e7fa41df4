namespace FleetServerless.Cloud.Storage;

/// <summary>Reads raw samples: one partition per miner and UTC day, rows in time order.</summary>
public sealed class SampleStore(FleetTableClients tables)
{
    /// <summary>
    /// One miner's samples collected in [<paramref name="from"/>, <paramref name="to"/>), oldest first, across as
    /// many day partitions as the range spans. Raw samples are kept for the retention period only.
    /// </summary>
    public async Task<TableQueryResult<RawSampleEntity>> GetSamplesAsync(
        string siteId, string minerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrEmpty(minerId);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range end {to:O} is before its start {from:O}.");
        }

        var table = await tables.GetTableAsync(TableNames.Samples, cancellationToken);
        var items = new List<RawSampleEntity>();
        var entities = 0;
        var pages = 0;
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var dayStart = new DateTimeOffset(day, TimeSpan.Zero);
            var rowFrom = StorageKeys.Instant(from > dayStart ? from : dayStart);
            var dayEnd = dayStart.AddDays(1);
            var rowTo = StorageKeys.Instant(to < dayEnd ? to : dayEnd);
            var partition = StorageKeys.SamplePartition(siteId, minerId, dayStart);

            var result = await TableReads.ReadAllAsync<RawSampleEntity>(
                table, TableReads.PartitionRowRange(partition, rowFrom, rowTo), null, cancellationToken);
            items.AddRange(result.Items);
            entities += result.EntitiesRead;
            pages += result.PagesRead;
        }

        return new TableQueryResult<RawSampleEntity>(items, entities, pages);
    }

    /// <summary>The sample partitions that exist for a UTC day, from the day index.</summary>
    public async Task<TableQueryResult<SampleDayEntity>> GetDayIndexAsync(DateTimeOffset day, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableNames.SampleDays, cancellationToken);
        return await TableReads.ReadAllAsync<SampleDayEntity>(table, TableReads.Partition(StorageKeys.Day(day)), null, cancellationToken);
    }
}
