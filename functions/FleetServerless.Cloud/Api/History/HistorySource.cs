namespace FleetServerless.Cloud.Api.History;

/// <summary>The table a history response was read from, named as the response's <c>source</c> field shows it.</summary>
public enum HistorySource
{
    /// <summary>Raw samples (one partition per miner and day).</summary>
    Samples,

    /// <summary>Fleet rollups per 5 minutes.</summary>
    Fleet5m,

    /// <summary>Miner rollups per hour.</summary>
    MinerHourly,

    /// <summary>Miner rollups per day.</summary>
    MinerDaily,
}
