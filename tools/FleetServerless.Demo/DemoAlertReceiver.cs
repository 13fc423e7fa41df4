using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FleetServerless.Cloud.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FleetServerless.Demo;

/// <summary>
/// A signed-webhook receiver on 127.0.0.1 in place of the owner's chat. It checks each alert's
/// HMAC-SHA256 signature and keeps the headline, so the demo can print alerts as they are delivered.
/// </summary>
public sealed class DemoAlertReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _headlines = new();

    private DemoAlertReceiver(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    /// <summary>The signing secret configured for the webhook channel.</summary>
    public string Secret { get; }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests whose signature did not verify; the demo shows them as a warning.</summary>
    public int RejectedCount { get; private set; }

    public static async Task<DemoAlertReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new DemoAlertReceiver(app, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

        app.MapPost("/alerts", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (!WebhookSignature.Verify(receiver.Secret, body.ToArray(), request.Headers[WebhookSignature.HeaderName]))
            {
                receiver.RejectedCount++;
                return Results.Unauthorized();
            }

            var headline = JsonNode.Parse(body.ToArray())?["text"]?["headline"]?.GetValue<string>() ?? "(alert without a headline)";
            receiver._headlines.Enqueue(headline);
            return Results.NoContent();
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "alerts");
        return receiver;
    }

    /// <summary>Removes and returns the headlines received since the last call.</summary>
    public IReadOnlyList<string> TakeHeadlines()
    {
        var taken = new List<string>();
        while (_headlines.TryDequeue(out var headline))
        {
            taken.Add(headline);
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
