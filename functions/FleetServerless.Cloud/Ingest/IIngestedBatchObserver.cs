namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Work that runs after every stored batch, from both ingest paths (alert evaluation, for example).
/// Register an implementation with <c>services.AddSingleton&lt;IIngestedBatchObserver, T&gt;()</c>.
/// </summary>
/// <remarks>
/// Observers run after the batch's rows are written, one batch at a time in sequence order per relay. When an
/// observer throws, the ingest call fails: HTTPS ingest answers 500 so the relay sends the batch again, and the
/// drain does not checkpoint past it. A batch can therefore reach an observer more than once, and observers must
/// tolerate that.
/// </remarks>
public interface IIngestedBatchObserver
{
    Task OnBatchIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken);
}
