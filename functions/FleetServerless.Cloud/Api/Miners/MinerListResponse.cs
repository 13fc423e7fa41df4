namespace FleetServerless.Cloud.Api.Miners;

/// <summary>The body of <c>GET /api/miners</c>.</summary>
public sealed record MinerListResponse(DateTimeOffset GeneratedAt, int StaleAfterSeconds, IReadOnlyList<MinerListItem> Miners);
