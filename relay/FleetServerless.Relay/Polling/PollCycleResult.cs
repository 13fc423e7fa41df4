using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Polling;

/// <summary>One finished poll cycle: the batch stored in the outbox and how long polling took.</summary>
public sealed record PollCycleResult(TelemetryBatch Batch, TimeSpan Elapsed)
{
    public int AnsweredCount => Batch.Samples.Count(s => s.Answered);
}
