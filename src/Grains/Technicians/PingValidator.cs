namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// The rules a fix must meet before anything is stored. Each broken rule yields one (field, message) pair whose
/// message a person can act on; an empty result means the fix is valid. <see cref="IsValid"/> checks the same rules
/// without allocating, for the path every ping takes.
/// </summary>
public static class PingValidator
{
    public static readonly TimeSpan MaxFuture = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    public const double MaxAccuracyMeters = 5_000;
    public const double MaxSpeedMetersPerSecond = 350;

    public static bool IsValid(GpsFix fix, DateTimeOffset now) => Broken(fix, now) == Rule.None;

    public static IEnumerable<(string Field, string Message)> Validate(GpsFix fix, DateTimeOffset now)
    {
        var broken = Broken(fix, now);
        if (broken == Rule.None)
            yield break;
        if (broken.HasFlag(Rule.Latitude))
            yield return ("lat", $"Latitude {fix.Latitude} is outside -90..90.");
        if (broken.HasFlag(Rule.Longitude))
            yield return ("lon", $"Longitude {fix.Longitude} is outside -180..180.");
        if (broken.HasFlag(Rule.NullIsland))
            yield return ("lat", "0,0 is what a phone sends without a fix, not a position.");
        if (broken.HasFlag(Rule.Future))
            yield return ("time", $"Fix time {fix.Time:O} is more than {MaxFuture.TotalMinutes:0} minute in the future (server time {now:O}).");
        if (broken.HasFlag(Rule.Old))
            yield return ("time", $"Fix time {fix.Time:O} is more than {MaxAge.TotalHours:0} hours old.");
        if (broken.HasFlag(Rule.Accuracy))
            yield return ("accuracy", $"Accuracy {fix.AccuracyMeters} m is outside 0..{MaxAccuracyMeters} m.");
        if (broken.HasFlag(Rule.Speed))
            yield return ("speed", $"Speed {fix.SpeedMetersPerSecond} m/s is outside 0..{MaxSpeedMetersPerSecond} m/s.");
        if (broken.HasFlag(Rule.Heading))
            yield return ("heading", $"Heading {fix.HeadingDegrees} is outside 0..360 degrees.");
        if (broken.HasFlag(Rule.Battery))
            yield return ("battery", $"Battery {fix.BatteryPercent} % is outside 0..100.");
        if (broken.HasFlag(Rule.Altitude))
            yield return ("altitude", $"Altitude {fix.AltitudeMeters} m is outside -1,000..20,000 m.");
    }

    private static Rule Broken(GpsFix fix, DateTimeOffset now)
    {
        var broken = Rule.None;
        if (!double.IsFinite(fix.Latitude) || fix.Latitude is < -90 or > 90) broken |= Rule.Latitude;
        if (!double.IsFinite(fix.Longitude) || fix.Longitude is < -180 or > 180) broken |= Rule.Longitude;
        if (fix.Latitude == 0 && fix.Longitude == 0) broken |= Rule.NullIsland;
        if (fix.Time > now + MaxFuture) broken |= Rule.Future;
        if (fix.Time < now - MaxAge) broken |= Rule.Old;
        if (fix.AccuracyMeters is { } accuracy && (!double.IsFinite(accuracy) || accuracy is < 0 or > MaxAccuracyMeters)) broken |= Rule.Accuracy;
        if (fix.SpeedMetersPerSecond is { } speed && (!double.IsFinite(speed) || speed is < 0 or > MaxSpeedMetersPerSecond)) broken |= Rule.Speed;
        if (fix.HeadingDegrees is { } heading && (!double.IsFinite(heading) || heading is < 0 or > 360)) broken |= Rule.Heading;
        if (fix.BatteryPercent is { } battery && (!double.IsFinite(battery) || battery is < 0 or > 100)) broken |= Rule.Battery;
        if (fix.AltitudeMeters is { } altitude && (!double.IsFinite(altitude) || altitude is < -1_000 or > 20_000)) broken |= Rule.Altitude;
        return broken;
    }

    [Flags]
    private enum Rule
    {
        None = 0,
        Latitude = 1,
        Longitude = 2,
        NullIsland = 4,
        Future = 8,
        Old = 16,
        Accuracy = 32,
        Speed = 64,
        Heading = 128,
        Battery = 256,
        Altitude = 512,
    }
}
