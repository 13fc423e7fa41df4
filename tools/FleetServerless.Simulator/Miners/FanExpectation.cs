namespace FleetServerless.Simulator.Miners;

/// <summary>What one simulated fan reports.</summary>
public sealed record FanExpectation(int Id, int Rpm, int MaxRpm, string Status);
