using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Web.Routing;

/// <summary>
/// Travel times and route lines on the road graph of <c>extract</c>, built on first use (a few seconds for Porto) and
/// shared by every host in the process that names the same file; great-circle estimates and straight lines when there
/// is no extract or it cannot be read.
/// </summary>
public sealed class RoadNetworkLoader(string? extract, ILogger<RoadNetworkLoader> log) : ITravelTimeService, IRouteGeometry
{
    private static readonly ConcurrentDictionary<string, Lazy<RoadGraph>> Graphs = new();
    private readonly Lazy<(ITravelTimeService Travel, IRouteGeometry Geometry)> _network = new(() => Load(extract, log));

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => _network.Value.Travel.Estimate(from, to);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) => _network.Value.Travel.Matrix(origins, destinations);

    public LegGeometry Leg(GeoPoint from, GeoPoint to) => _network.Value.Geometry.Leg(from, to);

    public void WarmUp() => _ = _network.Value;

    private static (ITravelTimeService, IRouteGeometry) Load(string? extract, ILogger log)
    {
        if (extract is null)
        {
            log.LogInformation("No road extract configured; travel times are great-circle estimates.");
            return (new GreatCircleTravelTimeService(), new StraightRouteGeometry());
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var graph = Graphs.GetOrAdd(extract, path => new Lazy<RoadGraph>(() => RoadGraph.FromOsm(OsmPbfReader.Read(path)))).Value;
            log.LogInformation("Road graph from {Extract}: {Nodes} nodes, {Edges} edges, ready in {Ms} ms.", extract, graph.NodeCount, graph.EdgeCount, watch.ElapsedMilliseconds);
            var network = new RoadNetworkTravelTimeService(graph);
            return (network, new RoadRouteGeometry(network));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.LogWarning(ex, "Cannot read the road extract {Extract}; travel times are great-circle estimates.", extract);
            return (new GreatCircleTravelTimeService(), new StraightRouteGeometry());
        }
    }
}
