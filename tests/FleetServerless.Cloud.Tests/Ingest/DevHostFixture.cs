using System.Net.Http.Headers;
using FleetServerless.Cloud.Tests.Storage;
using FleetServerless.DevHost;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>A DevHost started in-process on a free loopback port over tables of its own, with timers off.</summary>
internal sealed class DevHostFixture : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private DevHostFixture(TestTables tables, RunningDevHost host)
    {
        Tables = tables;
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
    }

    public TestTables Tables { get; }

    public RunningDevHost Host { get; }

    /// <summary>A client that sends the key on every request.</summary>
    public HttpClient Client { get; }

    public static async Task<DevHostFixture> StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        var tables = await TestTables.CreateAsync("http");
        var host = await DevHostApp.StartAsync(
            [
                .. tables.Settings,
                new("DevHost:ApiKey", ApiKey),
                new("DevHost:TimersEnabled", "false"),
                new("DevHost:QueuesEnabled", "false"),
            ],
            configureServices);
        return new DevHostFixture(tables, host);
    }

    public static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
