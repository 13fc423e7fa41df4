using System.Text.Json.Nodes;
using FleetServerless.Cloud.Tests.Notifications;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Tests.Alerts;

/// <summary>
/// From ingest to a receiver through the Storage queue on Azurite: a hot miner's batch fires an alert, the
/// evaluation queues it, and the DevHost's queue service runs the delivery handler with the queue's retries.
/// </summary>
public sealed class AlertDeliveryTests
{
    private const string Secret = "delivery-secret-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReceiverFailingThreeTimes_GetsTheMessageOnce()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failures: 3);
        await using var host = await AlertDevHost.StartAsync(Settings(receiver));

        await host.IngestAsync(HotBatch());

        Assert.True(await receiver.WaitForAsync(r => r.Any(x => x.Succeeded), Patience), "No delivery succeeded.");
        await WaitForEmptyAsync(host);
        var requests = receiver.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Single(requests, r => r.Succeeded);
        Assert.Equal(0, await host.MessageCountAsync(host.PoisonQueue));
        Assert.Equal("chip-temp-critical", JsonNode.Parse(requests[^1].BodyText)!["notification"]!["ruleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReceiverAlwaysFailing_EndsInPoisonQueueWithAlertLogged()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failures: int.MaxValue);
        await using var host = await AlertDevHost.StartAsync(Settings(receiver));

        await host.IngestAsync(HotBatch());

        Assert.True(await WaitAsync(async () => await host.MessageCountAsync(host.PoisonQueue) == 1), "The message never reached the poison queue.");
        Assert.Equal(5, receiver.Requests.Count);
        Assert.Equal(0, await host.MessageCountAsync(host.Queue));

        var history = JsonNode.Parse(await host.Client.GetStringAsync("api/alerts?view=history&site=north", TestContext.Current.CancellationToken))!["history"]!.AsArray();
        var fired = Assert.Single(history, e => e!["ruleId"]!.GetValue<string>() == "chip-temp-critical");
        Assert.Equal("fired", fired!["kind"]!.GetValue<string>());
        Assert.True(fired["delivered"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("/hooks/private-path", host.Logs.AllText, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Settings(LoopbackReceiver receiver) =>
    [
        new("Notifications:Channels:hook:Type", "webhook"),
        new("Notifications:Channels:hook:Url", receiver.Url("hooks/private-path").ToString()),
        new("Notifications:Channels:hook:Secret", Secret),
        new("Alerts:Rules:ChipTempCritical:Sustain", "00:00:00"),
    ];

    /// <summary>One miner at 95 °C, sampled a moment ago, so the critical rule (sustain set to zero) fires at once.</summary>
    private static TelemetryBatch HotBatch()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);
        return new TelemetryBatch
        {
            SiteId = "north",
            RelayId = "relay-1",
            BatchId = $"relay-1-{Guid.NewGuid():N}",
            Sequence = 1,
            CreatedAt = at,
            Samples =
            [
                new MinerSample
                {
                    MinerId = "rig-01",
                    Host = "127.0.0.12",
                    CollectedAt = at,
                    Answered = true,
                    Algorithm = "scrypt",
                    State = MinerStates.Mining,
                    HashrateRealtimeHps = 9.5e9,
                    ChipTempMaxC = 95,
                },
            ],
        };
    }

    private static async Task WaitForEmptyAsync(AlertDevHost host)
    {
        // The message is deleted right after the successful send; give the queue service that moment.
        Assert.True(await WaitAsync(async () => await host.MessageCountAsync(host.Queue) == 0), "The queue still holds the message.");
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
