namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// The rules a fix must meet before anything is stored. Each broken rule yields one (field, message) pair whose
/// message a person can act on; an empty result means the fix is valid.
/// </summary>
public static class PingValidator
{
    public static readonly TimeSpan MaxFuture = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    public const double MaxAccuracyMeters = 5_000;
    public const double MaxSpeedMetersPerSecond = 350;

    public static IEnumerable<(string Field, string Message)> Validate(GpsFix fix, DateTimeOffset now)
    {
        if (!double.IsFinite(fix.Latitude) || fix.Latitude is < -90 or > 90)
            yield return ("lat", $"Latitude {fix.Latitude} is outside -90..90.");
        if (!double.IsFinite(fix.Longitude) || fix.Longitude is < -180 or > 180)
            yield return ("lon", $"Longitude {fix.Longitude} is outside -180..180.");
        if (fix.Latitude == 0 && fix.Longitude == 0)
            yield return ("lat", "0,0 is what a phone sends without a fix, not a position.");
        if (fix.Time > now + MaxFuture)
            yield return ("time", $"Fix time {fix.Time:O} is more than {MaxFuture.TotalMinutes:0} minute in the future (server time {now:O}).");
        if (fix.Time < now - MaxAge)
            yield return ("time", $"Fix time {fix.Time:O} is more than {MaxAge.TotalHours:0} hours old.");
        if (fix.AccuracyMeters is { } accuracy && (!double.IsFinite(accuracy) || accuracy is < 0 or > MaxAccuracyMeters))
            yield return ("accuracy", $"Accuracy {accuracy} m is outside 0..{MaxAccuracyMeters} m.");
        if (fix.SpeedMetersPerSecond is { } speed && (!double.IsFinite(speed) || speed is < 0 or > MaxSpeedMetersPerSecond))
            yield return ("speed", $"Speed {speed} m/s is outside 0..{MaxSpeedMetersPerSecond} m/s.");
        if (fix.HeadingDegrees is { } heading && (!double.IsFinite(heading) || heading is < 0 or > 360))
            yield return ("heading", $"Heading {heading} is outside 0..360 degrees.");
        if (fix.BatteryPercent is { } battery && (!double.IsFinite(battery) || battery is < 0 or > 100))
            yield return ("battery", $"Battery {battery} % is outside 0..100.");
        if (fix.AltitudeMeters is { } altitude && (!double.IsFinite(altitude) || altitude is < -1_000 or > 20_000))
            yield return ("altitude", $"Altitude {altitude} m is outside -1,000..20,000 m.");
    }
}
