namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// One position fix as a device reported it, normalised whatever the wire format: UTC time of the fix, decimal
/// degrees, metres, metres per second, degrees clockwise from north, battery in percent. Unknown values are null.
/// </summary>
public sealed record GpsFix(DateTimeOffset Time, double Latitude, double Longitude)
{
    public double? SpeedMetersPerSecond { get; init; }

    public double? HeadingDegrees { get; init; }

    public double? AltitudeMeters { get; init; }

    public double? AccuracyMeters { get; init; }

    public double? BatteryPercent { get; init; }
}
