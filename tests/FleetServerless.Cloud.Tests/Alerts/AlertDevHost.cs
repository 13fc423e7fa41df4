using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Queues;
using FleetServerless.Cloud.Notifications;
using FleetServerless.Cloud.Tests.Storage;
using FleetServerless.Core.Telemetry;
using FleetServerless.DevHost;
using FleetServerless.DevHost.Hosting;
using FleetServerless.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Tests.Alerts;

/// <summary>
/// A DevHost over Azurite with alert delivery on a queue of its own: the delivery handler runs on that queue
/// through the DevHost's queue service, with retries at once instead of after host.json's visibility timeout.
/// </summary>
internal sealed class AlertDevHost : IAsyncDisposable
{
    public const string ApiKey = "alert-test-key-0123456789";

    private AlertDevHost(TestTables tables, RunningDevHost host, string queueName, CapturedLogs logs)
    {
        Tables = tables;
        Host = host;
        QueueName = queueName;
        Logs = logs;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
    }

    public TestTables Tables { get; }

    public RunningDevHost Host { get; }

    public string QueueName { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    public QueueClient Queue => Tables.Clients.GetQueue(QueueName);

    public QueueClient PoisonQueue => Tables.Clients.GetQueue(QueueName + QueueFunctionService.PoisonSuffix);

    public static async Task<AlertDevHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var tables = await TestTables.CreateAsync("alerts");
        var queueName = TestStorage.UniqueName("alertq");
        var logs = new CapturedLogs();
        var host = await DevHostApp.StartAsync(
            [
                .. tables.Settings,
                new("DevHost:ApiKey", ApiKey),
                new("DevHost:TimersEnabled", "false"),
                new("DevHost:QueuesEnabled", "true"),
                new("DevHost:MaxPollingIntervalMilliseconds", "200"),
                .. settings,
            ],
            services =>
            {
                services.AddLogging(logging => logging.AddProvider(logs));
                services.Configure<NotificationQueueOptions>(o => o.QueueName = queueName);
                services.Configure<QueueTriggerOptions>(o => o.VisibilityTimeout = TimeSpan.Zero);
                services.AddSingleton(FunctionDescriptor.Queue<NotificationDeliveryHandler>(
                    "AlertDeliveryUnderTest", queueName, (handler, message, token) => handler.HandleAsync(message, token)));
            });
        return new AlertDevHost(tables, host, queueName, logs);
    }

    /// <summary>Posts a batch to the ingest route, as the relay's HTTPS publisher does.</summary>
    public async Task IngestAsync(TelemetryBatch batch)
    {
        using var content = new StringContent(TelemetryJson.Serialize(batch), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Client.PostAsync("api/ingest", content);
        Assert.True(response.IsSuccessStatusCode, $"Ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<int> MessageCountAsync(QueueClient queue)
    {
        if (!(await queue.ExistsAsync()).Value)
        {
            return 0;
        }

        var peeked = await queue.PeekMessagesAsync(32);
        return peeked.Value.Length;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
