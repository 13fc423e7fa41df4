namespace FleetServerless.Cloud.Storage;

/// <summary>The rows a query returned, with how many entities and pages it read, for cost reporting.</summary>
public sealed record TableQueryResult<T>(IReadOnlyList<T> Items, int EntitiesRead, int PagesRead);
