using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Benchmarks.MapMatching;

/// <summary>
/// The HMM map matcher on real Porto taxi trips (samples/gps/porto/train_1500.csv, or ../shared/data/gps/porto),
/// on ONE thread: fixes matched per second. One warm-up pass over the trips (JIT, workspaces, the edge grid), then
/// the median of three timed passes. Also prints how the fixes fared (used, dropped, stretches per trip).
/// </summary>
internal static class MapMatchingBenchmark
{
    public static int Run(string[] args)
    {
        var tripLimit = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(int.MaxValue);
        var csv = TripsFile();
        var load = Stopwatch.StartNew();
        var graph = RoadGraph.FromOsm(OsmPbfReader.Read(Repository.PortoExtract));
        var trips = PortoTraceCsv.Read(csv).Take(tripLimit).Select(t => t.Fixes).Where(f => f.Count > 0).ToList();
        Console.WriteLine(FormattableString.Invariant($"load {load.Elapsed.TotalMilliseconds:F0} ms: graph {graph.NodeCount} nodes, {graph.EdgeCount} edges; {trips.Count} trips from {csv}"));

        var matcher = new MapMatcher(graph);
        var fixes = trips.Sum(t => t.Count);
        var grid = Stopwatch.StartNew();
        MatchAll(matcher, trips); // warm-up, and the first pass builds the edge grid
        Console.WriteLine(FormattableString.Invariant($"warm-up pass {grid.Elapsed.TotalMilliseconds:F0} ms"));

        var times = new List<double>();
        (int Used, int Dropped, int Stretches, int Edges) tally = default;
        for (var pass = 0; pass < 3; pass++)
        {
            var watch = Stopwatch.StartNew();
            tally = MatchAll(matcher, trips);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var ms = times[1];
        Console.WriteLine(FormattableString.Invariant($"passes {string.Join(", ", times.Select(t => t.ToString("F0")))} ms; {tally.Used} fixes used, {tally.Dropped} dropped, {tally.Stretches} stretches ({(double)tally.Stretches / trips.Count:F2} per trip), {tally.Edges} edge traversals"));
        Console.WriteLine(FormattableString.Invariant($"map-match {fixes / (ms / 1000):F0} fixes/s, {fixes} fixes, {ms:F0} ms, {100.0 * tally.Used / fixes:F1} % fixes matched"));
        return 0;
    }

    private static (int Used, int Dropped, int Stretches, int Edges) MatchAll(MapMatcher matcher, List<IReadOnlyList<GpsFix>> trips)
    {
        (int Used, int Dropped, int Stretches, int Edges) tally = default;
        foreach (var fixes in trips)
        {
            var trace = matcher.Match(fixes);
            tally.Used += trace.FixesUsed;
            tally.Dropped += trace.FixesDropped;
            tally.Stretches += trace.Stretches.Count;
            tally.Edges += trace.Stretches.Sum(s => s.Edges.Count);
        }
        return tally;
    }

    private static string TripsFile()
    {
        var root = Repository.Root();
        string[] places = [Path.Combine(root, "samples", "gps", "porto", "train_1500.csv"), Path.Combine(root, "..", "shared", "data", "gps", "porto", "train_1500.csv")];
        return places.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("train_1500.csv not found in samples/gps/porto or ../shared/data/gps/porto.");
    }
}
