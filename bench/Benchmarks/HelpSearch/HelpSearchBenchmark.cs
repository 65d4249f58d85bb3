using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;

namespace OrleansPortal.Benchmarks.HelpSearch;

/// <summary>
/// The help center's search on PostgreSQL (the store of a real cluster), then on SQLite (the embedded default): N
/// generated articles (default 10,000, half English, half Portuguese) published into one company's index, then 1,000
/// searches one after another, each timed from the call to its answer (analysis, misspelling correction and the ranked
/// query). recall@5: the share of searches whose article is among the first five. Needs ORLEANSPORTAL_BENCH_POSTGRES.
/// </summary>
public static class HelpSearchBenchmark
{
    private const string Tenant = "bench-help";
    private const int Searches = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var connection = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("ORLEANSPORTAL_BENCH_POSTGRES is not set; run it as bench/run help-search.");
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"orleansportal-help-bench-{Environment.ProcessId}.db");
        try
        {
            var sqlite = await MeasureAsync("SQLite", new SiloDatabase(AdoNetInvariants.Sqlite, $"Data Source={sqliteFile}"), articles);
            var postgres = await MeasureAsync("PostgreSQL", new SiloDatabase(AdoNetInvariants.PostgreSql, connection + ";Max Auto Prepare=32"), articles);
            Console.WriteLine($"SQLite: p50 {sqlite.P50:F1} ms p95 {sqlite.P95:F1} ms, recall@5 {sqlite.Recall:F3}");
            Console.WriteLine($"help-search p50 {postgres.P50:F1} ms p95 {postgres.P95:F1} ms, recall@5 {postgres.Recall:F3} (PostgreSQL, {articles:N0} articles, {Searches:N0} searches)");
            return 0;
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(sqliteFile) + "*")) File.Delete(file);
        }
    }

    private static async Task<(double P50, double P95, double Recall)> MeasureAsync(string name, SiloDatabase silo, int count)
    {
        await new SchemaMigrator(silo, [PortalStorageServiceCollectionExtensions.SchemaModuleFor(silo)]).ApplyAsync(CancellationToken.None);
        await using var database = new PortalDatabase(silo);
        var index = new HelpArticleIndex(database);
        var search = new Grains.Support.HelpCenter.HelpSearch(database);
        var published = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        var batch = new List<Task>();
        foreach (var (id, language, text) in HelpCorpus.Articles(count))
        {
            ids.Add(id);
            var version = new HelpArticleVersion(1, text, published, "bench@acme.test");
            batch.Add(index.PublishAsync(HelpPublications.Of(Tenant, id, "general", language, HelpArticleRules.Slug(text.Title), version)));
            // SQLite has one writer: in parallel the publications only queue for it.
            if (batch.Count == (silo.IsSqlite ? 1 : 8)) { await Task.WhenAll(batch); batch.Clear(); }
        }

        await Task.WhenAll(batch);
        Console.WriteLine($"{name}: {ids.Count:N0} articles published in {clock.Elapsed.TotalSeconds:F1} s");

        var queries = HelpCorpus.Queries(ids, Searches, seed: 16).ToList();
        foreach (var (language, query, _) in queries.Take(50)) await search.SearchAsync(Tenant, language, query, 5); // warm-up
        var times = new List<double>(queries.Count);
        var found = 0;
        foreach (var (language, query, expected) in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await search.SearchAsync(Tenant, language, query, 5);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Hits.Any(h => h.ArticleId == expected)) found++;
        }

        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.95), (double)found / queries.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
