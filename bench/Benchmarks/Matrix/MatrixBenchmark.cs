using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;
using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Benchmarks.Matrix;

/// <summary>
/// A 200 x 200 travel-time matrix on Porto's road network, cold (no cache): the size the optimizer asks for.
/// The points are graph nodes picked with a fixed seed, so every run routes the same pairs. Loading the graph is
/// timed separately; the figure is the median matrix time over five runs after one warm-up run.
/// </summary>
internal static class MatrixBenchmark
{
    public static int Run(string[] args)
    {
        var points = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);
        var path = Repository.PortoExtract;

        var load = Stopwatch.StartNew();
        var data = OsmPbfReader.Read(path);
        var read = load.Elapsed;
        var graph = RoadGraph.FromOsm(data);
        load.Stop();
        Console.WriteLine(FormattableString.Invariant($"load {load.Elapsed.TotalMilliseconds:F0} ms (read {read.TotalMilliseconds:F0} ms, build {(load.Elapsed - read).TotalMilliseconds:F0} ms): {data.Ways.Count} drivable ways, graph {graph.NodeCount} nodes, {graph.EdgeCount} edges, {graph.ShortcutCount} hierarchy shortcuts"));

        var random = new Random(20130701);
        var stops = Enumerable.Range(0, points).Select(_ => graph.NodeLocation(random.Next(graph.NodeCount))).ToArray();
        var service = new RoadNetworkTravelTimeService(graph);

        service.Matrix(stops, stops); // warm-up: JIT and workspaces
        var times = new List<double>();
        TravelMatrix? matrix = null;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            matrix = service.Matrix(stops, stops);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var routed = 0;
        for (var i = 0; i < points; i++)
            for (var j = 0; j < points; j++)
                if (matrix!.IsRouted(i, j)) routed++;
        // The hierarchy against plain Dijkstra on a slice of the rows: they should agree to float rounding.
        var reference = new RoadNetworkTravelTimeService(graph) { UseContractionHierarchy = false }.Matrix(stops[..10], stops);
        var worst = 0.0;
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < points; j++)
                worst = Math.Max(worst, Math.Abs(reference.Seconds(i, j) - matrix!.Seconds(i, j)));
        Console.WriteLine(FormattableString.Invariant($"hierarchy versus Dijkstra on 10 x {points}: largest difference {worst:F3} s"));
        Console.WriteLine(FormattableString.Invariant($"{points} x {points}, {routed} routed cells, runs {string.Join(", ", times.Select(t => t.ToString("F0")))} ms, {Environment.ProcessorCount} cores"));
        Console.WriteLine(FormattableString.Invariant($"matrix {times[times.Count / 2]:F0} ms"));
        return 0;
    }
}
