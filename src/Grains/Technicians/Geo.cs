namespace OrleansPortal.Grains.Technicians;

/// <summary>Great-circle geometry on a spherical Earth: plenty for jump filtering and geofences (error well under 1 %).</summary>
public static class Geo
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double DistanceMeters(GpsFix a, GpsFix b) => DistanceMeters(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>The speed needed to get from <paramref name="from"/> to <paramref name="to"/> in the time between them (infinite when no time passed but the place changed).</summary>
    public static double ImpliedSpeedKmh(GpsFix from, GpsFix to)
    {
        var meters = DistanceMeters(from, to);
        var seconds = Math.Abs((to.Time - from.Time).TotalSeconds);
        if (seconds < 0.001) return meters < 1 ? 0 : double.PositiveInfinity;
        return meters / seconds * 3.6;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
