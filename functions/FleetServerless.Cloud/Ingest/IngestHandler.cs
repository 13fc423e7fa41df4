using System.IO.Compression;
using System.Text.Json;
using Azure;
using FleetServerless.Cloud.Http;
using FleetServerless.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// <c>POST /api/ingest</c>: reads one telemetry batch (gzip when <c>Content-Encoding: gzip</c>), validates it
/// whole and stores it. A rejected batch writes nothing.
/// </summary>
public sealed partial class IngestHandler(
    ITelemetryIngestor ingestor,
    IOptions<IngestOptions> options,
    ILogger<IngestHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return ProblemResults.PayloadTooLarge(limit);
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length > 0 && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
            && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return ProblemResults.UnsupportedEncoding(encoding);
        }

        var body = await ReadBodyAsync(request, encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase), limit, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var (batch, parseError) = Parse(body.Bytes!);
        if (parseError is not null)
        {
            return parseError;
        }

        var problems = ingestor.Validate(batch!);
        if (problems.Count > 0)
        {
            LogBatchRejected(batch!.SiteId, batch.RelayId, batch.BatchId, problems.Count, problems[0].Field);
            return ProblemResults.InvalidBatch(problems);
        }

        try
        {
            var result = await ingestor.IngestAsync([batch!], IngestSource.Https, cancellationToken);
            return Results.Ok(new { batchId = batch!.BatchId, sequence = batch.Sequence, samples = result.Samples });
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(ex, batch!.SiteId, batch.RelayId, batch.BatchId, ex.Status);
            return ProblemResults.ServiceUnavailable($"Table Storage returned status {ex.Status} ({ex.ErrorCode}); send the batch again.");
        }
        catch (AggregateException ex) when (StorageUnreachable.Matches(ex))
        {
            LogStorageFailed(ex, batch!.SiteId, batch.RelayId, batch.BatchId, 0);
            return ProblemResults.ServiceUnavailable("Table Storage could not be reached; send the batch again.");
        }
    }

    private static async Task<(byte[]? Bytes, IResult? Error)> ReadBodyAsync(
        HttpRequest request, bool gzip, long limit, CancellationToken cancellationToken)
    {
        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, ProblemResults.PayloadTooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return (null, ProblemResults.BadRequest("body", "is not valid gzip; send the batch uncompressed or gzip it whole."));
        }

        return (buffer.ToArray(), null);
    }

    private static (TelemetryBatch? Batch, IResult? Error) Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, ProblemResults.BadRequest("body", "is empty; send one telemetry batch as JSON."));
        }

        try
        {
            var batch = TelemetryJson.Deserialize(body);
            return batch is null
                ? (null, ProblemResults.BadRequest("body", "is JSON null; send one telemetry batch."))
                : (batch, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, ProblemResults.BadRequest(field, $"could not be read: {FirstSentence(ex.Message)}"));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Rejected batch {BatchId} of relay {RelayId} at site {SiteId}: {ProblemCount} problems, first at {Field}")]
    private partial void LogBatchRejected(string? siteId, string? relayId, string? batchId, int problemCount, string field);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Storing batch {BatchId} of relay {RelayId} at site {SiteId} failed with status {Status}")]
    private partial void LogStorageFailed(Exception exception, string siteId, string relayId, string batchId, int status);
}
