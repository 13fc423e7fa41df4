using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Simulator.Pools;

/// <summary>
/// Simulated pools and profitability sources on one loopback port, each under its own path prefix:
/// <c>/ws</c> (Prohashing WAMP), <c>/prohashing/api/v1/</c>, <c>/proxy/</c>, <c>/viabtc/res/openapi/v1/</c>,
/// <c>/blockchair/</c>, <c>/coingecko/api/v3/</c> and <c>/whattomine/</c>. Faults are set per source on command.
/// </summary>
public sealed class PoolSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SimulatedFault> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private PoolSimulator(WebApplication app, PoolSimulatorSettings settings, ProhashingData data)
    {
        _app = app;
        Settings = settings;
        Data = data;
        Router = new WampRouter(settings, data, () => FaultOf(SimulatedSource.Wamp));
    }

    public PoolSimulatorSettings Settings { get; }

    /// <summary>The WAMP router: stall a procedure, drop sessions, publish diffs.</summary>
    public WampRouter Router { get; }

    /// <summary>The simulator's address, <c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri WampUrl => new($"ws://127.0.0.1:{BaseUrl.Port}/ws");

    public Uri ProhashingRestUrl => new(BaseUrl, "prohashing/api/v1/");

    public Uri ProxyUrl => new(BaseUrl, "proxy/");

    public Uri ViaBtcUrl => new(BaseUrl, "viabtc/res/openapi/v1/");

    public Uri BlockchairUrl => new(BaseUrl, "blockchair/");

    public Uri CoinGeckoUrl => new(BaseUrl, "coingecko/api/v3/");

    public Uri WhatToMineUrl => new(BaseUrl, "whattomine/");

    internal ProhashingData Data { get; }

    /// <summary>Starts the simulator on 127.0.0.1 at <see cref="PoolSimulatorSettings.Port"/> (0 picks a free port).</summary>
    public static async Task<PoolSimulator> StartAsync(PoolSimulatorSettings? settings = null, ILoggerProvider? logs = null, TimeProvider? time = null)
    {
        settings ??= new PoolSimulatorSettings();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, settings.Port));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var app = builder.Build();
        var simulator = new PoolSimulator(app, settings, new ProhashingData(settings, time ?? TimeProvider.System));
        app.UseWebSockets();
        app.Map("/ws", simulator.Router.HandleAsync);
        ProhashingRoutes.Map(app, simulator);
        ViaBtcRoutes.Map(app, simulator);
        NetworkSourceRoutes.Map(app, simulator);

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var address = addresses.Addresses.First();
        simulator.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return simulator;
    }

    /// <summary>
    /// Returns cloud-side settings (configuration paths) that point every network source, and the chosen pool
    /// provider, at this simulator. <paramref name="provider"/> is <c>none</c> (network estimate only, the demo's
    /// default), <c>prohashing</c> or <c>viabtc</c>; <paramref name="prohashingSource"/> is <c>Wamp</c>, <c>Rest</c>
    /// or <c>Proxy</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> CloudSettings(string provider = "none", string prohashingSource = "Wamp") =>
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Pools:Provider"] = provider,
            ["Pools:Prohashing:Source"] = prohashingSource,
            ["Pools:Prohashing:WampUrl"] = WampUrl.ToString(),
            ["Pools:Prohashing:RestBaseUrl"] = ProhashingRestUrl.ToString(),
            ["Pools:Prohashing:ProxyBaseUrl"] = ProxyUrl.ToString(),
            ["Pools:Prohashing:ApiKey"] = Settings.ProhashingApiKey,
            ["Pools:ViaBtc:BaseUrl"] = ViaBtcUrl.ToString(),
            ["Pools:ViaBtc:ApiKey"] = Settings.ViaBtcApiKey,
            ["Profitability:Network:BlockchairBaseUrl"] = BlockchairUrl.ToString(),
            ["Profitability:Network:CoinGeckoBaseUrl"] = CoinGeckoUrl.ToString(),
            ["Profitability:Network:WhatToMineBaseUrl"] = WhatToMineUrl.ToString(),
        };

    /// <summary>The uuid the WAMP side and REST <c>walletEx</c> give a worker's n-th connection (from 0).</summary>
    public static string ConnectionUuid(string workerName, int connection) => ProhashingData.Uuid(workerName, connection);

    /// <summary>Sets the fault a source shows from its next request on; <see cref="SimulatedFault.None"/> clears it.</summary>
    public void SetFault(string source, SimulatedFault fault)
    {
        if (!SimulatedSource.All.Contains(source))
        {
            throw new ArgumentException($"Unknown simulated source '{source}'. Use one of: {string.Join(", ", SimulatedSource.All)}.", nameof(source));
        }

        _faults[source] = fault;
    }

    public SimulatedFault FaultOf(string source) => _faults.GetValueOrDefault(source, SimulatedFault.None);

    /// <summary>HTTP requests a source received since start.</summary>
    public int RequestCount(string source) => _requests.GetValueOrDefault(source);

    internal SimulatedFault CountRequest(string source)
    {
        _requests.AddOrUpdate(source, 1, (_, count) => count + 1);
        return FaultOf(source);
    }

    /// <summary>
    /// Applies the faults every HTTP source shares (throttle, server error, HTML, stall) and returns true when
    /// the response is already written.
    /// </summary>
    internal async Task<bool> WriteCommonFaultAsync(HttpContext context, SimulatedFault fault, int throttleStatus = StatusCodes.Status429TooManyRequests)
    {
        switch (fault)
        {
            case SimulatedFault.Throttle:
                context.Response.StatusCode = throttleStatus;
                context.Response.Headers.RetryAfter = Settings.ThrottleRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new { error = "Too many requests", code = throttleStatus });
                return true;
            case SimulatedFault.ServerError:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("Service temporarily unavailable");
                return true;
            case SimulatedFault.Html:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Down for maintenance</body></html>");
                return true;
            case SimulatedFault.Stall:
                using (var stall = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, stall.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up or the simulator is stopping.
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
