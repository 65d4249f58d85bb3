using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

/// <summary>
/// Two parallel two-way residential streets, 100 m blocks, 400 m long, 300 m apart, joined at both ends; a small graph
/// on which what a model should learn is known.
/// </summary>
internal static class TwoStreets
{
    public static readonly GeoPoint SouthWest = new(41.1500, -8.6100);

    private static readonly Lazy<RoadGraph> LazyGraph = new(Build);

    public static RoadGraph Graph => LazyGraph.Value;

    public static GeoPoint At(double eastMeters, double northMeters) => new(
        SouthWest.Latitude + northMeters / 111_195,
        SouthWest.Longitude + eastMeters / (111_195 * Math.Cos(SouthWest.Latitude * Math.PI / 180)));

    /// <summary>The edges of the southern street driven eastwards, block by block.</summary>
    public static List<int> SouthEastbound() => Path(Enumerable.Range(0, 5).Select(i => At(100 * i, 0)).ToList());

    /// <summary>The edges of the northern street driven eastwards.</summary>
    public static List<int> NorthEastbound() => Path(Enumerable.Range(0, 5).Select(i => At(100 * i, 300)).ToList());

    private static List<int> Path(List<GeoPoint> points)
    {
        var graph = Graph;
        var edges = new List<int>();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            graph.TrySnap(points[k], 1, out var from, out _);
            graph.TrySnap(points[k + 1], 1, out var to, out _);
            edges.Add(Enumerable.Range(graph.FirstEdgeOf(from), graph.EndEdgeOf(from) - graph.FirstEdgeOf(from)).Single(e => graph.EdgeTo(e) == to));
        }
        return edges;
    }

    private static RoadGraph Build()
    {
        var nodes = new Dictionary<long, GeoPoint>();
        for (var i = 0; i < 5; i++)
        {
            nodes[1 + i] = At(100 * i, 0);
            nodes[11 + i] = At(100 * i, 300);
        }
        return RoadGraph.FromOsm(new OsmRoadData
        {
            Nodes = nodes,
            Ways =
            [
                new OsmWay(1, [1, 2, 3, 4, 5], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(2, [11, 12, 13, 14, 15], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(3, [1, 11], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(4, [5, 15], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
            ],
            NodesInFile = nodes.Count,
            WaysInFile = 4,
        });
    }
}
