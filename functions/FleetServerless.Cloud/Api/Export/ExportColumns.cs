namespace FleetServerless.Cloud.Api.Export;

/// <summary>The columns of the rollup exports, typed and flat so Power BI and spreadsheets read them as they are.</summary>
public static class ExportColumns
{
    public static IReadOnlyList<CsvColumn<ExportRow>> For(ExportDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = new List<CsvColumn<ExportRow>>
        {
            new("periodStartUtc", r => r.Row.Start),
            new("siteId", r => r.SiteId),
        };

        if (dataset.PerMiner)
        {
            columns.Add(new("minerId", r => r.MinerId));
        }
        else
        {
            columns.Add(new("minersReporting", r => r.Row.MinersReporting));
            columns.Add(new("minersMining", r => r.Row.MinersMining));
        }

        columns.AddRange(
        [
            new("hashrateMeanHps", r => r.Row.HashrateMeanHps),
            new("hashrateMinHps", r => r.Row.HashrateMinHps),
            new("hashrateMaxHps", r => r.Row.HashrateMaxHps),
            new("powerMeanWatts", r => r.Row.PowerMeanWatts),
            new("powerMaxWatts", r => r.Row.PowerMaxWatts),
            new("chipTempMaxC", r => r.Row.ChipTempMaxC),
            new("boardTempMaxC", r => r.Row.BoardTempMaxC),
            new("minutesAnswering", r => r.Row.MinutesAnswering),
            new("minutesMining", r => r.Row.MinutesMining),
        ]);

        if (dataset.PerMiner)
        {
            columns.Add(new("samples", r => r.Row.Samples));
        }

        return columns;
    }
}
