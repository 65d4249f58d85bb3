using System.Diagnostics;
using System.Globalization;

namespace OrleansPortal.Benchmarks.Fleet;

/// <summary>
/// A large company through the public API, against the real app in its own process on PostgreSQL with fsync on
/// (bench/run starts the database; <see cref="AppProcess"/> the app, so that it can restart it):
/// (1) technicians created by concurrent dispatcher requests (POST /api/v1/technicians), by default 100,000 or as
/// many as fit in the time allowed, with the rate of each tenth of the run, so a rate that falls as the company grows
/// shows; (2) the live map's first snapshot for a company of 5,000 technicians that each sent a ping, timed from
/// opening the hub connection to receiving the snapshot: warm (median of 5 after one connection) and cold (the first
/// connection after a restart of the app, once its start-up work is done; also printed: at once after the restart).
/// Creation is measured after a warm-up of 10,000 technicians in another company (tiered compilation settles, pools fill).
/// Arguments: [technicians] [--max-seconds S] [--creators N].
/// </summary>
internal static class FleetBenchmark
{
    private const int SnapshotTechnicians = 5_000;
    private const int WarmRuns = 5;
    private const int WarmUpTechnicians = 10_000;
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        var target = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
        var maxDuration = TimeSpan.FromSeconds(Option(args, "--max-seconds", 300));
        var creators = Option(args, "--creators", 64);

        await using var app = await AppProcess.StartAsync();
        await app.WaitForStartUpWorkAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = creators * 2 }) { BaseAddress = app.Url, Timeout = TimeSpan.FromMinutes(2) };
        var api = new FleetApi(http, app.AdminKey);

        // (1) Creation rate, after a warm-up in a company of its own (the code paths compiled and optimized, pools filled).
        var warmUp = await api.SignInAsync(await api.CreateCompanyAsync("Benchmark Warm-up"));
        var (_, warmUpDone) = await CreateAsync(WarmUpTechnicians, creators, Timeout.InfiniteTimeSpan, (i, ct) => api.CreateTechnicianAsync(warmUp, $"Warm-up {i:D5}", ct), quiet: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {WarmUpTechnicians:N0} technicians in another company at {WarmUpTechnicians / warmUpDone[^1].TotalSeconds:F0}/s"));
        var fleet = await api.SignInAsync(await api.CreateCompanyAsync("Benchmark Fleet"));
        Console.WriteLine($"creating up to {target:N0} technicians with {creators} concurrent requests (at most {maxDuration.TotalSeconds:0} s)...");
        var before = CpuMeter.Read(app);
        var (created, doneAt) = await CreateAsync(target, creators, maxDuration, (i, ct) => api.CreateTechnicianAsync(fleet, $"Tech {i:D6}", ct));
        var after = CpuMeter.Read(app);
        var total = doneAt[created - 1];
        var rate = created / total.TotalSeconds;
        var tenth = Math.Max(1, created / 10);
        var segments = new List<double>();
        for (var start = 0; start + tenth <= created; start += tenth)
        {
            var from = start == 0 ? TimeSpan.Zero : doneAt[start - 1];
            var segment = tenth / (doneAt[start + tenth - 1] - from).TotalSeconds;
            segments.Add(segment);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  technicians {start + 1,7:N0} to {start + tenth,7:N0}: {segment,6:F0}/s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"created {created:N0} technicians in {total.TotalSeconds:F1} s: {rate:F0}/s; the last tenth ran at {segments[^1] / segments[0]:P0} of the first tenth's rate"));
        double PerTechnician(TimeSpan used) => used.TotalMilliseconds / created;
        var perTechnician = PerTechnician(after.App - before.App) + PerTechnician(after.Database - before.Database) + PerTechnician(after.Client - before.Client);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per technician: app {PerTechnician(after.App - before.App):F2} ms, PostgreSQL {PerTechnician(after.Database - before.Database):F2} ms, " +
            $"this client {PerTechnician(after.Client - before.Client):F2} ms; {Environment.ProcessorCount} cores would allow about " +
            $"{Environment.ProcessorCount * 1000 / perTechnician:F0}/s with nothing else running (load average at the end: {LoadAverage()})"));

        // (2) The live map's snapshot.
        var mapEmail = await api.CreateCompanyAsync("Benchmark Live Map");
        var map = await api.SignInAsync(mapEmail);
        var clock = Stopwatch.StartNew();
        var ids = new string[SnapshotTechnicians];
        var tokens = new string[SnapshotTechnicians];
        await CreateAsync(SnapshotTechnicians, creators, Timeout.InfiniteTimeSpan, async (i, ct) =>
        {
            ids[i] = await api.CreateTechnicianAsync(map, $"Map {i:D5}", ct);
            tokens[i] = await api.IssueTokenAsync(map, ids[i], ct);
        });
        await api.PingOnceAsync(tokens);
        Console.WriteLine($"live-map company: {SnapshotTechnicians:N0} technicians with a device token and a ping each, in {clock.Elapsed.TotalSeconds:F1} s");

        await MeasureSnapshotAsync(app, map, "first connection (warms the process)");
        var warm = new List<double>();
        for (var run = 0; run < WarmRuns; run++) warm.Add(await MeasureSnapshotAsync(app, map, $"warm {run + 1}"));
        var warmMedian = warm.Order().ElementAt(warm.Count / 2);

        // Cold: a restarted app, nothing active. Once at once, while the app still does its start-up work beside it
        // (what a dispatcher connecting during a rolling restart meets), and once after it.
        await app.RestartAsync();
        await MeasureSnapshotAsync(app, await api.SignInAsync(mapEmail), "cold, during the app's start-up work");
        await app.RestartAsync();
        await app.WaitForStartUpWorkAsync();
        var cold = await MeasureSnapshotAsync(app, await api.SignInAsync(mapEmail), "cold (first connection after a restart)");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet {rate:F0} technicians/s over {created}, snapshot {warmMedian:F0} ms warm, {cold:F0} ms cold for {SnapshotTechnicians}"));
        return 0;
    }

    /// <summary>Runs <paramref name="create"/> for indexes 0.. from concurrent workers until <paramref name="target"/> or the deadline; returns how many completed and when each completed, in order.</summary>
    private static async Task<(int Created, TimeSpan[] DoneAt)> CreateAsync(
        int target, int workers, TimeSpan maxDuration, Func<int, CancellationToken, Task> create, bool quiet = false)
    {
        var doneAt = new TimeSpan[target];
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var progressEvery = Math.Max(1000, target / 20);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < target && (maxDuration == Timeout.InfiniteTimeSpan || clock.Elapsed < maxDuration); i = Interlocked.Increment(ref next))
            {
                await create(i, CancellationToken.None);
                var n = Interlocked.Increment(ref done);
                doneAt[n - 1] = clock.Elapsed;
                if (!quiet && n % progressEvery == 0) Console.WriteLine($"    {n:N0} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        })));
        return (done, doneAt);
    }

    private static async Task<double> MeasureSnapshotAsync(AppProcess app, string cookie, string label)
    {
        var (elapsed, technicians, positioned) = await SnapshotClient.MeasureAsync(app.Url, cookie, SnapshotTimeout);
        if (technicians != SnapshotTechnicians || positioned != SnapshotTechnicians)
            throw new InvalidOperationException($"The snapshot held {technicians} technicians, {positioned} with a position; expected {SnapshotTechnicians} of each.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  snapshot, {label}: {elapsed.TotalMilliseconds:F0} ms for {technicians:N0} technicians"));
        return elapsed.TotalMilliseconds;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
