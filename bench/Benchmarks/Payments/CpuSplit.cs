using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// Where the machine's CPU went while the storm ran: the app, PostgreSQL (the postmaster and its backends), this
/// process (the fake Stripe posting and answering, the SMTP server's reader), and everything else on the machine
/// (other work sharing it), from /proc. Taken at the start and the end of what is measured.
/// </summary>
internal sealed class CpuSplit(int appPid, int? postgresPid)
{
    private (double App, double Postgres, double Self, double Machine) _start;

    public void Start() => _start = Now();

    public string Describe(TimeSpan wall)
    {
        var end = Now();
        var (app, postgres, self, machine) = (end.App - _start.App, end.Postgres - _start.Postgres, end.Self - _start.Self, end.Machine - _start.Machine);
        var others = machine - app - postgres - self;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU over {wall.TotalSeconds:F1} s on {Environment.ProcessorCount} cores: app {app:F1} s, PostgreSQL {postgres:F1} s, benchmark with the fake Stripe {self:F1} s, " +
            $"the rest of the machine {Math.Max(0, others):F1} s (busy {machine / (wall.TotalSeconds * Environment.ProcessorCount):P0})");
    }

    private (double App, double Postgres, double Self, double Machine) Now() => (
        ProcessCpu.Seconds(appPid, withChildren: false),
        postgresPid is { } pg ? ProcessCpu.Seconds(pg, withChildren: true) : 0,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        MachineBusySeconds());

    // /proc/stat's first line: user nice system idle iowait irq softirq steal ..., in USER_HZ ticks over all cores.
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return busy / 100.0;
    }

    /// <summary>The throwaway PostgreSQL's postmaster, from the pid file in the directory bench/run exported.</summary>
    public static int? PostgresPid() =>
        Environment.GetEnvironmentVariable("PG_THROWAWAY_DIR") is { } dir && File.Exists(Path.Combine(dir, "data", "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(dir, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture)
            : null;
}
