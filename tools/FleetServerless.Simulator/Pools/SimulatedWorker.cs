namespace FleetServerless.Simulator.Pools;

/// <summary>A worker the simulated pools report, with the hashrate they credit it.</summary>
/// <param name="Name">The worker part of the stratum user (<c>rig01</c>), without the account.</param>
/// <param name="HashrateHps">The hashrate the pool credits, in H/s.</param>
/// <param name="Connections">Connections the worker has open; Prohashing lists each under its own uuid.</param>
public sealed record SimulatedWorker(string Name, double HashrateHps, int Connections = 1);
