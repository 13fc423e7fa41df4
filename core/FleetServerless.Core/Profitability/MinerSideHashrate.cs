namespace FleetServerless.Core.Profitability;

/// <summary>One miner's own hashrate over the comparison window, with the worker name it mines under.</summary>
/// <param name="MinerId">The miner's stable id.</param>
/// <param name="Worker">The worker name from the override table or the miner's pool user; null when neither gives one.</param>
/// <param name="HashrateHps">Mean reported hashrate over the window; null when the miner reported none.</param>
public sealed record MinerSideHashrate(string MinerId, WorkerName? Worker, double? HashrateHps);
