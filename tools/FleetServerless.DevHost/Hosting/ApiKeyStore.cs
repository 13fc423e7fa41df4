using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FleetServerless.DevHost.Hosting;

/// <summary>The DevHost's function key: from configuration, else from its key file, else generated into that file.</summary>
public sealed class ApiKeyStore
{
    public ApiKeyStore(IOptions<DevHostOptions> options)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            ApiKey = settings.ApiKey;
            return;
        }

        KeyFile = settings.ResolveApiKeyFile();
        if (File.Exists(KeyFile))
        {
            ApiKey = File.ReadAllText(KeyFile).Trim();
            if (ApiKey.Length >= 16)
            {
                return;
            }
        }

        ApiKey = Base64Url(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(KeyFile))!);
        File.WriteAllText(KeyFile, ApiKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Generated = true;
    }

    public string ApiKey { get; }

    /// <summary>The file the key came from or went to; null when it came from configuration.</summary>
    public string? KeyFile { get; }

    /// <summary>True when this process generated the key, so it is shown to the operator once.</summary>
    public bool Generated { get; }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
