namespace FleetServerless.Relay.Configuration;

/// <summary>Checks the <c>Relay:Publisher</c> section for <see cref="RelayOptionsValidator"/>.</summary>
internal static class PublisherOptionsValidator
{
    public static void Validate(PublisherOptions publisher, string section, List<string> failures)
    {
        switch (publisher.Kind?.ToLowerInvariant())
        {
            case PublisherOptions.HttpsKind:
                ValidateHttps(publisher, section, failures);
                break;
            case PublisherOptions.EventHubsKind:
                ValidateEventHubs(publisher.EventHubs, $"{section}:EventHubs", failures);
                break;
            default:
                failures.Add($"{section}:Kind '{publisher.Kind}' is invalid. Use https or eventhubs.");
                break;
        }

        if (publisher.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetryAttempts {publisher.MaxRetryAttempts} is out of range. Set it between 0 and 10; the default is 3.");
        }

        if (publisher.RequestTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:RequestTimeout {publisher.RequestTimeout} is too short. Set it to at least 00:00:01; the default is 00:00:30.");
        }

        if (publisher.RetryDelay < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"{section}:RetryDelay {publisher.RetryDelay} is too short. Set it to at least 00:00:00.01; the default is 00:00:02.");
        }
        else if (publisher.MaxRetryDelay < publisher.RetryDelay)
        {
            failures.Add($"{section}:MaxRetryDelay {publisher.MaxRetryDelay} is shorter than {section}:RetryDelay {publisher.RetryDelay}. Raise it; the default is 00:05:00.");
        }
    }

    private static void ValidateHttps(PublisherOptions publisher, string section, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(publisher.IngestUrl))
        {
            failures.Add($"{section}:IngestUrl is missing. Set it to the ingest function's URL, such as https://fleet.example/api/ingest.");
        }
        else if (!Uri.TryCreate(publisher.IngestUrl, UriKind.Absolute, out var url)
                 || url.Scheme is not ("https" or "http")
                 || !string.IsNullOrEmpty(url.Query))
        {
            // The URL is echoed only when it has no query, because a query may carry a key in code=.
            var displayedUrl = publisher.IngestUrl.Contains('?', StringComparison.Ordinal) ? "(value hidden: it has a query)" : $"'{publisher.IngestUrl}'";
            failures.Add($"{section}:IngestUrl {displayedUrl} is invalid. Write an absolute http or https URL without a query, and put the key in {section}:FunctionKey.");
        }
        else if (url.Scheme == "http" && !url.IsLoopback)
        {
            failures.Add($"{section}:IngestUrl '{publisher.IngestUrl}' uses http to a host that is not loopback, which would send the function key in clear text. Use https.");
        }

        if (string.IsNullOrWhiteSpace(publisher.FunctionKey))
        {
            failures.Add($"{section}:FunctionKey is missing. Set it to the ingest function's key, in relay.json or in the environment variable FLEET_RELAY_Publisher__FunctionKey.");
        }
    }

    private static void ValidateEventHubs(EventHubsOptions eventHubs, string section, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(eventHubs.ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(eventHubs.FullyQualifiedNamespace);

        if (hasConnectionString == hasNamespace)
        {
            failures.Add($"{section}: set exactly one of ConnectionString (a send-only connection string) and FullyQualifiedNamespace (used with DefaultAzureCredential).");
        }

        if (hasConnectionString && !eventHubs.ConnectionString!.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{section}:ConnectionString is not an Event Hubs connection string (it has no Endpoint=). Copy it from the hub's shared access policy.");
        }

        var entityInConnectionString = hasConnectionString
            && eventHubs.ConnectionString!.Contains("EntityPath=", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(eventHubs.EventHubName) && !entityInConnectionString)
        {
            failures.Add($"{section}:EventHubName is missing. Set it to the event hub's name, or use a connection string that contains EntityPath.");
        }

        if (hasNamespace && Uri.CheckHostName(eventHubs.FullyQualifiedNamespace) != UriHostNameType.Dns)
        {
            failures.Add($"{section}:FullyQualifiedNamespace '{eventHubs.FullyQualifiedNamespace}' is not a host name. Write it as name.servicebus.windows.net, without sb://.");
        }

        if (eventHubs.MaxBatchSizeBytes is < 1024)
        {
            failures.Add($"{section}:MaxBatchSizeBytes {eventHubs.MaxBatchSizeBytes} is too small. Set it to at least 1024, or leave it empty to use the hub's limit.");
        }
    }
}
