using System.Diagnostics;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>Runs N concurrent caller loops: a warm-up, then a measured window; returns operations per second in the window.</summary>
internal static class LoadRunner
{
    public static async Task<double> RunAsync(int callers, TimeSpan warmup, TimeSpan measure, Func<int, long, Task> operation)
    {
        var counts = new long[callers * 16]; // one counter per caller, 128 bytes apart so callers do not share cache lines
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                await operation(caller, i);
                if (Volatile.Read(ref measuring)) counts[caller * 16]++;
            }
        })).ToArray();

        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        var total = 0L;
        for (var c = 0; c < callers; c++) total += counts[c * 16];
        stop.Cancel();
        await Task.WhenAll(loops);
        return total / elapsed.TotalSeconds;
    }
}
