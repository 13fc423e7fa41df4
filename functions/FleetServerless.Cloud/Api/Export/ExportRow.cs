using FleetServerless.Cloud.Api.History;

namespace FleetServerless.Cloud.Api.Export;

/// <summary>One CSV row: a stored rollup period with the site and miner it belongs to.</summary>
public sealed record ExportRow(string SiteId, string? MinerId, HistoryRow Row);
