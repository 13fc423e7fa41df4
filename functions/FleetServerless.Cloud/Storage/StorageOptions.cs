using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Storage;

/// <summary>Where the cloud side keeps its tables and queues.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>
    /// A storage account connection string (Azurite's for local runs). Default: none. Either this or
    /// <see cref="TableServiceUri"/> must be set.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The table service endpoint (<c>https://account.table.core.windows.net</c>), used with managed identity
    /// when <see cref="ConnectionString"/> is empty. Default: none.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The queue service endpoint for managed identity; default: none (queues then need the connection string).</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>
    /// Prepended to every table name, so tests and several deployments can share one account.
    /// Letters and digits, starting with a letter; default <c>fleet</c> (tables <c>fleetLatest</c>, <c>fleetSamples</c>…).
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$",
        ErrorMessage = "Storage:TablePrefix must start with a letter and hold 1 to 40 letters or digits.")]
    public string TablePrefix { get; set; } = "fleet";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && TableServiceUri is null)
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is missing. Set it to the storage account's connection string (or Azurite's), " +
                "or set Storage:TableServiceUri to use managed identity.",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        }
    }
}
