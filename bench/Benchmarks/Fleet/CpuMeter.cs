using System.Diagnostics;
using System.Globalization;

namespace OrleansPortal.Benchmarks.Fleet;

/// <summary>
/// CPU time used by the app, by PostgreSQL (its postmaster and every backend, read from /proc) and by this process:
/// on a shared machine the rate depends on what else runs, while CPU per operation does not, so both are printed.
/// </summary>
internal static class CpuMeter
{
    private const double ClockTicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture .NET runs on

    public readonly record struct Reading(TimeSpan App, TimeSpan Database, TimeSpan Client);

    public static Reading Read(AppProcess app) => new(app.ProcessorTime, DatabaseTime(), Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>The postmaster named by bench/run's PG_THROWAWAY_DIR and its children; zero where /proc cannot say.</summary>
    private static TimeSpan DatabaseTime()
    {
        var directory = Environment.GetEnvironmentVariable("PG_THROWAWAY_DIR");
        var pidFile = directory is null ? null : Path.Combine(directory, "data", "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return TimeSpan.Zero;
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Fields after the command (which may hold spaces) start at state: ppid is the 2nd, utime the 12th, stime the 13th.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var pid = int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            if (pid != postmaster && int.Parse(fields[1], CultureInfo.InvariantCulture) != postmaster) continue;
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
