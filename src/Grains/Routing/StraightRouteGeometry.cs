namespace OrleansPortal.Grains.Routing;

/// <summary>Where no road graph is loaded: every leg is the straight segment, marked as such.</summary>
public sealed class StraightRouteGeometry : IRouteGeometry
{
    public LegGeometry Leg(GeoPoint from, GeoPoint to) => LegGeometry.StraightLine(from, to);
}
