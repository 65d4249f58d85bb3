using OrleansPortal.Benchmarks.BoardDrag;
using OrleansPortal.Benchmarks.Chaos;
using OrleansPortal.Benchmarks.Eta;
using OrleansPortal.Benchmarks.Cluster;
using OrleansPortal.Benchmarks.FirstPaint;
using OrleansPortal.Benchmarks.Fleet;
using OrleansPortal.Benchmarks.Geocode;
using OrleansPortal.Benchmarks.GrainCalls;
using OrleansPortal.Benchmarks.HelpSearch;
using OrleansPortal.Benchmarks.Insert;
using OrleansPortal.Benchmarks.LiveMap;
using OrleansPortal.Benchmarks.MapMatching;
using OrleansPortal.Benchmarks.Matrix;
using OrleansPortal.Benchmarks.Notify;
using OrleansPortal.Benchmarks.Payments;
using OrleansPortal.Benchmarks.Pings;
using OrleansPortal.Benchmarks.RouteGeometry;
using OrleansPortal.Benchmarks.Solomon;
using OrleansPortal.Benchmarks.StateWrites;

// Each benchmark prints details first and its figure as the very last line: "NAME <value> <unit> ...".
return args.FirstOrDefault() switch
{
    "grain-calls" => await GrainCallsBenchmark.RunAsync(args[1..]),
    "state-writes" => await StateWritesBenchmark.RunAsync(args[1..]),
    "pings" => await PingsBenchmark.RunAsync(args[1..], baselineOnly: false),
    "kestrel-baseline" => await PingsBenchmark.RunAsync(args[1..], baselineOnly: true),
    "cluster" => await ClusterBenchmark.RunAsync(args[1..]),
    "copy-ceiling" => await CopyCeilingBenchmark.RunAsync(args[1..]),
    "matrix" => MatrixBenchmark.Run(args[1..]),
    "map-match" => MapMatchingBenchmark.Run(args[1..]),
    "eta" => EtaBenchmark.Run(args[1..]),
    "route-geometry" => RouteGeometryBenchmark.Run(args[1..]),
    "geocode" => GeocodeBenchmark.Run(args[1..]),
    "solomon" => SolomonBenchmark.Run(args[1..]),
    "insert" => InsertBenchmark.Run(args[1..]),
    "fleet" => await FleetBenchmark.RunAsync(args[1..]),
    "chaos" => await ChaosBenchmark.RunAsync(args[1..]),
    "live-map" => await LiveMapBenchmark.RunAsync(args[1..]),
    "board-drag" => await BoardDragBenchmark.RunAsync(args[1..]),
    "first-paint" => await FirstPaintBenchmark.RunAsync(args[1..]),
    "notify" => await NotifyBenchmark.RunAsync(args[1..]),
    "payments" => await PaymentsBenchmark.RunAsync(args[1..]),
    "help-search" => await HelpSearchBenchmark.RunAsync(args[1..]),
    var name => Usage(name),
};

static int Usage(string? name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; available: grain-calls, state-writes, pings, copy-ceiling, kestrel-baseline, cluster, fleet, chaos, live-map, board-drag, first-paint, geocode, matrix, map-match, eta, route-geometry, solomon, insert, notify, payments, help-search");
    return 2;
}
