using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace FleetServerless.Dashboard.Tests;

public sealed class DashboardPageTests
{
    private static readonly string[] MinerIds = ["m01", "m02", "m03", "m04", "m05", "m06"];

    [Fact]
    public async Task Dashboard_WithKey_ShowsFleetChartsAndFailedBoard()
    {
        await using var fleet = await DashboardFleet.StartAsync();
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        var problems = CollectProblems(page);
        var expected = await ReadFleetAsync(fleet);

        var response = await page.GotoAsync($"{fleet.DashboardAddress}?code={Uri.EscapeDataString(DashboardFleet.ApiKey)}");
        await WaitForDataAsync(page);

        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        Assert.Equal(DashboardFleet.MinersTotal, expected.MinersTotal);
        Assert.Equal(DashboardFleet.MinersMining, expected.MinersMining);
        Assert.Equal($"{expected.MinersMining} of {expected.MinersTotal}", await TileValueAsync(page, "miners"));
        Assert.Equal(FormatGigahash(expected.HashrateHps), await TileValueAsync(page, "hashrate"));
        Assert.Equal("44.33 GH/s", await TileValueAsync(page, "hashrate"));
        Assert.Contains("% of", await page.InnerTextAsync("[data-tile=hashrate] .tile-detail"));
        Assert.Equal("17.3 kW", await TileValueAsync(page, "power"));
        Assert.Equal("71.0 °C", await TileValueAsync(page, "hottest"));
        Assert.Equal("unknown", await TileValueAsync(page, "profit"));
        Assert.Equal(6, await page.Locator("#miners tbody tr").CountAsync());

        foreach (var chart in new[] { "hashrate", "temperature", "power" })
        {
            var box = page.Locator($"#fleet-charts [data-chart={chart}]");
            var points = int.Parse(await box.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
            Assert.True(points > 0, $"The {chart} chart plotted no point.");
            Assert.True(await CanvasHasInkAsync(box), $"The {chart} chart's canvas is blank.");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactFolder(), "fleet.png"), FullPage = true });

        await page.ClickAsync($"#miners a[href='#miner/{DashboardFleet.FailedBoardMiner}']");
        await page.WaitForSelectorAsync("#boards tbody tr[data-board-id='2']");
        await WaitForDataAsync(page);

        Assert.Equal(DashboardFleet.FailedBoardMiner, await page.InnerTextAsync("#miner-title"));
        Assert.Equal("failed", await page.GetAttributeAsync("#boards tbody tr[data-board-id='2']", "data-health"));
        Assert.Equal("ok", await page.GetAttributeAsync("#boards tbody tr[data-board-id='1']", "data-health"));
        Assert.Contains("chain 2 lost", await page.InnerTextAsync("#boards tbody tr[data-board-id='2']"));
        Assert.True(await CanvasHasInkAsync(page.Locator("#miner-charts [data-chart=hashrate]")), "The miner's hashrate chart is blank.");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactFolder(), "miner.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(HeadlessChromium.ArtifactFolder(), "miner.png")));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Dashboard_RangeButtons_RedrawFromLongerHistory()
    {
        await using var fleet = await DashboardFleet.StartAsync();
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        await page.GotoAsync($"{fleet.DashboardAddress}?code={Uri.EscapeDataString(DashboardFleet.ApiKey)}");
        await WaitForDataAsync(page);
        var history = page.WaitForResponseAsync(r => r.Url.Contains("fleet/history", StringComparison.Ordinal) && r.Url.Contains("interval=hour", StringComparison.Ordinal));

        await page.ClickAsync(".ranges[data-target=fleet] button[data-range='30d']");
        var response = await history;

        Assert.Equal(200, response.Status);
        Assert.Equal("true", await page.GetAttributeAsync(".ranges[data-target=fleet] button[data-range='30d']", "aria-pressed"));
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#fleet-charts [data-chart=hashrate]')?.dataset.points) > 0");
    }

    [Fact]
    public async Task Dashboard_WithoutKey_RendersNoData()
    {
        await using var fleet = await DashboardFleet.StartAsync();
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();

        var anonymous = await page.GotoAsync(fleet.DashboardAddress.ToString());
        var anonymousText = await page.ContentAsync();

        Assert.Equal(401, anonymous!.Status);
        Assert.DoesNotContain("<script", anonymousText, StringComparison.OrdinalIgnoreCase);
        AssertNoFleetData(anonymousText, "the 401 answer");

        await page.GotoAsync($"{fleet.DashboardAddress}?code={Uri.EscapeDataString(DashboardFleet.ApiKey)}");
        await WaitForDataAsync(page);
        await page.ClickAsync("#forget-key");

        Assert.True(await page.IsVisibleAsync("#key-panel"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('fleetserverless.functionsKey')"));
        AssertNoFleetData(await page.InnerTextAsync("body"), "the page after the key was forgotten");
        Assert.Equal(0, await page.Locator("[data-tile]").CountAsync());

        await page.FillAsync("#key-input", "wrong-key-0123456789");
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('key-message').textContent.includes('rejected')");

        AssertNoFleetData(await page.InnerTextAsync("body"), "the page with a wrong key");
        Assert.Equal(0, await page.Locator("#miners tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("canvas").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactFolder(), "no-key.png") });
    }

    private static void AssertNoFleetData(string text, string where)
    {
        foreach (var minerId in MinerIds)
        {
            Assert.False(text.Contains(minerId, StringComparison.Ordinal), $"{where} shows miner {minerId}.");
        }

        Assert.False(text.Contains(DashboardFleet.SiteId, StringComparison.Ordinal), $"{where} shows the site id.");
        Assert.False(text.Contains("GH/s", StringComparison.Ordinal), $"{where} shows a hashrate.");
    }

    /// <summary>Records console errors, failed requests and CSP violations; a correct page has none.</summary>
    private static List<string> CollectProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add("request outside loopback: " + request.Url);
            }
        };
        return problems;
    }

    private static Task WaitForDataAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.loaded === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

    private static async Task<string> TileValueAsync(IPage page, string tile) =>
        (await page.InnerTextAsync($"[data-tile={tile}] .tile-value")).Trim();

    /// <summary>Whether any pixel of the chart's canvas is drawn (not fully transparent).</summary>
    private static Task<bool> CanvasHasInkAsync(ILocator chart) =>
        chart.Locator("canvas").EvaluateAsync<bool>(
            "canvas => { const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data; " +
            "for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; } return false; }");

    private static string FormatGigahash(double hps) => (hps / 1e9).ToString("N2", CultureInfo.InvariantCulture) + " GH/s";

    private static async Task<(int MinersTotal, int MinersMining, double HashrateHps)> ReadFleetAsync(DashboardFleet fleet)
    {
        using var client = new HttpClient { BaseAddress = fleet.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", DashboardFleet.ApiKey);
        using var response = await client.GetAsync("api/fleet", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overall = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("overall");
        return (overall.GetProperty("minersTotal").GetInt32(), overall.GetProperty("minersMining").GetInt32(), overall.GetProperty("hashrateRealtimeHps").GetDouble());
    }
}
