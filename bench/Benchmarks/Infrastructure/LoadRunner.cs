using System.Diagnostics;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>Runs N concurrent caller loops: a warm-up, then a measured window; returns operations per second in the window.</summary>
internal static class LoadRunner
{
    /// <param name="atStart">Runs when the warm-up ends, before the window's clock starts (callers keep going meanwhile).</param>
    /// <param name="atEnd">Runs as soon as the window closes, before the callers are stopped.</param>
    public static async Task<double> RunAsync(int callers, TimeSpan warmup, TimeSpan measure, Func<int, long, Task> operation,
        Func<Task>? atStart = null, Func<Task>? atEnd = null)
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
        if (atStart is not null) await atStart();
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        if (atEnd is not null) await atEnd();
        var total = 0L;
        for (var c = 0; c < callers; c++) total += counts[c * 16];
        stop.Cancel();
        await Task.WhenAll(loops);
        return total / elapsed.TotalSeconds;
    }
}
