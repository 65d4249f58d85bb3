using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Legs along a road graph: each end snapped as <see cref="RoadNetworkTravelTimeService"/> snaps it (so the line is the
/// route the travel time was measured on), the fastest route unpacked from the contraction hierarchy into road nodes,
/// then simplified by Douglas-Peucker within <see cref="ToleranceMeters"/>. The line runs from the leg's first point
/// straight to its road node, along the roads, and straight on to the last point, as the travel time counts it. Where
/// the travel time falls back to the great circle (an end off the network), the leg is the straight line.
/// Thread-safe: the graph is immutable and the hierarchy pools its search workspaces.
/// </summary>
public sealed class RoadRouteGeometry(RoadNetworkTravelTimeService network) : IRouteGeometry
{
    private const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;

    /// <summary>Points closer than this to the simplified line are dropped: a few metres, below what a city map at street zoom shows.</summary>
    public double ToleranceMeters { get; init; } = 5;

    public LegGeometry Leg(GeoPoint from, GeoPoint to)
    {
        var points = Trace(from, to);
        return points is null ? LegGeometry.StraightLine(from, to) : new LegGeometry(EncodedPolyline.Encode(Simplify(points, ToleranceMeters)), Straight: false);
    }

    /// <summary>
    /// The leg's unsimplified line: the first point, the road nodes of the route, the last point; null when it is only
    /// the straight segment (an end off the network, no route, or both ends at the same node).
    /// </summary>
    public List<GeoPoint>? Trace(GeoPoint from, GeoPoint to)
    {
        var graph = network.Graph;
        if (!graph.TrySnap(from, network.MaxSnapMeters, out var source, out _) || !graph.TrySnap(to, network.MaxSnapMeters, out var target, out _) || source == target)
            return null;
        var nodes = new List<int>();
        if (!network.Hierarchy.TryFindPath(source, target, nodes)) return null; // the route that was timed, on its own edge times

        var points = new List<GeoPoint>(nodes.Count + 2) { from };
        foreach (var node in nodes)
        {
            var location = graph.NodeLocation(node);
            if (location != points[^1]) points.Add(location);
        }
        if (to != points[^1]) points.Add(to);
        return points;
    }

    /// <summary>Douglas-Peucker on a local flat projection in metres (equirectangular about the first point: exact enough within a city).</summary>
    public static List<GeoPoint> Simplify(IReadOnlyList<GeoPoint> points, double toleranceMeters)
    {
        if (points.Count <= 2 || toleranceMeters <= 0) return [.. points];
        var origin = points[0];
        var metersPerDegreeLongitude = MetersPerDegree * Math.Cos(origin.Latitude * Math.PI / 180);
        // Z carries each point's index, so the kept points map back to the exact positions rather than a re-projection.
        var projected = new Coordinate[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            projected[i] = new CoordinateZ(
                (points[i].Longitude - origin.Longitude) * metersPerDegreeLongitude, (points[i].Latitude - origin.Latitude) * MetersPerDegree, i);
        }
        return [.. DouglasPeuckerLineSimplifier.Simplify(projected, toleranceMeters).Select(c => points[(int)c.Z])];
    }
}
