using System.Globalization;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>
/// CPU seconds (user + system) a process has used so far, from /proc, optionally with its live children (PostgreSQL's
/// backends are children of the postmaster). On a shared machine, CPU per operation is steadier than operations per
/// second of wall-clock time. Zero where /proc is missing or the process is gone.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on

    public static double Seconds(int pid, bool withChildren)
    {
        var total = Of(pid);
        if (!withChildren) return total;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var child) || child == pid) continue;
            if (ParentOf(child) == pid) total += Of(child);
        }

        return total;
    }

    /// <summary>The pid in an environment variable bench/run sets, or null.</summary>
    public static int? FromEnvironment(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private static double Of(int pid) => Fields(pid) is { } f
        ? (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond
        : 0;

    private static int ParentOf(int pid) => Fields(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : -1;

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so fields are counted after the last ')'.
    // Returned from the state on: [0] state, [1] ppid, [11] utime, [12] stime.
    private static string[]? Fields(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or not ours to read
        }

        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
