using FleetServerless.Cloud.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Tests.Alerts;

/// <summary>Bad alert and channel settings stop the host at start, with the setting named.</summary>
public sealed class AlertConfigurationTests
{
    /// <summary>Settings as "key=value" pairs separated by '|', and the setting the error must name.</summary>
    public static TheoryData<string, string> BadSettings => new()
    {
        { "Notifications:Channels:ops:Type=webhook|Notifications:Channels:ops:Url=http://hooks.example/T000/token|Notifications:Channels:ops:Secret=0123456789abcdef0", "Notifications:Channels:ops:Url" },
        { "Notifications:Channels:ops:Type=pager|Notifications:Channels:ops:Url=https://hooks.example/x", "Notifications:Channels:ops:Type" },
        { "Alerts:Rules:chip-temp-high:Threshold=70|Alerts:Rules:chip-temp-high:ClearThreshold=75", "Alerts:Rules:chip-temp-high" },
        { "Alerts:Sites:north:Rules:ChipTempHigh:Threshold=72", "Alerts:Sites:north:Rules:ChipTempHigh" },
        { "Alerts:Rules:chip-temp-hgh:Threshold=85", "Alerts:Rules:chip-temp-hgh" },
        { "Notifications:Channels:mail:Type=email|Notifications:Channels:mail:SmtpHost=smtp.example|Notifications:Channels:mail:SmtpSecurity=None|Notifications:Channels:mail:From=a@mine.example|Notifications:Channels:mail:To:0=b@mine.example", "Notifications:Channels:mail:SmtpSecurity" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_IsRejectedAtStartNamingIt(string settings, string expectedSetting)
    {
        var pairs = settings.Split('|').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string?>(p[0], p[1]));
        using var host = Build(pairs);

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expectedSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookUrlWithToken_IsNotInTheError()
    {
        using var host = Build(
        [
            new("Notifications:Channels:ops:Type", "slack"),
            new("Notifications:Channels:ops:Url", "http://hooks.example/services/T000/secret-token"),
        ]);

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Notifications:Channels:ops:Url", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackHttpAndGoodThresholds_Start()
    {
        using var host = Build(
        [
            new("Notifications:Channels:ops:Type", "discord"),
            new("Notifications:Channels:ops:Url", "http://127.0.0.5:8080/api/webhooks/1/x"),
            new("Alerts:Sites:north:Rules:chip-temp-high:Threshold", "85"),
            new("Alerts:Sites:north:Rules:chip-temp-high:ClearThreshold", "80"),
        ]);

        await host.StartAsync(TestContext.Current.CancellationToken);

        var options = host.Services.GetRequiredService<IOptions<AlertOptions>>().Value;
        var rule = FleetServerless.Core.Alerts.AlertRuleCatalog.Get("chip-temp-high");
        Assert.Equal(85, AlertRuleSettings.Resolve(options, "north", rule).Threshold);
        Assert.Equal(80, AlertRuleSettings.Resolve(options, "south", rule).Threshold);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Storage:ConnectionString", "UseDevelopmentStorage=true"), .. settings]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfiguration>(builder.Configuration);
        FleetServerless.Cloud.Storage.StorageServiceCollectionExtensions.AddFleetStorage(builder.Services);
        builder.Services.AddAlerts(builder.Configuration);
        return builder.Build();
    }
}
