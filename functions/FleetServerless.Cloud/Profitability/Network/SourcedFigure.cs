namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>One input of an estimate with where it came from and how old it is; configuration values have no age.</summary>
public sealed record SourcedFigure(double Value, string Source, DateTimeOffset? ObservedAt, double? AgeSeconds);
