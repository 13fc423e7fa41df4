using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost;

/// <summary>A started DevHost. Disposing it stops the server and its timers and queue readers.</summary>
public sealed class RunningDevHost(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    /// <summary>The address it listens on, such as <c>http://127.0.0.1:51234/</c>; routes are under <c>api/</c>.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The function key every route but health requires.</summary>
    public string ApiKey => Services.GetRequiredService<ApiKeyStore>().ApiKey;

    public IServiceProvider Services => App.Services;

    /// <summary>Runs timer functions by name, without waiting for their schedules.</summary>
    public FunctionRunner Functions => Services.GetRequiredService<FunctionRunner>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
