using Azure.Identity;
using Azure.Messaging.EventHubs.Producer;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Polling;
using FleetServerless.Relay.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FleetServerless.Relay.Hosting;

/// <summary>Registers the relay's services: options, poller, outbox, publisher and worker.</summary>
public static class RelayServiceCollectionExtensions
{
    /// <summary>Time the host waits for a graceful stop, beyond the miner timeout of the cycle that is finishing.</summary>
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RelayOptions>()
            .Bind(configuration.GetSection(RelayOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidator>();
        // Read from configuration directly: resolving RelayOptions here would validate them when the host is built,
        // before StartAsync, where callers expect the validation error.
        services.AddOptions<HostOptions>().Configure(host =>
            host.ShutdownTimeout = ReadMinerTimeout(configuration) + ShutdownMargin);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var outbox = provider.GetRequiredService<IOptions<RelayOptions>>().Value.Outbox;
            var path = Path.IsPathRooted(outbox.Path) ? outbox.Path : Path.Combine(AppContext.BaseDirectory, outbox.Path);
            return new SqliteOutbox(path, outbox.MaxSizeBytes, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<SqliteOutbox>>());
        });

        services.AddRelayMinerReaders();
        services.AddSingleton<MinerPoller>();
        services.AddSingleton<OutboxForwarder>();
        services.AddSingleton<RelayPipeline>();
        services.AddPublishers();
        services.AddHostedService<RelayWorker>();
        return services;
    }

    private static TimeSpan ReadMinerTimeout(IConfiguration configuration)
    {
        var text = configuration[$"{RelayOptions.SectionName}:{nameof(RelayOptions.MinerTimeout)}"];
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : new RelayOptions().MinerTimeout;
    }

    private static void AddRelayMinerReaders(this IServiceCollection services) =>
        services.AddMinerReaders().AddMinerResilience();

    private static void AddPublishers(this IServiceCollection services)
    {
        services.AddHttpClient(HttpsBatchPublisher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("ingest", (pipeline, context) =>
            {
                var publisher = context.ServiceProvider.GetRequiredService<IOptions<RelayOptions>>().Value.Publisher;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<HttpsBatchPublisher>>();
                var ingestHost = Uri.TryCreate(publisher.IngestUrl, UriKind.Absolute, out var url) ? url.Authority : "(invalid URL)";
                if (publisher.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = publisher.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = publisher.RetryDelay,
                        MaxDelay = publisher.MaxRetryDelay,
                        OnRetry = args =>
                        {
                            var outcome = args.Outcome.Exception?.Message ?? $"status {(int?)args.Outcome.Result?.StatusCode}";
                            RelayLog.HttpsRetry(logger, ingestHost, outcome, args.AttemptNumber + 1, args.RetryDelay);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddTimeout(publisher.RequestTimeout);
            });

        services.AddSingleton<HttpsBatchPublisher>();
        services.AddSingleton(provider =>
        {
            var eventHubs = provider.GetRequiredService<IOptions<RelayOptions>>().Value.Publisher.EventHubs;
            return CreateProducer(eventHubs);
        });
        services.AddSingleton<EventHubsBatchPublisher>();
        services.AddSingleton<IBatchPublisher>(provider =>
            provider.GetRequiredService<IOptions<RelayOptions>>().Value.Publisher.Kind.ToLowerInvariant() switch
            {
                PublisherOptions.EventHubsKind => provider.GetRequiredService<EventHubsBatchPublisher>(),
                _ => provider.GetRequiredService<HttpsBatchPublisher>(),
            });
    }

    private static EventHubProducerClient CreateProducer(EventHubsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return string.IsNullOrWhiteSpace(options.EventHubName)
                ? new EventHubProducerClient(options.ConnectionString)
                : new EventHubProducerClient(options.ConnectionString, options.EventHubName);
        }

        return new EventHubProducerClient(options.FullyQualifiedNamespace, options.EventHubName, new DefaultAzureCredential());
    }
}
