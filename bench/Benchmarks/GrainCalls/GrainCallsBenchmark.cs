using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.GrainCalls;

/// <summary>
/// Request/response grain calls through Orleans' full path (reference, invoker, copying of arguments, the
/// activation's scheduler, response) from 64 concurrent callers in the silo's own process (the co-hosted client, as
/// the web app calls grains) spread over 10,000 grains; no storage, so it measures the runtime itself.
/// </summary>
internal static class GrainCallsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        const int grains = 10_000, callers = 64;
        var seconds = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10);
        await using var silo = await BenchSilo.StartAsync(s => s.UseLocalhostClustering(siloPort: BenchSilo.FreePort(), gatewayPort: BenchSilo.FreePort()));
        var references = Enumerable.Range(0, grains).Select(i => silo.Client.GetGrain<IEchoGrain>(i)).ToArray();
        await Task.WhenAll(references.Select(r => r.EchoAsync(0))); // activate every grain before measuring

        var rate = await LoadRunner.RunAsync(callers, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(seconds),
            (caller, i) => references[(int)((caller * 7919 + i * 64 + caller) % grains)].EchoAsync((int)i));

        Console.WriteLine($"{grains} grains, {callers} callers, {seconds} s measured after 3 s warm-up, {Environment.ProcessorCount} cores, Microsoft Orleans 10.4.2");
        Console.WriteLine($"grain-calls {rate:F0} calls/s");
        return 0;
    }
}
