using Xunit;
using FleetServerless.DevHost.Local;

namespace FleetServerless.Testing;

/// <summary>
/// The Azurite instance tests share: the one the test command started (its connection string in
/// <c>FLEET_TEST_STORAGE</c>), else one this process starts from the repository's <c>node_modules</c>.
/// </summary>
/// <remarks>
/// A test that needs storage calls <see cref="RequireConnectionStringAsync"/>; without Azurite the test is
/// reported skipped with the reason, never passed. Tests isolate their data with <see cref="UniqueName"/>.
/// </remarks>
public static class TestStorage
{
    /// <summary>The environment variable the test command sets to the shared Azurite's connection string.</summary>
    public const string ConnectionStringVariable = "FLEET_TEST_STORAGE";

    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static AzuriteProcess? _ownAzurite;
    private static string? _skipReason;

    /// <summary>Returns the Azurite connection string, or skips the calling test when Azurite cannot run.</summary>
    public static async Task<string> RequireConnectionStringAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        await StartLock.WaitAsync();
        try
        {
            if (_ownAzurite is null && _skipReason is null)
            {
                await StartOwnAzuriteAsync();
            }
        }
        finally
        {
            StartLock.Release();
        }

        if (_ownAzurite is null)
        {
            Assert.Skip(_skipReason ?? "Azurite is not available.");
        }

        return _ownAzurite.ConnectionString;
    }

    /// <summary>A table- and queue-safe name unique to this call: a letter, then lower-case letters and digits.</summary>
    public static string UniqueName(string prefix = "t")
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        return clean[..Math.Min(clean.Length, 20)] + Guid.NewGuid().ToString("N")[..12];
    }

    private static async Task StartOwnAzuriteAsync()
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null || AzuriteProcess.FindEntryScript(root) is null)
        {
            _skipReason = "Azurite is not installed: run 'npm ci' in the repository root, or use the README's test command.";
            return;
        }

        try
        {
            _ownAzurite = await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60), CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _ownAzurite.DisposeAsync().AsTask().Wait();
        }
        catch (InvalidOperationException ex)
        {
            _skipReason = $"Azurite could not start: {ex.Message}";
        }
    }
}
