namespace OrleansPortal.Grains.Routing;

/// <summary>
/// The estimate used where no road extract covers a point: great-circle distance x detour factor at a typical
/// urban speed. The defaults (1.3 and 30 km/h) come from the Porto taxi traces, whose median moving speed is
/// about 30 km/h, and from the usual 1.2 to 1.4 ratio of road to straight-line distance in cities.
/// </summary>
public sealed class GreatCircleTravelTimeService(double detourFactor = 1.3, double speedKilometersPerHour = 30) : ITravelTimeService
{
    public double DetourFactor { get; } = detourFactor;

    public double SpeedMetersPerSecond { get; } = speedKilometersPerHour / 3.6;

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to)
    {
        var meters = from.DistanceMetersTo(to) * DetourFactor;
        return new TravelEstimate(meters / SpeedMetersPerSecond, meters, IsFallback: true);
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var seconds = new double[origins.Count * destinations.Count];
        var meters = new double[seconds.Length];
        for (var i = 0; i < origins.Count; i++)
        {
            for (var j = 0; j < destinations.Count; j++)
            {
                var estimate = Estimate(origins[i], destinations[j]);
                seconds[i * destinations.Count + j] = estimate.Seconds;
                meters[i * destinations.Count + j] = estimate.Meters;
            }
        }
        return new TravelMatrix(origins.Count, destinations.Count, seconds, meters);
    }
}
