using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Testing;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Benchmarks.Chaos;

/// <summary>
/// Rounds of mixed load on the real app (its own process, PostgreSQL with fsync on, both started by bench/run and this
/// program) broken at a random moment, by a SIGKILL of the app, a crash of PostgreSQL (immediate stop, restart after a
/// few seconds, WAL replay), or a PostgreSQL crash with the app killed during it; then recovery and more load. After
/// every round, every write of every round so far is looked up in the database: lost (acknowledged, not stored) and
/// phantom (answered with an error, stored all the same). The same harness as tests/Reliability, more rounds and a
/// real database crash instead of a cut connection.
/// </summary>
internal static class ChaosBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var seed = args.Length > 2 && args[1] == "--seed" ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.TickCount;
        var app = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_APP") ?? throw new InvalidOperationException("Run this through bench/run.");
        var database = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES")!;
        var pgDirectory = Environment.GetEnvironmentVariable("PG_THROWAWAY_DIR")!;
        var clock = Stopwatch.StartNew();

        await using var target = new CrashingPostgresTarget(app, database, pgDirectory);
        await target.StartAppAsync();
        var company = await ChaosCompany.CreateAsync(target.Address, CrashingPostgresTarget.AdminKey, technicians: 50, tickets: 8);
        await using var writes = new OfficeWrites(target.Address, company.Company, company.CustomerId, company.PropertyId, company.Tickets);
        await using var pings = new PingTraffic(target.Address, company.Fleet, TimeSpan.FromMilliseconds(250));
        var chaos = new ChaosRun(target, writes, pings, new StoredWrites(database), company.Company.TenantId, seed);
        var faults = new Random(seed);
        Console.WriteLine($"seed {seed}: {rounds} rounds; 50 technicians pinging every 250 ms, one dispatcher writing");

        ChaosTally tally = null!;
        var reported = new HashSet<string>();
        for (var round = 1; round <= rounds; round++)
        {
            var fault = (ChaosFault)faults.Next(3);
            await chaos.RoundAsync(fault, $"r{round:D2}");
            tally = await chaos.TallyAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round} ({fault}): {tally.Acknowledged} acknowledged, {tally.Refused} refused so far, lost {tally.Lost.Count}, phantom {tally.Phantom.Count} ({clock.Elapsed.TotalSeconds:F0} s)"));
            foreach (var write in tally.Lost.Concat(tally.Phantom).Where(reported.Add)) Console.WriteLine($"    {(tally.Lost.Contains(write) ? "lost" : "phantom")}: {write}");
        }

        Console.WriteLine($"chaos {rounds} rounds, {tally.Acknowledged} acknowledged, lost {tally.Lost.Count}, phantom {tally.Phantom.Count}");
        return 0;
    }

    /// <summary>The app as a process of its own (restarted at the same address) and the throwaway PostgreSQL, crashed and revived by its script.</summary>
    private sealed class CrashingPostgresTarget(string appDirectory, string database, string pgDirectory) : IChaosTarget, IAsyncDisposable
    {
        public const string AdminKey = "chaos-bench-admin-key-0123456789";
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-chaos-" + Guid.NewGuid().ToString("N"));
        private readonly int _httpPort = FreePort.Next();
        private AppNode? _app;
        private int _starts;

        public Uri Address => _app!.Address;

        public Task KillAppAsync() => _app!.KillAsync();

        public async Task StartAppAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
            var home = Path.Combine(_directory, $"start-{++_starts}");
            Directory.CreateDirectory(home);
            _app = AppNode.Start("app", home, AppNode.Settings(database, AdminKey, Path.Combine(_directory, "shared")), _httpPort, appDirectory);
            await _app.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        }

        public Task StopDatabaseAsync() => Script("crash");

        public Task StartDatabaseAsync() => Script("revive");

        private async Task Script(string command)
        {
            using var process = Process.Start(new ProcessStartInfo("scripts/pg-throwaway.sh", [command, pgDirectory])) ?? throw new InvalidOperationException("pg-throwaway did not start");
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pg-throwaway {command} failed with {process.ExitCode}");
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
    }
}
