using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using FleetServerless.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Tests.Support;

/// <summary>
/// A Kestrel stand-in for <c>POST /api/ingest</c> on 127.0.0.1 with a free port. It stores each batch id once,
/// ignores repeated ids as the real ingest does, and accepts, fails, rejects or drops requests on command.
/// </summary>
public sealed class TestIngestServer : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key-5f3a";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TelemetryBatch> _stored = new();
    private readonly ConcurrentQueue<TelemetryBatch> _received = new();
    private readonly ConcurrentQueue<string> _storeOrder = new();
    private readonly ConcurrentDictionary<string, byte[]> _firstBodies = new();
    private int _requests;

    private TestIngestServer(WebApplication app) => _app = app;

    /// <summary>How requests are handled from now on.</summary>
    public IngestMode Mode { get; set; } = IngestMode.Accept;

    /// <summary>A delay before each response, to widen the window in which a client can be killed mid-send.</summary>
    public Func<TimeSpan> ResponseDelay { get; set; } = () => TimeSpan.Zero;

    public Uri IngestUrl { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Batches stored, in the order they were first stored.</summary>
    public IReadOnlyList<TelemetryBatch> Stored => _storeOrder.Select(id => _stored[id]).ToList();

    /// <summary>Every batch received with a valid key while accepting, duplicates included.</summary>
    public IReadOnlyList<TelemetryBatch> Received => _received.ToArray();

    /// <summary>Request headers of the last request, copied, for header checks.</summary>
    public IReadOnlyDictionary<string, string> LastHeaders { get; private set; } = new Dictionary<string, string>();

    /// <summary>Returns whether every repeated batch id came with byte-identical JSON to its first arrival.</summary>
    public bool DuplicatesWereIdentical { get; private set; } = true;

    public static async Task<TestIngestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestIngestServer(app);
        app.MapPost("/api/ingest", (Delegate)server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.IngestUrl = new Uri(new Uri(address), "/api/ingest");
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        LastHeaders = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var delay = ResponseDelay();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        if (context.Request.Headers["x-functions-key"] != FunctionKey)
        {
            return Results.Unauthorized();
        }

        switch (Mode)
        {
            case IngestMode.Fail:
                return Results.StatusCode(503);
            case IngestMode.Reject:
                return Results.Problem(title: "Invalid batch", detail: "samples[0].powerWatts is -1; it cannot be negative.", statusCode: 400);
            case IngestMode.Abort:
                context.Abort();
                return Results.Empty;
        }

        var json = await ReadBodyAsync(context.Request);
        var batch = TelemetryJson.Deserialize(json)!;
        _received.Enqueue(batch);
        if (_firstBodies.TryAdd(batch.BatchId, json))
        {
            _stored[batch.BatchId] = batch;
            _storeOrder.Enqueue(batch.BatchId);
        }
        else if (!_firstBodies[batch.BatchId].AsSpan().SequenceEqual(json))
        {
            DuplicatesWereIdentical = false;
        }

        return Results.Ok(new { batchId = batch.BatchId });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        Stream body = request.Body;
        if (request.Headers.ContentEncoding == "gzip")
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
