using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace FleetServerless.Relay.Polling;

/// <summary>
/// The resilience pipeline of the miners' web API client: one retry with jitter, an attempt timeout and a circuit
/// breaker, each kept per miner (per URL authority, host and port).
/// </summary>
/// <remarks>
/// A miner that keeps failing opens its breaker after two failed requests within three poll intervals. While the
/// breaker is open, reads of that miner fail at once, so a dead miner costs nothing until the breaker lets one
/// probe through after four poll intervals. The poller's miner timeout still bounds every read as a whole.
/// </remarks>
public static class MinerResilience
{
    /// <summary>Attaches the pipeline to the miners' named client, as returned by <c>AddMinerReaders</c>.</summary>
    public static IHttpClientBuilder AddMinerResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("miner", (pipeline, context) =>
            {
                var relay = context.ServiceProvider.GetRequiredService<IOptions<RelayOptions>>().Value;
                Configure(pipeline, relay);
            })
            .SelectPipelineByAuthority();
        return builder;
    }

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RelayOptions relay)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
        });

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = relay.PollInterval * 3,
            BreakDuration = relay.PollInterval * 4,
        });

        // The breaker does not count the poller's cancellation, so a miner that accepts the connection and never
        // responds would never open it. This attempt timeout turns such a hang into a counted failure.
        pipeline.AddTimeout(relay.MinerTimeout / 2);
    }
}
