using System.Runtime.InteropServices;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), for timing single-threaded work on a machine
/// other work shares: unlike wall-clock time it does not count the time spent waiting for a core.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Microseconds() =>
        clock_gettime(ClockThreadCpuTime, out var now) == 0 ? now.Seconds * 1e6 + now.Nanoseconds / 1e3 : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
