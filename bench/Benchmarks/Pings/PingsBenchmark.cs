using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// HTTP ping ingestion against the real app (its own process, PostgreSQL with fsync on, started by bench/run):
/// 10,000 technicians, JSON batches of 100 pings from 64 concurrent senders, a dashboard connected to the live-map
/// hub receiving the fan-out. Measures, in one run on the same database: (1) the copy ceiling, the same rows written
/// by binary COPY alone (<see cref="CopyCeilingBenchmark"/>); (2) the Kestrel baseline, the same batches to an
/// endpoint that does nothing; (3) the most pings/s ingestion sustains end to end (stored in the ping history, not
/// just answered), with the dashboard's lag during that burst; (4) with no pause after the burst, so a backlog it
/// left shows, the dashboard's lag at a steady 2,000 pings/s, until the last batch sent has reached the dashboard.
/// </summary>
internal static class PingsBenchmark
{
    private const int Technicians = 10_000;
    // A fleet of 10,000 phones sends independently; 64 batches in flight is still far fewer. Each request waits for
    // its commit (a ping is answered only once stored), so ingestion is latency-bound and needs that many in flight.
    private const int Senders = 64;
    private const int SteadyRate = 2_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastBatchLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, bool baselineOnly)
    {
        var server = new Uri(Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_URL") ?? throw new InvalidOperationException("Run this through bench/run."));
        var adminKey = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_ADMIN_KEY")!;
        var database = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES") ?? throw new InvalidOperationException("Run this through bench/run.");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders * 2 }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var fleet = await PingFleet.CreateAsync(http, adminKey, Technicians, line => Console.WriteLine($"  {line} ({clock.Elapsed.TotalSeconds:F0} s)"));
        var batches = new PingBatches(fleet.Tokens);

        var baseline = await LoadRunner.RunAsync(Senders, Warmup, Window, (_, _) => PostAsync(http, "/bench/baseline-pings", batches.Next().Json)) * PingBatches.BatchSize;
        Console.WriteLine($"kestrel baseline: {baseline:F0} pings/s (batches of {PingBatches.BatchSize} to an endpoint that only reads them)");
        if (baselineOnly)
        {
            Console.WriteLine($"kestrel-baseline {baseline:F0} pings/s");
            return 0;
        }

        var ceiling = await CopyCeilingBenchmark.MeasureAsync(database, Window);
        Console.WriteLine($"copy ceiling: {ceiling:F0} rows/s (the same rows by binary COPY alone, {CopyCeilingBenchmark.RowsPerCopy} per transaction, one connection; {LoadAverage()})");

        await using var dashboard = await DashboardClient.ConnectAsync(server, fleet.Cookie);
        await using var rows = NpgsqlDataSource.Create(database);
        var app = ProcessCpu.FromEnvironment("ORLEANSPORTAL_BENCH_APP_PID");
        var postgres = ProcessCpu.FromEnvironment("ORLEANSPORTAL_BENCH_PG_PID");
        long storedBefore = 0, storedAfter = 0;
        double appCpu = 0, postgresCpu = 0;
        var accepted = await LoadRunner.RunAsync(Senders, Warmup, Window, (_, _) => PostAsync(http, "/api/v1/pings", batches.Next().Json),
            atStart: async () =>
            {
                storedBefore = await CountStoredAsync(rows);
                appCpu = Cpu(app, withChildren: false);
                postgresCpu = Cpu(postgres, withChildren: true);
                dashboard.StartRecording();
            },
            atEnd: async () =>
            {
                appCpu = Cpu(app, withChildren: false) - appCpu;
                postgresCpu = Cpu(postgres, withChildren: true) - postgresCpu;
                storedAfter = await CountStoredAsync(rows);
            }) * PingBatches.BatchSize;
        var burstLatencies = dashboard.StopRecording();
        var burstWorst = dashboard.WorstLagPerSecond();
        var stored = (storedAfter - storedBefore) / Window.TotalSeconds;
        var acceptedInWindow = accepted * Window.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingestion at the most it takes: {accepted:F0} pings/s answered, {stored:F0} pings/s stored in the ping history = {accepted / baseline:P0} of the kestrel baseline; {LoadAverage()}"));
        if (app is not null && postgres is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per stored ping: app {appCpu / (storedAfter - storedBefore) * 1e6:F1} us, PostgreSQL {postgresCpu / (storedAfter - storedBefore) * 1e6:F1} us (app {appCpu / Window.TotalSeconds:F2} cores, PostgreSQL {postgresCpu / Window.TotalSeconds:F2} cores; {acceptedInWindow:F0} answered in the window)"));
        }

        var burstLag = Summarize(burstLatencies);
        Console.WriteLine($"lag during the burst, accepted -> dashboard: {burstLag}");
        Console.WriteLine($"  worst lag per second of the burst: {string.Join(", ", burstWorst.Select(ms => $"{ms:F0}"))} ms");

        var steadyLatencies = await SteadyLatencyAsync(http, batches, fleet, dashboard);
        var steadyLag = Summarize(steadyLatencies);
        Console.WriteLine($"lag at {SteadyRate:N0} pings/s right after the burst, accepted -> dashboard: {steadyLag}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pings {stored:F0} pings/s = {stored / ceiling:F2}x copy ceiling ({ceiling:F0} rows/s) p50 {steadyLag.P50:F1} ms p99 {steadyLag.P99:F1} ms burst p99 {burstLag.P99:F1} ms"));
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

    /// <summary>
    /// Paces batches to <see cref="SteadyRate"/> for one window, starting at once, then waits until the dashboard has
    /// the last batch's fixes; returns every lag recorded meanwhile.
    /// </summary>
    private static async Task<double[]> SteadyLatencyAsync(HttpClient http, PingBatches batches, PingFleet fleet, DashboardClient dashboard)
    {
        var interval = TimeSpan.FromSeconds((double)PingBatches.BatchSize / SteadyRate);
        dashboard.StartRecording();
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        long last = 0;
        for (var n = 0; clock.Elapsed < Window; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var (json, first) = batches.Next();
            last = first;
            sends.Add(PostAsync(http, "/api/v1/pings", json));
        }

        await Task.WhenAll(sends);
        var waiting = Stopwatch.StartNew();
        var expected = batches.Fixes(last).Select(f => (Id: fleet.TechnicianIds[f.Technician], f.Time)).ToList();
        while (!expected.All(f => dashboard.HasSeen(f.Id, f.Time)))
        {
            if (waiting.Elapsed > LastBatchLimit) throw new TimeoutException($"The dashboard did not get the last batch within {LastBatchLimit.TotalSeconds:F0} s.");
            await Task.Delay(10);
        }

        return dashboard.StopRecording();
    }

    private static async Task<long> CountStoredAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM technician_pings");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Cpu(int? pid, bool withChildren) => pid is { } p ? ProcessCpu.Seconds(p, withChildren) : 0;

    private static string LoadAverage() => "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static Lag Summarize(double[] latencies)
    {
        Array.Sort(latencies);
        return new Lag(latencies.Length, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? double.NaN : latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Lag(int Count, double P50, double P99, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} positions, p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms");
    }
}
