namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Driving travel time and distance between points; implementations are pure and thread-safe. The overloads with a
/// departure time are the ones to plan with: a learned model knows that 8:30 on a weekday is slower than 3:00 on a
/// Sunday. A service without such knowledge answers them with its one time-independent figure.
/// </summary>
public interface ITravelTimeService
{
    /// <summary>Time and distance to drive from <paramref name="from"/> to <paramref name="to"/>; always returns an estimate, never throws for a valid point.</summary>
    TravelEstimate Estimate(GeoPoint from, GeoPoint to);

    /// <summary>Every origin to every destination; cell (i, j) equals <see cref="Estimate(GeoPoint, GeoPoint)"/>(origins[i], destinations[j]).</summary>
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations);

    /// <summary>The drive when leaving at <paramref name="departAt"/>.</summary>
    TravelEstimate Estimate(GeoPoint from, GeoPoint to, DateTimeOffset departAt) => Estimate(from, to);

    /// <summary>Every origin to every destination, all leaving at <paramref name="departAt"/> (a day's plan uses its start).</summary>
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations, DateTimeOffset departAt) => Matrix(origins, destinations);
}
