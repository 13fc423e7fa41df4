using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Configuration;

/// <summary>
/// Validates the whole <c>Relay</c> section at start. Every message names the setting by its configuration
/// path (<c>Relay:Miners:2:Host</c>) and states how to fix it.
/// </summary>
public sealed class RelayOptionsValidator : IValidateOptions<RelayOptions>
{
    private const string Section = RelayOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns every problem of the options; an empty list means they are valid.</summary>
    public static IReadOnlyList<string> Collect(RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        ValidateKey(options.SiteId, $"{Section}:SiteId", "the mine's name, such as \"site-1\"", failures);
        ValidateKey(options.RelayId, $"{Section}:RelayId", "this relay's name, such as \"relay-1\"", failures);
        ValidateTiming(options, failures);
        ValidateMiners(options, failures);
        ValidateOutbox(options.Outbox, failures);
        PublisherOptionsValidator.Validate(options.Publisher, $"{Section}:Publisher", failures);

        return failures;
    }

    private static void ValidateKey(string value, string setting, string example, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is missing. Set it to {example}.");
        }
        else if (value.Length > 200 || value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            failures.Add($"{setting} '{value}' is invalid. Use at most 200 letters, digits, ':', '-', '_' or '.'.");
        }
    }

    private static void ValidateTiming(RelayOptions options, List<string> failures)
    {
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:PollInterval {options.PollInterval} is out of range. Set it between 00:00:01 and 01:00:00 (hh:mm:ss); the default is 00:00:30.");
        }

        if (options.MinerTimeout < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{Section}:MinerTimeout {options.MinerTimeout} is too short. Set it to at least 00:00:00.1 (100 ms); the default is 00:00:10.");
        }
        else if (options.MinerTimeout >= options.PollInterval)
        {
            failures.Add($"{Section}:MinerTimeout {options.MinerTimeout} is not shorter than {Section}:PollInterval {options.PollInterval}. Lower the timeout or raise the interval.");
        }

        if (options.MaxParallelPolls is < 1 or > 4096)
        {
            failures.Add($"{Section}:MaxParallelPolls {options.MaxParallelPolls} is out of range. Set it between 1 and 4096; the default is 64.");
        }
    }

    private static void ValidateMiners(RelayOptions options, List<string> failures)
    {
        PollAllowlist? allowlist = null;
        for (var i = 0; i < options.PollAllowlist.Count; i++)
        {
            try
            {
                PollAllowlist.ParseNetwork(options.PollAllowlist[i]);
            }
            catch (FormatException ex)
            {
                failures.Add($"{Section}:PollAllowlist:{i} {ex.Message}");
            }
        }

        if (!failures.Any(f => f.StartsWith($"{Section}:PollAllowlist", StringComparison.Ordinal)))
        {
            allowlist = PollAllowlist.FromOptions(options);
        }

        if (options.Miners.Count == 0)
        {
            failures.Add($"{Section}:Miners is empty. Add at least one miner with a Name and a Host, such as {{ \"Name\": \"l7-01\", \"Host\": \"127.0.0.2\" }}.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Miners.Count; i++)
        {
            var setting = $"{Section}:Miners:{i}";
            var miner = options.Miners[i];
            if (miner is null)
            {
                failures.Add($"{setting} is empty. Give each miner at least a Name and a Host.");
                continue;
            }

            ValidateMinerAttributes(miner, setting, failures);

            if (!string.IsNullOrWhiteSpace(miner.Name) && !names.Add(miner.Name))
            {
                failures.Add($"{setting}:Name '{miner.Name}' is used by another miner. Give each miner its own name.");
            }

            if (miner.Api is not ("auto" or "web" or "tcp"))
            {
                failures.Add($"{setting}:Api '{miner.Api}' is invalid. Use auto, web or tcp.");
            }

            if (string.IsNullOrWhiteSpace(miner.Host))
            {
                continue;
            }

            ValidateMinerHost(miner, setting, allowlist, failures);
        }
    }

    private static void ValidateMinerAttributes(MinerOptions miner, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(miner.Name))
        {
            failures.Add($"{setting}:Name is missing. Give the miner a name for logs, such as \"l7-01\".");
        }

        if (string.IsNullOrWhiteSpace(miner.Host))
        {
            failures.Add($"{setting}:Host is missing. Set it to the miner's IP address, such as 127.0.0.2.");
        }

        // The remaining data annotations (ranges) give their own messages; Name and Host are reported above.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(miner, new ValidationContext(miner), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.Where(m => m is not (nameof(MinerOptions.Name) or nameof(MinerOptions.Host))))
            {
                failures.Add($"{setting}:{member} is invalid: {result.ErrorMessage}");
            }
        }
    }

    private static void ValidateMinerHost(MinerOptions miner, string setting, PollAllowlist? allowlist, List<string> failures)
    {
        if (MinerAddress.GetHostName(miner.Host) is null)
        {
            failures.Add($"{setting}:Host '{miner.Host}' is not a valid address. Write a host name or IP address with an optional port, such as 127.0.0.2 or 127.0.0.2:8080, without http://.");
            return;
        }

        var addresses = MinerAddress.Resolve(miner.Host);
        if (addresses.Count == 0)
        {
            failures.Add($"{setting}:Host '{miner.Host}' could not be resolved, so it cannot be checked against {Section}:PollAllowlist. Use the miner's IP address or fix its DNS name.");
            return;
        }

        if (allowlist is null)
        {
            return;
        }

        var outside = addresses.FirstOrDefault(a => !allowlist.Contains(a));
        if (outside is not null)
        {
            failures.Add($"{setting}:Host '{miner.Host}' ({outside}) is outside {Section}:PollAllowlist. Add its network to the allowlist or correct the address.");
        }
    }

    private static void ValidateOutbox(OutboxOptions outbox, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(outbox.Path))
        {
            failures.Add($"{Section}:Outbox:Path is missing. Set it to a file path such as outbox.db.");
        }
        else if (outbox.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Section}:Outbox:Path '{outbox.Path}' contains characters that are not allowed in a path.");
        }

        if (outbox.MaxSizeBytes < 1024 * 1024)
        {
            failures.Add($"{Section}:Outbox:MaxSizeBytes {outbox.MaxSizeBytes} is too small. Set it to at least 1048576 (1 MiB); the default is 268435456 (256 MiB).");
        }
    }
}
