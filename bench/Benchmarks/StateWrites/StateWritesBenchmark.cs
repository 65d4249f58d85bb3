using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Benchmarks.StateWrites;

/// <summary>
/// Persisted grain state writes on PostgreSQL, through the silo configuration the app uses (Orleans' ADO.NET grain
/// storage with our schema): 64 concurrent writers, each call a grain that changes its state and awaits
/// WriteStateAsync (a conditional UPDATE committed by the server). Needs ORLEANSPORTAL_BENCH_POSTGRES.
/// </summary>
internal static class StateWritesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        const int writers = 64, grainsPerWriter = 100;
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var connection = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("ORLEANSPORTAL_BENCH_POSTGRES is not set; run it as bench/run state-writes.");
        var database = new SiloDatabase(AdoNetInvariants.PostgreSql, connection + ";Maximum Pool Size=100;Max Auto Prepare=32");
        await using var silo = await BenchSilo.StartAsync(s => s.UseOrleansPortalCluster(database, new ClusterSettings { SiloPort = BenchSilo.FreePort() }));
        var references = Enumerable.Range(0, writers * grainsPerWriter).Select(i => silo.Client.GetGrain<IWriterGrain>(i)).ToArray();
        await Task.WhenAll(references.Select(r => r.WriteAsync(0))); // create every row before measuring

        var rate = await LoadRunner.RunAsync(writers, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(seconds),
            (writer, i) => references[writer * grainsPerWriter + (int)(i % grainsPerWriter)].WriteAsync(i));

        Console.WriteLine($"{writers} writers over {references.Length} grains, {seconds} s measured after 3 s warm-up, PostgreSQL with fsync on");
        Console.WriteLine($"state-writes {rate:F0} writes/s");
        return 0;
    }
}
