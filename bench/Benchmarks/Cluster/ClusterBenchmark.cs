using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OrleansPortal.Benchmarks.Cluster;

/// <summary>
/// Two nodes of one cluster (each the real app in its own process, on one PostgreSQL with fsync on, started by
/// bench/run): 1,000 technicians' pings go into node A at a steady rate (default 2,000 pings/s, in batches of 100) while
/// a dispatcher's live map is connected to node B and writes of record (ticket changes, chat messages) flow too, ten a
/// second. After 10 s node A is killed with SIGKILL; from then on pings and writes go to B, as a front door would send
/// them once A refuses connections.
/// <para>How each figure of the last line is measured:</para>
/// <list type="bullet">
/// <item><c>pings/s</c>: pings acknowledged (200) by node A in the 10 s before the kill, per second.</item>
/// <item><c>lag p99</c>: for positions that reached the dashboard on B in those 10 s, the time from a node accepting the
/// ping (the position's receivedAt, stamped by the node) to its arrival at the dashboard; one machine, one clock.</item>
/// <item><c>failover</c>: from the kill until every technician has a ping sent after the kill shown on B's dashboard,
/// i.e. until B serves the technicians whose grains lived on A (those on B come back at once). It spans membership
/// declaring A dead, the grains reactivating on B, and the streams' queues and agents moving to B.</item>
/// <item><c>lost k of n acknowledged writes</c>: n writes got a success answer over the whole run; k of them are not
/// found on B at the end (the ticket's audit lacks the change's reason; the thread lacks the message). Target: 0.</item>
/// <item><c>pings lost</c>: pings acknowledged before the kill that are not in the ping history (technician_pings)
/// once every ping acknowledged after the kill is stored: a ping is acknowledged before it is written, and those in
/// A's write queue died with A.</item>
/// </list>
/// </summary>
internal static class ClusterBenchmark
{
    private const int Technicians = 1_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        var nodeA = new Uri(Setting("ORLEANSPORTAL_BENCH_URL_A"));
        var nodeB = new Uri(Setting("ORLEANSPORTAL_BENCH_URL_B"));
        var pidA = int.Parse(Setting("ORLEANSPORTAL_BENCH_PID_A"), CultureInfo.InvariantCulture);
        var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = nodeA, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var fleet = await ClusterFleet.CreateAsync(http, Setting("ORLEANSPORTAL_BENCH_ADMIN_KEY"), Technicians, tickets: 5, line => Console.WriteLine($"  {line} ({clock.Elapsed.TotalSeconds:F0} s)"));

        await using var dashboard = await LiveMapWatcher.ConnectAsync(nodeB, fleet.Cookie);
        var pings = new PingSender(http, fleet, rate);
        var writes = new WriteFlow(http, fleet, TimeSpan.FromMilliseconds(100));
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(pings.RunAsync(stop.Token), writes.RunAsync(stop.Token));

        await Task.Delay(Warmup);
        var steadyFrom = DateTimeOffset.UtcNow;
        await Task.Delay(BeforeKill);
        var killedAt = DateTimeOffset.UtcNow;
        Process.GetProcessById(pidA).Kill(); // SIGKILL
        pings.Target = writes.Target = nodeB;
        Console.WriteLine($"node A (pid {pidA}) killed; pings and writes now go to node B");

        var failover = await FailoverAsync(dashboard, fleet, killedAt);
        await Task.Delay(TimeSpan.FromSeconds(3)); // some steady traffic on B alone, after the failover
        await stop.CancelAsync();
        await running;

