namespace OrleansPortal.Grains.Routing;

/// <summary>Driving travel time and distance between points; implementations are pure and thread-safe.</summary>
public interface ITravelTimeService
{
    /// <summary>Time and distance to drive from <paramref name="from"/> to <paramref name="to"/>; always returns an estimate, never throws for a valid point.</summary>
    TravelEstimate Estimate(GeoPoint from, GeoPoint to);

    /// <summary>Every origin to every destination; cell (i, j) equals <see cref="Estimate"/>(origins[i], destinations[j]).</summary>
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations);
}
