using System.Globalization;
using Microsoft.Playwright;
using OrleansPortal.Benchmarks.Fleet;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.FirstPaint;

/// <summary>
/// How soon each page shows something on a phone: the real app in its own process on PostgreSQL, Debian's Chromium at
/// 390x844 with the CPU slowed 4x through the DevTools protocol (a mid-range phone against this machine), each page loaded
/// cold (a new browser context: empty cache) N times (default 5), the first-contentful-paint entry read from the page's
/// Performance API. Office pages are loaded signed in as the company's dispatcher; the others as a visitor sees them first.
/// Target (issue 12): first paint under 1 s on a phone-sized viewport.
/// </summary>
internal static class FirstPaintBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int CpuSlowdown = 4;

    private static readonly (string Path, bool SignedIn)[] Pages =
    [
        ("/login/", false), ("/portal/", false), ("/tech/", false),
        ("/dispatch/", true), ("/office/customers/", true), ("/office/technicians/", true), ("/office/planning/", true),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        await using var app = await AppProcess.StartAsync(webRoot: Path.Combine(Repository.Root(), "src", "Web", "wwwroot"));
        await app.WaitForStartUpWorkAsync();
        using var http = new HttpClient { BaseAddress = app.Url };
        var api = new FleetApi(http, app.AdminKey);
        var cookie = await api.SignInAsync(await api.CreateCompanyAsync("Benchmark First Paint"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });

        var medians = new List<(string Path, double Ms)>();
        foreach (var (path, signedIn) in Pages)
        {
            var paints = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var paint = await FirstPaintAsync(browser, app.Url, path, signedIn ? cookie : null);
                if (run > 0) paints.Add(paint); // the first load of each page warms the server's side of it, not measured
            }
            paints.Sort();
            var median = paints[paints.Count / 2];
            medians.Add((path, median));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: first paint median {median:F0} ms, min {paints[0]:F0}, max {paints[^1]:F0} ({runs} cold loads)"));
        }

        var worst = medians.MaxBy(m => m.Ms);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first-paint {worst.Ms:F0} ms worst page median ({worst.Path}; 390x844, CPU {CpuSlowdown}x slower, cold cache, {medians.Count} pages x {runs} loads)"));
        return 0;
    }

    private static async Task<double> FirstPaintAsync(IBrowser browser, Uri app, string path, string? cookie)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = app.ToString(), IsMobile = true, HasTouch = true });
        if (cookie is not null)
        {
            var (name, value) = (cookie[..cookie.IndexOf('=')], cookie[(cookie.IndexOf('=') + 1)..]);
            await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ToString() }]);
        }
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = CpuSlowdown });
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        // Read from here, polling: the page's Content-Security-Policy refuses evaluated strings in WaitForFunction.
        for (var waited = 0; waited < 100; waited++)
        {
            var paint = await page.EvaluateAsync<double>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
            if (paint >= 0) return paint;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"{path} painted nothing within 10 s of loading.");
    }
}
