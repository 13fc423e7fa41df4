using Azure;

namespace FleetServerless.Cloud.Http;

/// <summary>
/// Recognizes the error the Azure SDK throws when Table Storage cannot be reached at all: after its own retries
/// it throws an <see cref="AggregateException"/> of <see cref="RequestFailedException"/>s (status 0), not a single one.
/// </summary>
public static class StorageUnreachable
{
    public static bool Matches(AggregateException exception) =>
        exception.InnerExceptions.Count > 0 && exception.InnerExceptions.All(e => e is RequestFailedException);
}
