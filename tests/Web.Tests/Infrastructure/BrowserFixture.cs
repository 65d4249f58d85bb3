using Microsoft.Playwright;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole "Browser" collection, driven by Playwright; each test opens its own context
/// (cookies, storage, cache), so tests stay independent while paying for one browser start.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Debian's chromium: Playwright's own browser download cannot work on these machines, so it is never used.
    private const string ChromiumPath = "/usr/bin/chromium";

    // No sandbox (the tests may run as root), no GPU, and nothing that calls out to the internet on its own.
    // Playwright launches with a fresh temporary profile (user data dir) each time and deletes it on close.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    /// <summary>
    /// How long an assertion waits for the page to show what it expects. Playwright's 5 s is for a quiet machine; the
    /// test run shares two cores between the app, Chromium and other test classes, and a sign-in's password check or a
    /// SignalR handshake has been seen to take longer there. A page that never shows it still fails, only later.
    /// </summary>
    private const float ExpectTimeoutMs = 15_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does when it runs as root).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh context in which relative URLs such as "/smoke/" resolve against <paramref name="app"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri app) => Browser.NewContextAsync(new() { BaseURL = app.ToString() });

    /// <summary>
    /// Saves a full-page screenshot as {name}.png in $ORLEANSPORTAL_TEST_SCREENSHOTS, or else in "screenshots" next to
    /// the test assembly, so a failing or doubtful page can be looked at afterwards.
    /// </summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = ArtifactPath(name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Where a test keeps something to be looked at afterwards (a screenshot, a generated PDF): the screenshots' directory.</summary>
    public static string ArtifactPath(string fileName)
    {
        var directory = Environment.GetEnvironmentVariable("ORLEANSPORTAL_TEST_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
