using Microsoft.Playwright;

namespace FleetServerless.Dashboard.Tests;

/// <summary>
/// Debian's Chromium, started headless through Playwright with a fresh profile and every background service
/// off, so it connects to nothing but the pages a test opens. Disposing it closes the browser and deletes the
/// profile.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian installs Chromium (package <c>chromium</c>).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>Starts Chromium, or skips the calling test with the reason when it is not installed.</summary>
    public static async Task<HeadlessChromium> StartAsync(int viewportWidth = 412, int viewportHeight = 915)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Skip($"Chromium is not installed at {ExecutablePath}; install Debian's 'chromium' package (apt-get install chromium).");
        }

        var profile = Path.Combine(Path.GetTempPath(), "fleet-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            // A persistent context is how Playwright takes --user-data-dir: here a new, empty folder per run.
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = viewportWidth, Height = viewportHeight },
                IsMobile = false,
                Timeout = 60_000,
            });
            return new HeadlessChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>The folder screenshots go to: <c>TestResults/dashboard</c> under the test output folder.</summary>
    public static string ArtifactFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the folder is in the temp directory.
        }
    }
}
