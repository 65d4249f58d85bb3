using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

/// <summary>Route lines follow the roads the route drives: unpacked hierarchy paths, simplified within a few metres, encoded compactly.</summary>
public sealed class RouteGeometryTests
{
    private static readonly GeoPoint Campanha = new(41.1486, -8.5856);
    private static readonly GeoPoint Lisbon = new(38.7223, -9.1393);

    /// <summary>Random pairs of Porto's road nodes, the same every run.</summary>
    private static IEnumerable<(int From, int To)> NodePairs(int count)
    {
        var graph = PortoRoadNetwork.Graph;
        var random = new Random(1207);
        for (var i = 0; i < count; i++) yield return (random.Next(graph.NodeCount), random.Next(graph.NodeCount));
    }

    /// <summary>The fastest of the graph's edges from <paramref name="from"/> to <paramref name="to"/>, or null when there is none.</summary>
    private static (float Seconds, float Meters)? Edge(RoadGraph graph, int from, int to)
    {
        (float, float)? best = null;
        for (var e = graph.FirstEdge[from]; e < graph.FirstEdge[from + 1]; e++)
        {
            if (graph.EdgeTarget[e] == to && (best is null || graph.EdgeSeconds[e] < best.Value.Item1)) best = (graph.EdgeSeconds[e], graph.EdgeMeters[e]);
        }
        return best;
    }

    [Fact]
    public void AHierarchyPath_IsARoadPath_AsFastAsTheTravelTime()
    {
        var graph = PortoRoadNetwork.Graph;
        var travel = new RoadNetworkTravelTimeService(graph);
        var nodes = new List<int>();
        var longest = 0;

        foreach (var (from, to) in NodePairs(40).Where(p => p.From != p.To))
        {
            Assert.True(graph.Hierarchy.TryFindPath(from, to, nodes));

            Assert.Equal((from, to), (nodes[0], nodes[^1]));
            var seconds = 0.0;
            for (var i = 0; i + 1 < nodes.Count; i++)
            {
                var edge = Edge(graph, nodes[i], nodes[i + 1]);
                Assert.True(edge is not null, $"no road from node {nodes[i]} to node {nodes[i + 1]} (step {i} of the path {from} -> {to})");
                seconds += edge!.Value.Seconds;
            }
            // The same route the travel time measured: as fast, not merely some path.
            Assert.Equal(travel.Estimate(graph.NodeLocation(from), graph.NodeLocation(to)).Seconds, seconds, 0.01 * seconds + 0.5);
            longest = Math.Max(longest, nodes.Count);
        }
        Assert.True(longest > 50, $"the longest path has {longest} nodes: the pairs should cross the city");
    }

    [Fact]
    public void ALeg_KeepsItsRoadPointsInOrder_WithinTheToleranceOfTheRoads()
    {
        var graph = PortoRoadNetwork.Graph;
        var geometry = new RoadRouteGeometry(new RoadNetworkTravelTimeService(graph));
        const double RoundingMeters = 1.5; // 1e-5 degrees of the encoding, either axis
        int traced = 0, drawn = 0;

        foreach (var (from, to) in NodePairs(25).Where(p => p.From != p.To))
        {
            var (a, b) = (graph.NodeLocation(from), graph.NodeLocation(to));
            var path = geometry.Trace(a, b)!;
            var leg = geometry.Leg(a, b);
            var points = EncodedPolyline.Decode(leg.Polyline);

            Assert.False(leg.Straight);
            Assert.True(points.Count >= 2);
            // Every drawn point is a point of the road path, in the path's order; every path point dropped lies within the
            // tolerance of the drawn segment that replaced it, so each drawn segment is a simplification of road edges.
            var at = 0;
            for (var k = 0; k < points.Count; k++)
            {
                var next = path.FindIndex(k == 0 ? 0 : at + 1, p => p.DistanceMetersTo(points[k]) <= RoundingMeters);
                Assert.True(next >= 0, $"drawn point {k} of the leg {from} -> {to} is not on its road path after point {at}");
                for (var skipped = at + 1; skipped < next; skipped++)
                    Assert.InRange(SegmentDistance(path[skipped], points[k - 1], points[k]), 0, geometry.ToleranceMeters + RoundingMeters);
                at = next;
            }
            Assert.Equal(path.Count - 1, at); // the drawn line ends where the road path does
            (traced, drawn) = (traced + path.Count, drawn + points.Count);
        }
        Assert.True(drawn < traced * 0.8, $"{drawn} points drawn of {traced} on the roads: simplification should drop straight runs");
    }

