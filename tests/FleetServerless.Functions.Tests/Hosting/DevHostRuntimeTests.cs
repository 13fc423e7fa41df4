using System.Net;
using FleetServerless.Cloud.Storage;
using FleetServerless.DevHost;
using FleetServerless.DevHost.Hosting;
using FleetServerless.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetServerless.Functions.Tests.Hosting;

/// <summary>The DevHost's own runtime: keys, schedules and queue semantics.</summary>
public sealed class DevHostRuntimeTests
{
    [Theory]
    [InlineData("*/30 * * * * *", "2026-12-04T10:00:05Z", "2026-12-04T10:00:30Z")]
    [InlineData("*/30 * * * * *", "2026-12-04T10:00:30Z", "2026-12-04T10:01:00Z")]
    [InlineData("20 */5 * * * *", "2026-12-04T10:03:00Z", "2026-12-04T10:05:20Z")]
    [InlineData("0 15 3 * * *", "2026-12-04T03:15:00Z", "2026-12-05T03:15:00Z")]
    public void CronSchedule_NextOccurrence_IsStrictlyAfter(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression, "Test");

        Assert.Equal(DateTimeOffset.Parse(expected), schedule.GetNextOccurrence(DateTimeOffset.Parse(after)));
    }

    [Fact]
    public void CronSchedule_FiveFields_IsRejectedNamingFunction()
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse("*/5 * * * *", "BuildRollups"));

        Assert.Contains("BuildRollups", error.Message);
    }

    [Fact]
    public void ApiKeyStore_WithoutKey_GeneratesOnceAndReusesFile()
    {
        var file = Path.Combine(Path.GetTempPath(), TestStorage.UniqueName("key"), "devhost-api-key");
        var options = Options.Create(new DevHostOptions { ApiKeyFile = file });

        var first = new ApiKeyStore(options);
        var second = new ApiKeyStore(options);

        Assert.True(first.Generated);
        Assert.False(second.Generated);
        Assert.Equal(first.ApiKey, second.ApiKey);
        Assert.True(first.ApiKey.Length >= 32);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task QueueFunction_Success_DeletesMessage()
    {
        var handler = new RecordingQueueHandler(failures: 0);
        var queueName = TestStorage.UniqueName("q");
        await using var host = await StartWithQueueAsync(queueName, handler);
        var queue = host.Services.GetRequiredService<FleetTableClients>().GetQueue(queueName);
        await queue.SendMessageAsync("hello", TestContext.Current.CancellationToken);

        var read = await ProcessOnceAsync(host, queueName);

        Assert.Equal(1, read);
        Assert.Equal(["hello"], handler.Messages);
        Assert.Empty((await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task QueueFunction_FailingFiveTimes_MovesToPoisonQueue()
    {
        var handler = new RecordingQueueHandler(failures: int.MaxValue);
        var queueName = TestStorage.UniqueName("q");
        await using var host = await StartWithQueueAsync(queueName, handler);
        var clients = host.Services.GetRequiredService<FleetTableClients>();
        await clients.GetQueue(queueName).SendMessageAsync("bad", TestContext.Current.CancellationToken);

        for (var delivery = 1; delivery <= 5; delivery++)
        {
            Assert.Equal(1, await ProcessOnceAsync(host, queueName));
        }

        var poison = await clients.GetQueue(queueName + "-poison").PeekMessagesAsync(32, TestContext.Current.CancellationToken);
        Assert.Equal(5, handler.Messages.Count);
        Assert.Equal("bad", Assert.Single(poison.Value).Body.ToString());
        Assert.Empty((await clients.GetQueue(queueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task TimerFunction_RunsByName()
    {
        await using var host = await StartAsync();

        await host.Functions.RunTimerAsync("BuildRollups", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => host.Functions.RunTimerAsync("NoSuchFunction", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartAsync_BindsLoopbackWithFreePort()
    {
        await using var host = await StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync("api/health", TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<RunningDevHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var connectionString = await TestStorage.RequireConnectionStringAsync();
        return await DevHostApp.StartAsync(
            [
                new("Storage:ConnectionString", connectionString),
                new("Storage:TablePrefix", TestStorage.UniqueName("dh")),
                new("DevHost:ApiKey", "runtime-test-key-0123456789"),
                new("DevHost:TimersEnabled", "false"),
                new("DevHost:QueuesEnabled", "false"),
            ],
            configure,
            TestContext.Current.CancellationToken);
    }

    private static async Task<RunningDevHost> StartWithQueueAsync(string queueName, RecordingQueueHandler handler)
    {
        var host = await StartAsync(services =>
        {
            services.AddSingleton(handler);
            services.AddSingleton(FunctionDescriptor.Queue<RecordingQueueHandler>("TestQueue", queueName, (h, message, _) => h.HandleAsync(message)));
            services.Configure<QueueTriggerOptions>(o => o.VisibilityTimeout = TimeSpan.Zero);
        });
        await host.Services.GetRequiredService<FleetTableClients>().GetQueue(queueName).CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return host;
    }

    private static Task<int> ProcessOnceAsync(RunningDevHost host, string queueName)
    {
        var function = host.Services.GetRequiredService<FunctionRegistry>().Functions.Single(f => f.QueueName == queueName);
        return host.Services.GetRequiredService<QueueFunctionService>().ProcessOnceAsync(function, TestContext.Current.CancellationToken);
    }

    private sealed class RecordingQueueHandler(int failures)
    {
        public List<string> Messages { get; } = [];

        public Task HandleAsync(string message)
        {
            Messages.Add(message);
            return Messages.Count <= failures
                ? throw new InvalidOperationException("The test handler fails on purpose.")
                : Task.CompletedTask;
        }
    }
}
