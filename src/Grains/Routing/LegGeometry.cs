namespace OrleansPortal.Grains.Routing;

/// <summary>
/// One leg of a route as a line: <see cref="Polyline"/> is the Google encoded polyline (precision 5, about a metre) of
/// its points, from the leg's first point to its last. <see cref="Straight"/> is true when it is only the straight
/// segment between the two ends, because no road graph is loaded, an end is off the network, no road joins them, or
/// both ends hang off the same road node.
/// </summary>
public sealed record LegGeometry(string Polyline, bool Straight)
{
    public static LegGeometry StraightLine(GeoPoint from, GeoPoint to) => new(EncodedPolyline.Encode([from, to]), Straight: true);
}
