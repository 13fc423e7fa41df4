using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// Runs queue-triggered functions over Storage queues with the Functions host's semantics: a message is hidden
/// while its function runs, deleted when it succeeds, made visible again after the visibility timeout when it
/// fails, and moved to <c>&lt;queue&gt;-poison</c> once it has been delivered the max dequeue count of times.
/// </summary>
public sealed partial class QueueFunctionService(
    FunctionRegistry registry,
    FunctionRunner runner,
    FleetTableClients storage,
    IOptions<DevHostOptions> options,
    IOptions<QueueTriggerOptions> queueOptions,
    TimeProvider timeProvider,
    ILogger<QueueFunctionService> logger) : BackgroundService
{
    public const string PoisonSuffix = "-poison";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functions = registry.Functions.Where(f => f.Trigger == FunctionTrigger.Queue).ToList();
        if (functions.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (!options.Value.QueuesEnabled)
        {
            LogQueuesDisabled();
            return Task.CompletedTask;
        }

        return Task.WhenAll(functions.Select(f => RunQueueLoopAsync(f, stoppingToken)));
    }

    /// <summary>Reads one batch of messages and runs the function on each. Returns how many it read.</summary>
    public async Task<int> ProcessOnceAsync(FunctionDescriptor function, CancellationToken cancellationToken)
    {
        var settings = queueOptions.Value;
        var queue = Client(function.QueueName!);
        var response = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.ProcessingLease, cancellationToken);
        foreach (var message in response.Value)
        {
            await ProcessMessageAsync(function, queue, message, cancellationToken);
        }

        return response.Value.Length;
    }

    private async Task RunQueueLoopAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var queue = Client(function.QueueName!);
        var delay = TimeSpan.FromMilliseconds(100);
        var maxDelay = TimeSpan.FromMilliseconds(options.Value.MaxPollingIntervalMilliseconds);
        LogQueueListening(function.Name, function.QueueName!);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                var read = await ProcessOnceAsync(function, stoppingToken);
                delay = read > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
                if (read > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogQueueReadFailed(ex, function.Name, function.QueueName!, ex.Status);
                delay = maxDelay;
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProcessMessageAsync(FunctionDescriptor function, QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var settings = queueOptions.Value;
        try
        {
            await runner.RunQueueAsync(function, message.Body.ToString(), cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogMessageFailed(ex, function.Name, function.QueueName!, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
        }

        if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            var poison = Client(function.QueueName + PoisonSuffix);
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            LogMessagePoisoned(function.Name, function.QueueName!, message.MessageId, message.DequeueCount);
            return;
        }

        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: cancellationToken);
    }

    private QueueClient Client(string queueName) =>
        storage.GetQueue(queueName, string.Equals(queueOptions.Value.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Queue function {FunctionName} reads queue {QueueName}")]
    private partial void LogQueueListening(string functionName, string queueName);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning,
        Message = "Queue function {FunctionName} failed on message {MessageId} of {QueueName} (delivery {DequeueCount} of {MaxDequeueCount})")]
    private partial void LogMessageFailed(Exception exception, string functionName, string queueName, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error,
        Message = "Moved message {MessageId} of {QueueName} to the poison queue after {DequeueCount} deliveries to {FunctionName}")]
    private partial void LogMessagePoisoned(string functionName, string queueName, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Error, Message = "Reading queue {QueueName} for {FunctionName} failed with status {Status}")]
    private partial void LogQueueReadFailed(Exception exception, string functionName, string queueName, int status);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "Queue functions are off (DevHost:QueuesEnabled is false)")]
    private partial void LogQueuesDisabled();
}
