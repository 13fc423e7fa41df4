using FleetServerless.Cloud.Notifications;
using FleetServerless.Cloud.Storage;
using FleetServerless.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Tests.Notifications;

/// <summary>The notification services over in-memory settings, with every log message captured at trace level.</summary>
internal sealed class NotificationTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public NotificationTestHost(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        // Storage is registered for the queue writer, which these tests never call; the address is Azurite's loopback default.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:ConnectionString", "UseDevelopmentStorage=true"), .. settings])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton(TimeProvider.System);
        services.AddFleetStorage();
        services.AddNotifications();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public CapturedLogs Logs { get; } = new();

    public NotificationDeliveryHandler Handler => _services.GetRequiredService<NotificationDeliveryHandler>();

    public void Dispose() => _services.Dispose();
}