    [Fact]
    public void AChainOfRoads_UnpacksEveryShortcut_IntoTheNodesItBypasses()
    {
        // A two-way street of 40 nodes: contracting its middle nodes stacks shortcuts on shortcuts.
        var nodes = Enumerable.Range(0, 40).ToDictionary(i => (long)i + 1, i => new GeoPoint(41.15, -8.62 + i * 0.0005));
        var data = new OsmRoadData
        {
            Nodes = nodes,
            Ways = [new OsmWay(1, [.. nodes.Keys], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null)],
            NodesInFile = nodes.Count,
            WaysInFile = 1,
        };
        var graph = RoadGraph.FromOsm(data);
        var geometry = new RoadRouteGeometry(new RoadNetworkTravelTimeService(graph));

        var there = geometry.Trace(nodes[1], nodes[40])!;
        var back = geometry.Trace(nodes[40], nodes[1])!;

        Assert.True(graph.ShortcutCount > 0);
        Assert.Equal(nodes.Values, there);
        Assert.Equal(nodes.Values.Reverse(), back);
    }

    [Fact]
    public void AgainstAOneWayStreet_TheLegDrawsTheDetour()
    {
        var (a, b, c) = (OneWayStreetTests.A, OneWayStreetTests.B, OneWayStreetTests.C); // a one-way street from A to B, a two-way detour through C
        var geometry = new RoadRouteGeometry(OneWayStreetTests.Service());

        Assert.Equal([a, b], EncodedPolyline.Decode(geometry.Leg(a, b).Polyline));
        Assert.Equal([b, c, a], EncodedPolyline.Decode(geometry.Leg(b, a).Polyline));
    }

    [Fact]
    public void AnEndOffTheNetwork_GetsTheStraightLine_MarkedSo()
    {
        var geometry = new RoadRouteGeometry(new RoadNetworkTravelTimeService(PortoRoadNetwork.Graph));

        var leg = geometry.Leg(Campanha, Lisbon);

        Assert.True(leg.Straight);
        Assert.Equal([Campanha, Lisbon], EncodedPolyline.Decode(leg.Polyline));
    }

    [Fact]
    public void WithoutARoadGraph_EveryLegIsTheStraightLine()
    {
        var leg = new StraightRouteGeometry().Leg(Campanha, new GeoPoint(41.1589, -8.6306));

        Assert.True(leg.Straight);
        Assert.Equal([Campanha, new GeoPoint(41.1589, -8.6306)], EncodedPolyline.Decode(leg.Polyline));
    }

    [Fact]
    public void EncodedPolyline_IsGooglesFormat_AndRoundTripsToTheMetre()
    {
        GeoPoint[] example = [new(38.5, -120.2), new(40.7, -120.95), new(43.252, -126.453)];
        Assert.Equal("_p~iF~ps|U_ulLnnqC_mqNvxq`@", EncodedPolyline.Encode(example)); // the format's documented example

        GeoPoint[] porto = [new(41.148612, -8.585634), new(41.148599, -8.585701), new(41.0, -8.9)];
        var decoded = EncodedPolyline.Decode(EncodedPolyline.Encode(porto));
        Assert.Equal(porto.Length, decoded.Count);
        for (var i = 0; i < porto.Length; i++) Assert.InRange(decoded[i].DistanceMetersTo(porto[i]), 0, 1);
        Assert.Throws<FormatException>(() => EncodedPolyline.Decode("_p~iF~ps|U_"));
    }

    [Fact]
    public void CachedGeometry_DrawsEachPairOnce()
    {
        var inner = new CountingGeometry();
        var cached = new CachedRouteGeometry(inner, capacity: 2);
        var (a, b, c) = (Campanha, new GeoPoint(41.1589, -8.6306), new GeoPoint(41.1826, -8.6897));

        var first = cached.Leg(a, b);
        Assert.Same(first, cached.Leg(a, b));
        cached.Leg(b, a); // the other direction is another leg
        cached.Leg(a, c); // evicts (a, b), the least recently used

        Assert.Equal(3, inner.Calls);
        cached.Leg(a, b);
        Assert.Equal(4, inner.Calls);
    }

    /// <summary>Distance in metres from <paramref name="p"/> to the segment from <paramref name="a"/> to <paramref name="b"/>, on a local flat projection.</summary>
    private static double SegmentDistance(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;
        var scale = Math.Cos(a.Latitude * Math.PI / 180);
        double X(GeoPoint q) => (q.Longitude - a.Longitude) * scale * MetersPerDegree;
        double Y(GeoPoint q) => (q.Latitude - a.Latitude) * MetersPerDegree;
        var (bx, by, px, py) = (X(b), Y(b), X(p), Y(p));
        var length = bx * bx + by * by;
        var t = length == 0 ? 0 : Math.Clamp((px * bx + py * by) / length, 0, 1);
        return Math.Sqrt((px - t * bx) * (px - t * bx) + (py - t * by) * (py - t * by));
    }

    private sealed class CountingGeometry : IRouteGeometry
    {
        public int Calls { get; private set; }

        public LegGeometry Leg(GeoPoint from, GeoPoint to)
        {
            Calls++;
            return LegGeometry.StraightLine(from, to);
        }
    }
}
