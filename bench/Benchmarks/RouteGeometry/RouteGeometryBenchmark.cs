using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Benchmarks.Infrastructure;

namespace OrleansPortal.Benchmarks.RouteGeometry;

/// <summary>
/// Route lines on Porto's road network, uncached: per leg, snap both ends, find the fastest route on the contraction
/// hierarchy, unpack its shortcuts into road nodes, simplify (Douglas-Peucker, 5 m) and encode. The legs join graph
/// nodes picked with a fixed seed, so every run draws the same ones; the figure is the median of five passes over them
/// after a warm-up pass, in microseconds per leg.
/// </summary>
internal static class RouteGeometryBenchmark
{
    public static int Run(string[] args)
    {
        var legs = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2_000);
        var graph = RoadGraph.FromOsm(OsmPbfReader.Read(Repository.PortoExtract));
        var geometry = new RoadRouteGeometry(new RoadNetworkTravelTimeService(graph));
        var random = new Random(20130701);
        var pairs = Enumerable.Range(0, legs).Select(_ => (graph.NodeLocation(random.Next(graph.NodeCount)), graph.NodeLocation(random.Next(graph.NodeCount)))).ToArray();

        long roadPoints = 0, drawnPoints = 0, characters = 0, straight = 0;
        foreach (var (from, to) in pairs) // warm-up, and the figures of what is drawn
        {
            var leg = geometry.Leg(from, to);
            roadPoints += geometry.Trace(from, to)?.Count ?? 2;
            drawnPoints += EncodedPolyline.Decode(leg.Polyline).Count;
            characters += leg.Polyline.Length;
            if (leg.Straight) straight++;
        }

        var times = new List<double>();
        var paths = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var (from, to) in pairs) geometry.Leg(from, to);
            times.Add(watch.Elapsed.TotalMicroseconds / legs);
            watch.Restart();
            foreach (var (from, to) in pairs) geometry.Trace(from, to);
            paths.Add(watch.Elapsed.TotalMicroseconds / legs);
        }
        times.Sort();
        paths.Sort();
        Console.WriteLine(FormattableString.Invariant($"graph {graph.NodeCount} nodes, {graph.EdgeCount} edges, {graph.ShortcutCount} shortcuts; {legs} legs between random nodes, {straight} straight"));
        Console.WriteLine(FormattableString.Invariant($"per leg: {(double)roadPoints / legs:F0} road points, {(double)drawnPoints / legs:F0} drawn after simplification, {(double)characters / legs:F0} characters encoded"));
        Console.WriteLine(FormattableString.Invariant($"runs {string.Join(", ", times.Select(t => t.ToString("F0")))} us per leg, one thread; of which the path alone (snap, search, unpack) {paths[paths.Count / 2]:F0} us"));
        Console.WriteLine(FormattableString.Invariant($"route-geometry {times[times.Count / 2]:F0} us per leg"));
        return 0;
    }
}
