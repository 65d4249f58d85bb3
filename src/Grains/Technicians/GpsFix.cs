using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// One position fix as a device reported it, normalised whatever the wire format: UTC time of the fix, decimal
/// degrees, metres, metres per second, degrees clockwise from north, battery in percent. Unknown values are null.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.GpsFix")]
public sealed record GpsFix(DateTimeOffset Time, double Latitude, double Longitude)
{
    [Id(3)]
    public double? SpeedMetersPerSecond { get; init; }

    [Id(4)]
    public double? HeadingDegrees { get; init; }

    [Id(5)]
    public double? AltitudeMeters { get; init; }

    [Id(6)]
    public double? AccuracyMeters { get; init; }

    [Id(7)]
    public double? BatteryPercent { get; init; }
}
