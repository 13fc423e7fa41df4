namespace FleetServerless.DevHost.Hosting;

/// <summary>Prints a newly generated key once, to the console only, so it never reaches a log sink.</summary>
internal sealed class ApiKeyAnnouncement(ApiKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Generated)
        {
            Console.WriteLine($"DevHost function key generated and stored in {keys.KeyFile}:");
            Console.WriteLine($"  {keys.ApiKey}");
            Console.WriteLine("Send it as the 'x-functions-key' header or the 'code' query parameter.");
        }
        else if (keys.KeyFile is not null)
        {
            Console.WriteLine($"DevHost function key: stored in {keys.KeyFile}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
