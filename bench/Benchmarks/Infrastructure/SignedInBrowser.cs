using Microsoft.Playwright;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, at an office screen's 1440x900, signed in with the dispatcher's cookie and with a
/// measuring script (an embedded resource) installed before the page's own: the browser side of the page benchmarks.
/// Script errors on the page are kept in <see cref="Errors"/>.
/// </summary>
internal sealed class SignedInBrowser : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private SignedInBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.PageError += (_, e) => Errors.Add(e);
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <param name="cookie">The auth cookie, "name=value".</param>
    /// <param name="script">The logical name of the embedded init script.</param>
    public static async Task<SignedInBrowser> OpenAsync(Uri app, string cookie, string script)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = app.ToString() });
        var (name, value) = (cookie[..cookie.IndexOf('=')], cookie[(cookie.IndexOf('=') + 1)..]);
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ToString() }]);
        await context.AddInitScriptAsync(script: ReadEmbedded(script));
        return new SignedInBrowser(playwright, browser, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(SignedInBrowser).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