        var steady = pings.Acknowledged.Count(p => p.At >= steadyFrom && p.At < killedAt);
        var ingestion = steady / (killedAt - steadyFrom).TotalSeconds;
        var received = dashboard.Snapshot();
        var lagP99 = Percentile([.. received.Where(r => r.Arrived >= steadyFrom && r.Arrived < killedAt).Select(r => (r.Arrived - r.Accepted).TotalMilliseconds)], 0.99);
        Console.WriteLine($"before the kill: {ingestion:F0} pings/s acknowledged by A (offered {rate}), lag p99 {lagP99:F1} ms over {received.Count(r => r.Arrived >= steadyFrom && r.Arrived < killedAt)} positions on B's dashboard");
        foreach (var slice in received.Where(r => r.Arrived >= steadyFrom && r.Arrived < killedAt).GroupBy(r => (int)((r.Arrived - steadyFrom).TotalSeconds / 2)).OrderBy(g => g.Key))
        {
            var lags = slice.Select(r => (r.Arrived - r.Accepted).TotalMilliseconds).ToArray();
            Console.WriteLine($"  lag {slice.Key * 2}-{slice.Key * 2 + 2} s: p50 {Percentile(lags, 0.5):F0} ms, p99 {Percentile(lags, 0.99):F0} ms ({lags.Length} positions)");
        }

        Console.WriteLine($"ping batches not acknowledged: {pings.FailedBatches}; not sent (64 pending): {pings.SkippedBatches}; dashboard still connected: {dashboard.IsOpen}");

        var lostWrites = await writes.MissingAsync(nodeB);
        Console.WriteLine($"writes: {writes.AcknowledgedCount} acknowledged, {writes.Failed} not acknowledged, {lostWrites} lost");
        var lostPings = await PingsLostAsync(Setting("ORLEANSPORTAL_BENCH_POSTGRES"), fleet, pings, killedAt);
        var failoverText = failover is { } f ? f.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : $">{FailoverLimit.TotalSeconds:F0}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster {ingestion:F0} pings/s, lag p99 {lagP99:F0} ms, failover {failoverText} s, lost {lostWrites} of {writes.AcknowledgedCount} acknowledged writes, pings lost {lostPings}"));
        return 0;
    }

    /// <summary>From the kill until every technician has a post-kill fix on the dashboard (the arrival of the last first one); null past the limit.</summary>
    private static async Task<TimeSpan?> FailoverAsync(LiveMapWatcher dashboard, ClusterFleet fleet, DateTimeOffset killedAt)
    {
        while (DateTimeOffset.UtcNow - killedAt < FailoverLimit)
        {
            var firstAfterKill = dashboard.Snapshot().Where(r => r.Fix > killedAt).GroupBy(r => r.TechnicianId).ToDictionary(g => g.Key, g => g.Min(r => r.Arrived));
            if (fleet.TechnicianIds.All(firstAfterKill.ContainsKey))
            {
                var failover = firstAfterKill.Values.Max() - killedAt;
                Console.WriteLine($"failover: all {Technicians} technicians shown again on B {failover.TotalSeconds:F1} s after the kill; " +
                    $"half of them by {Percentile([.. firstAfterKill.Values.Select(t => (t - killedAt).TotalSeconds)], 0.5):F1} s");
                return failover;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>Acknowledged pings from before the kill missing from the history, once all acknowledged after it are stored (B flushes within a second).</summary>
    private static async Task<int> PingsLostAsync(string connectionString, ClusterFleet fleet, PingSender pings, DateTimeOffset killedAt)
    {
        var killedMs = killedAt.ToUnixTimeMilliseconds();
        var acknowledged = pings.Acknowledged.Select(p => (fleet.TechnicianIds[p.Technician], p.FixMs)).ToHashSet();
        for (var attempt = 0; ; attempt++)
        {
            var stored = await StoredAsync(connectionString, fleet.TenantId);
            var missingAfterKill = acknowledged.Count(p => p.FixMs > killedMs && !stored.Contains(p));
            if (missingAfterKill == 0 || attempt == 50)
            {
                if (missingAfterKill > 0) Console.WriteLine($"warning: {missingAfterKill} pings acknowledged by B are not stored either");
                return acknowledged.Count(p => p.FixMs <= killedMs && !stored.Contains(p));
            }

            await Task.Delay(200);
        }
    }

    private static async Task<HashSet<(string, long)>> StoredAsync(string connectionString, string tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT technician_id, fix_time FROM technician_pings WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new HashSet<(string, long)>();
        while (await reader.ReadAsync()) stored.Add((reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero).ToUnixTimeMilliseconds()));
        return stored;
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: run this through bench/run cluster.");

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        Array.Sort(values);
        return values[Math.Min(values.Length - 1, (int)(p * values.Length))];
    }
}
