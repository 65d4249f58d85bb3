using System.Collections.Concurrent;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Travel times along a <see cref="RoadGraph"/>. A point is snapped to its nearest road node; the leg from the
/// point to that node is counted as a straight line at the fallback's urban speed. A point farther than
/// <see cref="MaxSnapMeters"/> from any node (outside the extract, at sea) is not on this network, and any pair
/// involving it gets the great-circle fallback, marked <see cref="TravelEstimate.IsFallback"/>.
/// Thread-safe: the graph is immutable and search workspaces are pooled.
/// </summary>
public sealed class RoadNetworkTravelTimeService : ITravelTimeService
{
    private readonly RoadGraph graph;
    private readonly GreatCircleTravelTimeService _fallback;
    private readonly ConcurrentBag<ShortestPathSearch> _searches = [];
    private readonly float[]? _edgeSeconds;

    /// <param name="edgeSeconds">
    /// Per edge, the time to route on (a learned model's); the graph's free-flow times when null. Other times mean a
    /// hierarchy of their own, a few seconds to build for Porto, paid here.
    /// </param>
    public RoadNetworkTravelTimeService(RoadGraph graph, GreatCircleTravelTimeService? fallback = null, float[]? edgeSeconds = null)
    {
        if (edgeSeconds is not null && edgeSeconds.Length != graph.EdgeCount)
        {
            throw new ArgumentException($"Edge times are for {edgeSeconds.Length} edges; the graph has {graph.EdgeCount}.", nameof(edgeSeconds));
        }
        this.graph = graph;
        _fallback = fallback ?? new GreatCircleTravelTimeService();
        _edgeSeconds = edgeSeconds;
        Hierarchy = edgeSeconds is null ? graph.Hierarchy : new ContractionHierarchy(graph, edgeSeconds);
    }

    public double MaxSnapMeters { get; init; } = 1_000;

    /// <summary>
    /// True (the default): searches on the graph's contraction hierarchy. False: one plain Dijkstra per origin over
    /// the whole graph, much slower, kept as the reference the hierarchy is checked against.
    /// </summary>
    public bool UseContractionHierarchy { get; init; } = true;

    public RoadGraph Graph => graph;

    /// <summary>The hierarchy routes are searched on: the graph's own, or one built on the given edge times.</summary>
    internal ContractionHierarchy Hierarchy { get; }

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to)
    {
        // A 1 x 1 matrix: the same search and the same arithmetic, so a matrix cell always equals this.
        var matrix = Matrix([from], [to]);
        return new TravelEstimate(matrix.Seconds(0, 0), matrix.Meters(0, 0), IsFallback: !matrix.IsRouted(0, 0));
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var originSnaps = origins.Select(Snap).ToArray();
        var destinationSnaps = destinations.Select(Snap).ToArray();
        int rows = origins.Count, columns = destinations.Count;
        var seconds = new double[rows * columns];
        var meters = new double[rows * columns];
        var routed = new bool[rows * columns];

        // Routes are searched between distinct snapped nodes only.
        var targets = destinationSnaps.Where(s => s.Node >= 0).Select(s => s.Node).Distinct().ToArray();
        var targetColumn = new Dictionary<int, int>(targets.Length);
        for (var k = 0; k < targets.Length; k++) targetColumn[targets[k]] = k;
        var sources = originSnaps.Where(s => s.Node >= 0).Select(s => s.Node).Distinct().ToArray();
        var sourceRow = new Dictionary<int, int>(sources.Length);
        for (var k = 0; k < sources.Length; k++) sourceRow[sources[k]] = k;
        var routeSeconds = new float[sources.Length * targets.Length];
        var routeMeters = new float[sources.Length * targets.Length];

        if (targets.Length > 0 && sources.Length > 0)
        {
            if (UseContractionHierarchy)
            {
                Hierarchy.ManyToMany(sources, targets, routeSeconds, routeMeters);
            }
            else
            {
                Parallel.For(0, sources.Length, () => Rent(), (k, _, search) =>
                {
                    search.Run(sources[k], targets, routeSeconds.AsSpan(k * targets.Length, targets.Length), routeMeters.AsSpan(k * targets.Length, targets.Length));
                    return search;
                }, _searches.Add);
            }
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var cell = i * columns + j;
                var (o, d) = (originSnaps[i], destinationSnaps[j]);
                if (o.Node >= 0 && d.Node >= 0)
                {
                    var route = sourceRow[o.Node] * targets.Length + targetColumn[d.Node];
                    if (o.Node == d.Node)
                    {
                        // Both points hang off the same node: they are neighbours, so going out to the node and back
                        // would overstate the trip; the direct hop is the better figure.
                        var hop = _fallback.Estimate(origins[i], destinations[j]);
                        (seconds[cell], meters[cell], routed[cell]) = (hop.Seconds, hop.Meters, true);
                        continue;
                    }
                    if (float.IsFinite(routeSeconds[route]))
                    {
                        seconds[cell] = routeSeconds[route] + (o.Meters + d.Meters) / _fallback.SpeedMetersPerSecond;
                        meters[cell] = routeMeters[route] + o.Meters + d.Meters;
                        routed[cell] = true;
                        continue;
                    }
                }
                var estimate = _fallback.Estimate(origins[i], destinations[j]);
                seconds[cell] = estimate.Seconds;
                meters[cell] = estimate.Meters;
            }
        }
        return new TravelMatrix(rows, columns, seconds, meters, routed);
    }

    private (int Node, double Meters) Snap(GeoPoint point) =>
        graph.TrySnap(point, MaxSnapMeters, out var node, out var meters) ? (node, meters) : (-1, 0);

    private ShortestPathSearch Rent() => _searches.TryTake(out var search) ? search : new ShortestPathSearch(graph, _edgeSeconds);
}
