namespace OrleansPortal.Grains.Routing;

/// <summary>
/// A directed road graph in compressed sparse row form: for node v, its outgoing edges are
/// [FirstEdge[v], FirstEdge[v + 1]) with target, travel time and length. Immutable after construction, so any
/// number of threads may search it at once. Built from an extract it holds only the largest strongly connected
/// component, so every node can reach every other and a route between snapped points always exists.
/// </summary>
public sealed class RoadGraph
{
    private readonly GeoPoint[] _locations;
    private readonly NodeGrid _grid;

    internal RoadGraph(GeoPoint[] locations, int[] firstEdge, int[] edgeTarget, float[] edgeSeconds, float[] edgeMeters, int[] edgeSource, RoadClass[] edgeClass)
    {
        EdgeSource = edgeSource;
        EdgeClass = edgeClass;
        _locations = locations;
        FirstEdge = firstEdge;
        EdgeTarget = edgeTarget;
        EdgeSeconds = edgeSeconds;
        EdgeMeters = edgeMeters;
        _grid = new NodeGrid(locations);
        Hierarchy = new ContractionHierarchy(this);
    }

    /// <summary>Built with the graph, so the cost of preprocessing is paid once, at load.</summary>
    internal ContractionHierarchy Hierarchy { get; }

    /// <summary>Shortcut arcs the hierarchy added; a measure of preprocessing quality, for diagnostics.</summary>
    public int ShortcutCount => Hierarchy.ShortcutCount;

    public int NodeCount => _locations.Length;

    public int EdgeCount => EdgeTarget.Length;

    internal int[] FirstEdge { get; }

    internal int[] EdgeTarget { get; }

    internal float[] EdgeSeconds { get; }

    internal float[] EdgeMeters { get; }

    /// <summary>The node each edge leaves from (the CSR rows say it too, but a matcher walking edges needs it directly).</summary>
    internal int[] EdgeSource { get; }

    internal RoadClass[] EdgeClass { get; }

    public int EdgeFrom(int edge) => EdgeSource[edge];

    public int EdgeTo(int edge) => EdgeTarget[edge];

    /// <summary>Free-flow seconds: the edge's length at its class's (or its maxspeed's) speed.</summary>
    public double EdgeFreeFlowSeconds(int edge) => EdgeSeconds[edge];

    public double EdgeLengthMeters(int edge) => EdgeMeters[edge];

    public RoadClass EdgeRoadClass(int edge) => EdgeClass[edge];

    public int FirstEdgeOf(int node) => FirstEdge[node];

    public int EndEdgeOf(int node) => FirstEdge[node + 1];

    public GeoPoint NodeLocation(int node) => _locations[node];

    /// <summary>Builds the graph of an extract with <see cref="RoadSpeeds"/>; see <see cref="RoadGraphBuilder"/>.</summary>
    public static RoadGraph FromOsm(OsmRoadData data) => RoadGraphBuilder.Build(data);

    /// <summary>The node nearest to <paramref name="point"/> within <paramref name="maxMeters"/>, if any.</summary>
    public bool TrySnap(GeoPoint point, double maxMeters, out int node, out double meters) =>
        _grid.TryFindNearest(point, maxMeters, out node, out meters);
}
