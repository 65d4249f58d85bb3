namespace OrleansPortal.Grains.Routing;

/// <summary>The line a technician drives between two points, for drawing on a map; implementations are pure and thread-safe.</summary>
public interface IRouteGeometry
{
    /// <summary>The leg from <paramref name="from"/> to <paramref name="to"/>; never throws for a valid point (the straight line at worst).</summary>
    LegGeometry Leg(GeoPoint from, GeoPoint to);
}
