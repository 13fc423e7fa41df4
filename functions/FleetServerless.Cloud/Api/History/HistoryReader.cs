using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// Reads history from the cheapest table that serves the interval, one bounded page at a time.
/// </summary>
/// <remarks>
/// Tables by interval. Miner: raw and 5 minutes from raw samples (no 5-minute miner rollup exists), hour from
/// hourly rollups, day from daily rollups. Fleet: 5 minutes, hour and day from the 5-minute fleet rollups
/// (there is no coarser fleet table); raw is rejected. A page holds at most
/// <see cref="OwnerApiOptions.MaxPointsPerPage"/> points and reads partitions in time order, stopping as soon
/// as the page is full, so a long raw range costs one page of reads per request.
/// </remarks>
public sealed class HistoryReader(FleetTableClients tables, TableReadCounter counter, IOptions<OwnerApiOptions> options)
{
    public static HistorySource MinerSource(HistoryInterval interval) => interval switch
    {
        HistoryInterval.Raw or HistoryInterval.FiveMinutes => HistorySource.Samples,
        HistoryInterval.Hour => HistorySource.MinerHourly,
        _ => HistorySource.MinerDaily,
    };

    public Task<HistoryResponse> ReadMinerAsync(string siteId, string minerId, HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrEmpty(minerId);
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync("miner", siteId, minerId, MinerSource(query.Interval), query, cancellationToken);
    }

    /// <summary>Reads the fleet history of one site, or of all sites when the query names none.</summary>
    public Task<HistoryResponse> ReadFleetAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Interval == HistoryInterval.Raw)
        {
            throw new ArgumentException("The fleet history has no raw interval; its finest is 5m.", nameof(query));
        }

        return ReadAsync("fleet", query.SiteId, minerId: null, HistorySource.Fleet5m, query, cancellationToken);
    }

    /// <summary>
    /// Reads the stored rows of a source in [<paramref name="from"/>, <paramref name="to"/>) in time order,
    /// unaggregated, for exports. A null <paramref name="minerId"/> is only valid for the fleet source.
    /// </summary>
    public async IAsyncEnumerable<HistoryRow> ReadStoredRowsAsync(
        HistorySource source,
        string? siteId,
        string? minerId,
        DateTimeOffset from,
        DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var logicalTable = HistoryTables.TableOf(source);
        var table = await tables.GetTableAsync(logicalTable, cancellationToken);
        var readFrom = HistoryTables.RowPeriod(source) is null ? from : BucketStart(RowInterval(source), from);
        var reads = new ReadTally();
        try
        {
            var partitions = HistoryTables.Partitions(source, siteId, minerId, readFrom, to);
            var rows = ReadRowsAsync(table, source, partitions, HistoryTables.RowKey(source, readFrom), HistoryTables.RowKey(source, to), reads, cancellationToken);
            await foreach (var row in rows)
            {
                yield return row;
            }
        }
        finally
        {
            counter.Add(logicalTable, reads.Entities);
        }
    }

    /// <summary>The start of the point a stored row at <paramref name="time"/> falls into.</summary>
    public static DateTimeOffset BucketStart(HistoryInterval interval, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var start = interval switch
        {
            HistoryInterval.Raw => utc,
            HistoryInterval.FiveMinutes => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute - (utc.Minute % 5), 0, DateTimeKind.Utc),
            HistoryInterval.Hour => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc),
            _ => utc.Date,
        };
        return new DateTimeOffset(start, TimeSpan.Zero);
    }

    private async Task<HistoryResponse> ReadAsync(
        string scope, string? siteId, string? minerId, HistorySource source, HistoryQuery query, CancellationToken cancellationToken)
    {
        var logicalTable = HistoryTables.TableOf(source);
        var table = await tables.GetTableAsync(logicalTable, cancellationToken);
        var maxPoints = options.Value.MaxPointsPerPage;

        // Rollup rows are whole periods: the first page starts at the period holding 'from', so a range that
        // begins mid-hour still gets that hour. Raw samples are read from the exact instant.
        var readFrom = HistoryTables.RowPeriod(source) is null
            ? query.PageStart
            : BucketStart(RowInterval(source), query.PageStart);
        var rowFrom = HistoryTables.RowKey(source, readFrom);
        var rowTo = HistoryTables.RowKey(source, query.To);

        var points = new List<HistoryPoint>();
        PointAccumulator? current = null;
        string? nextToken = null;
        var reads = new ReadTally();

        var partitions = HistoryTables.Partitions(source, siteId, minerId, readFrom, query.To);
        await foreach (var row in ReadRowsAsync(table, source, partitions, rowFrom, rowTo, reads, cancellationToken))
        {
            var bucket = BucketStart(query.Interval, row.Start);
            if (current is not null && bucket == current.Start)
            {
                current.Add(row);
                continue;
            }

            if (current is not null)
            {
                points.Add(current.ToPoint());
            }

            if (points.Count == maxPoints)
            {
                // The page is full: this row starts the next page, and leaving the loop stops further reads.
                nextToken = HistoryQuery.CreateToken(bucket);
                current = null;
                break;
            }

            current = new PointAccumulator(bucket);
            current.Add(row);
        }

        if (current is not null)
        {
            points.Add(current.ToPoint());
        }

        var entitiesRead = reads.Entities;
        counter.Add(logicalTable, entitiesRead);
        return new HistoryResponse
        {
            Scope = scope,
            MinerId = minerId,
            SiteId = siteId,
            Interval = HistoryQuery.NameOf(query.Interval),
            Source = source,
            From = query.From,
            To = query.To,
            MaxPointsPerPage = maxPoints,
            Points = points,
            NextPageToken = nextToken,
            EntitiesRead = entitiesRead,
        };
    }

    /// <summary>Reads rows partition by partition in time order, one service page at a time, counting each page.</summary>
    private static async IAsyncEnumerable<HistoryRow> ReadRowsAsync(
        TableClient table,
        HistorySource source,
        IEnumerable<string> partitions,
        string rowFrom,
        string rowTo,
        ReadTally reads,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var select = source == HistorySource.Samples ? HistoryTables.SampleColumns : null;
        foreach (var partition in partitions)
        {
            var filter = TableReads.PartitionRowRange(partition, rowFrom, rowTo);
            var pages = table.QueryAsync<TableEntity>(filter, TableReads.MaxPageSize, select, cancellationToken)
                .AsPages(pageSizeHint: TableReads.MaxPageSize);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                reads.Entities += page.Values.Count;
                foreach (var entity in page.Values)
                {
                    yield return source == HistorySource.Samples
                        ? HistoryTables.FromSample(entity)
                        : HistoryTables.FromRollup(entity, source, HistoryTables.StartOf(entity, source));
                }
            }
        }
    }

    private static HistoryInterval RowInterval(HistorySource source) => source switch
    {
        HistorySource.Fleet5m => HistoryInterval.FiveMinutes,
        HistorySource.MinerHourly => HistoryInterval.Hour,
        _ => HistoryInterval.Day,
    };

    /// <summary>The entities one request read, updated by the row reader as pages arrive.</summary>
    private sealed class ReadTally
    {
        public long Entities { get; set; }
    }
}
