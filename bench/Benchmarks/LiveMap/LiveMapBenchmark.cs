using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OrleansPortal.Benchmarks.Fleet;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.LiveMap;

/// <summary>
/// The dispatcher's live map at fleet scale, in a real browser: the real app in its own process on PostgreSQL (fsync
/// on), a company of 5,000 technicians (by default) each pinging every 5 s through the ping API, and the dashboard
/// (/dispatch/) open in Debian's Chromium at 1440x900 for 60 s, measured from inside the page by page-metrics.js:
/// frame rate, main-thread long tasks per second, position lag (fix time to drawn), DOM nodes from the first snapshot
/// to the end, and one mouse-wheel zoom at the end. Arguments: [technicians] [--seconds S].
/// Targets (issue 12): 30 fps or more, long tasks under 100 ms/s, lag p95 under 500 ms, DOM growth 0, zoom under 500 ms.
/// </summary>
internal static class LiveMapBenchmark
{
    private static readonly TimeSpan SettleAfterSnapshot = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var technicians = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var seconds = Option(args, "--seconds", 60);

        await using var app = await AppProcess.StartAsync(webRoot: WebRoot());
        await app.WaitForStartUpWorkAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Url, Timeout = TimeSpan.FromMinutes(2) };
        var api = new FleetApi(http, app.AdminKey);
        var cookie = await api.SignInAsync(await api.CreateCompanyAsync("Benchmark Live Map"));
        var clock = Stopwatch.StartNew();
        var tokens = new string[technicians];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < technicians; i = Interlocked.Increment(ref next))
                tokens[i] = await api.IssueTokenAsync(cookie, await api.CreateTechnicianAsync(cookie, $"Tech {i + 1:D4}", default), default);
        })));
        await api.PingOnceAsync(tokens);
        Console.WriteLine($"{technicians:N0} technicians with a device token and a first ping in {clock.Elapsed.TotalSeconds:F1} s");

        await using var traffic = new FleetTraffic(http, tokens);
        traffic.Start();

        await using var browser = await SignedInBrowser.OpenAsync(app.Url, cookie, "OrleansPortal.Benchmarks.LiveMap.page-metrics.js");
        var page = browser.Page;
        var errors = browser.Errors;

        clock.Restart();
        await page.GotoAsync("/dispatch/");
        // Polled from here: WaitForFunction evaluates a string in the page, which its Content-Security-Policy forbids.
        while (await page.EvaluateAsync<double>("window.__bench.snapshotAt") == 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new InvalidOperationException("The dashboard received no snapshot within 2 minutes.");
            await Task.Delay(100);
        }
        Console.WriteLine($"dashboard open, snapshot received after {clock.Elapsed.TotalMilliseconds:F0} ms; settling {SettleAfterSnapshot.TotalSeconds:0} s");
        await Task.Delay(SettleAfterSnapshot);

        var nodesAtStart = await page.EvaluateAsync<int>("window.__bench.nodes()");
        var sentBefore = traffic.Sent;
        await page.EvaluateAsync("window.__bench.measuring = true");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await page.EvaluateAsync("window.__bench.measuring = false");
        var sent = traffic.Sent - sentBefore;
        using var measured = JsonDocument.Parse(await page.EvaluateAsync<string>(
            "JSON.stringify({ frames: __bench.frames, longTaskMs: __bench.longTaskMs, longTasks: __bench.longTasks, lags: __bench.lags, nodes: __bench.nodes() })"));
        var root = measured.RootElement;
        var fps = root.GetProperty("frames").GetDouble() / seconds;
        var longTasksPerSecond = root.GetProperty("longTaskMs").GetDouble() / seconds;
        var lags = root.GetProperty("lags").EnumerateArray().Select(l => l.GetDouble()).Order().ToArray();
        var nodesAtEnd = root.GetProperty("nodes").GetInt32();

        var zoomMs = await WheelZoomAsync(page);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pings: {sent / (double)seconds:F0}/s sent while measuring ({technicians / FleetTraffic.Period.TotalSeconds:F0}/s asked), {traffic.Refused} refused, {traffic.Skipped} ticks skipped"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"positions drawn: {lags.Length:N0}; lag p50 {Percentile(lags, 0.50):F0} ms, p95 {Percentile(lags, 0.95):F0} ms, max {(lags.Length > 0 ? lags[^1] : double.NaN):F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"long tasks: {root.GetProperty("longTasks").GetInt32()} in {seconds} s; DOM nodes {nodesAtStart:N0} -> {nodesAtEnd:N0}; script errors: {errors.Count}"));
        foreach (var error in errors.Take(3)) Console.WriteLine($"  {error}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live-map {fps:F1} fps, long tasks {longTasksPerSecond:F0} ms/s, lag p95 {Percentile(lags, 0.95):F0} ms, dom growth {nodesAtEnd - nodesAtStart} nodes, wheel zoom {zoomMs} ms ({technicians} technicians every {FleetTraffic.Period.TotalSeconds:0} s, {seconds} s)"));
        return 0;
    }

    private static async Task<string> WheelZoomAsync(IPage page)
    {
        var map = await page.Locator(".leaflet-container").First.BoundingBoxAsync();
        if (map is null) return "n/a (no map shown)";
        await page.Mouse.MoveAsync(map.X + map.Width / 2, map.Y + map.Height / 2);
        var zoom = page.EvaluateAsync<double>("window.__bench.wheelZoom()");
        await page.Mouse.WheelAsync(0, -240);
        try
        {
            return (await zoom).ToString("F0", CultureInfo.InvariantCulture);
        }
        catch (PlaywrightException e)
        {
            return $"n/a ({e.Message.Split('\n')[0]})";
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string WebRoot() => Path.Combine(Repository.Root(), "src", "Web", "wwwroot");

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
