namespace FleetServerless.Core.Telemetry;

/// <summary>One invalid field of a batch: its JSON path (<c>samples[3].powerWatts</c>) and what is wrong.</summary>
public sealed record ValidationProblem(string Field, string Message);
