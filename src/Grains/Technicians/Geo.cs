namespace OrleansPortal.Grains.Technicians;

/// <summary>Great-circle geometry of fixes (see <see cref="GeoPoint"/>): plenty for jump filtering and geofences.</summary>
public static class Geo
{
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2) =>
        new GeoPoint(lat1, lon1).DistanceMetersTo(new GeoPoint(lat2, lon2));

    public static double DistanceMeters(GpsFix a, GpsFix b) => DistanceMeters(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>The speed needed to get from <paramref name="from"/> to <paramref name="to"/> in the time between them (infinite when no time passed but the place changed).</summary>
    public static double ImpliedSpeedKmh(GpsFix from, GpsFix to)
    {
        var meters = DistanceMeters(from, to);
        var seconds = Math.Abs((to.Time - from.Time).TotalSeconds);
        if (seconds < 0.001) return meters < 1 ? 0 : double.PositiveInfinity;
        return meters / seconds * 3.6;
    }
}
