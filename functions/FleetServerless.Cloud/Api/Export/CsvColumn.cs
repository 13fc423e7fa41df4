namespace FleetServerless.Cloud.Api.Export;

/// <summary>One column of an export: its header (with the unit in the name) and how a row gives its value.</summary>
/// <remarks>
/// Values may be text, numbers, booleans or <see cref="DateTimeOffset"/>; null writes an empty cell, which
/// means unknown.
/// </remarks>
public sealed record CsvColumn<TRow>(string Name, Func<TRow, object?> Value);
