using System.Globalization;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.GrainCalls;

/// <summary>
/// Request/response grain calls through the full runtime path (reference, admission, turn, result) from 64
/// concurrent callers spread over 10,000 grains; no storage, so it measures the runtime itself.
/// With --queued every call goes through the activation queue and the thread pool, as Orleans always does,
/// instead of running inline on the caller's thread when the grain is idle.
/// </summary>
internal static class GrainCallsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        const int grains = 10_000, callers = 64;
        var queued = args.Contains("--queued");
        var seconds = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10);
        await using var silo = await BenchSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o => o.MaxInlineDepth = queued ? 0 : o.MaxInlineDepth));
        var references = Enumerable.Range(0, grains).Select(i => silo.Client.GetGrain<IEchoGrain>(i)).ToArray();
        await Task.WhenAll(references.Select(r => r.EchoAsync(0))); // activate every grain before measuring

        var rate = await LoadRunner.RunAsync(callers, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(seconds),
            (caller, i) => references[(int)((caller * 7919 + i * 64 + caller) % grains)].EchoAsync((int)i));

        Console.WriteLine($"{grains} grains, {callers} callers, {seconds} s measured after 3 s warm-up, {Environment.ProcessorCount} cores, {(queued ? "every call queued" : "inline when idle")}");
        Console.WriteLine($"grain-calls {rate:F0} calls/s");
        return 0;
    }
}
