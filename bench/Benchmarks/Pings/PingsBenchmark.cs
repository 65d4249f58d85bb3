using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// HTTP ping ingestion against the real app (its own process, PostgreSQL with fsync on, started by bench/run):
/// 10,000 technicians, JSON batches of 100 pings from 32 concurrent senders, a dashboard connected to the live-map
/// hub receiving the fan-out. Measures (1) the Kestrel baseline: the same batches to an endpoint that does nothing;
/// (2) the most pings/s ingestion sustains; (3) latency from a ping being accepted to the dashboard receiving it,
/// at a steady 2,000 pings/s.
/// </summary>
internal static class PingsBenchmark
{
    private const int Technicians = 10_000;
    private const int Senders = 32;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args, bool baselineOnly)
    {
        var server = new Uri(Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_URL") ?? throw new InvalidOperationException("Run this through bench/run."));
        var adminKey = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_ADMIN_KEY")!;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders * 2 }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var fleet = await PingFleet.CreateAsync(http, adminKey, Technicians, line => Console.WriteLine($"  {line} ({clock.Elapsed.TotalSeconds:F0} s)"));
        var batches = new PingBatches(fleet.Tokens);

        var baseline = await LoadRunner.RunAsync(Senders, Warmup, Window, (_, _) => PostAsync(http, "/bench/baseline-pings", batches.Next())) * PingBatches.BatchSize;
        Console.WriteLine($"kestrel baseline: {baseline:F0} pings/s (batches of {PingBatches.BatchSize} to an endpoint that only reads them)");
        if (baselineOnly)
        {
            Console.WriteLine($"kestrel-baseline {baseline:F0} pings/s");
            return 0;
        }

        await using var dashboard = await DashboardClient.ConnectAsync(server, fleet.Cookie);
        var rate = await LoadRunner.RunAsync(Senders, Warmup, Window, (_, _) => PostAsync(http, "/api/v1/pings", batches.Next())) * PingBatches.BatchSize;
        Console.WriteLine($"ingestion: {rate:F0} pings/s = {rate / baseline:P0} of the baseline; dashboard received {dashboard.PositionsReceived} positions so far");

        var latencies = await SteadyLatencyAsync(http, batches, dashboard, pingsPerSecond: 2_000);
        Array.Sort(latencies);
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        Console.WriteLine($"latency at 2,000 pings/s, accepted -> dashboard: {latencies.Length} positions, p50 {p50:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pings {rate:F0} pings/s p50 {p50:F1} ms p99 {p99:F1} ms"));
        return 0;
    }

    private static async Task PostAsync(HttpClient http, string path, byte[] batch)
    {
        using var content = new ByteArrayContent(batch);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Paces batches to the given rate for one window and returns the dashboard's latencies in it.</summary>
    private static async Task<double[]> SteadyLatencyAsync(HttpClient http, PingBatches batches, DashboardClient dashboard, int pingsPerSecond)
    {
        var interval = TimeSpan.FromSeconds((double)PingBatches.BatchSize / pingsPerSecond);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the previous phase's backlog drain
        dashboard.StartRecording();
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var n = 0; clock.Elapsed < Window; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            sends.Add(PostAsync(http, "/api/v1/pings", batches.Next()));
        }

        await Task.WhenAll(sends);
        await Task.Delay(500); // the last batches' fan-out
        return dashboard.StopRecording();
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
