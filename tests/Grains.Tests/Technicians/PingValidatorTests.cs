using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tests.Technicians;

public sealed class PingValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The fields Validate names; every case also checks that the allocation-free IsValid agrees with it.</summary>
    private static string[] FieldsBroken(GpsFix fix)
    {
        string[] fields = [.. PingValidator.Validate(fix, Now).Select(e => e.Field)];
        Assert.Equal(fields.Length == 0, PingValidator.IsValid(fix, Now));
        return fields;
    }

    [Fact]
    public void ValidFix_HasNoErrors()
    {
        var fix = new GpsFix(Now.AddSeconds(-5), 41.15, -8.61) { SpeedMetersPerSecond = 13, HeadingDegrees = 90, AccuracyMeters = 8, BatteryPercent = 70, AltitudeMeters = 80 };

        Assert.Empty(FieldsBroken(fix));
    }

    [Theory]
    [InlineData(90.0001, 0.1, "lat")]
    [InlineData(-91, 0.1, "lat")]
    [InlineData(double.NaN, 0.1, "lat")]
    [InlineData(10, 180.5, "lon")]
    [InlineData(10, double.NegativeInfinity, "lon")]
    [InlineData(0, 0, "lat")]
    public void CoordinatesOutOfRange_AreRejected(double lat, double lon, string field)
    {
        Assert.Contains(field, FieldsBroken(new GpsFix(Now, lat, lon)));
    }

    [Fact]
    public void FixMoreThanAMinuteAhead_OrADayOld_IsRejected()
    {
        Assert.Contains("time", FieldsBroken(new GpsFix(Now.AddSeconds(61), 41.15, -8.61)));
        Assert.Contains("time", FieldsBroken(new GpsFix(Now.AddHours(-24).AddSeconds(-1), 41.15, -8.61)));
        Assert.Empty(FieldsBroken(new GpsFix(Now.AddSeconds(59), 41.15, -8.61)));
        Assert.Empty(FieldsBroken(new GpsFix(Now.AddHours(-23), 41.15, -8.61)));
    }

    [Fact]
    public void ImplausibleMeasurements_AreRejected_EachWithItsField()
    {
        var fix = new GpsFix(Now, 41.15, -8.61) { AccuracyMeters = -1, SpeedMetersPerSecond = 400, HeadingDegrees = 361, BatteryPercent = 101, AltitudeMeters = 30_000 };

        Assert.Equal(["accuracy", "speed", "heading", "battery", "altitude"], FieldsBroken(fix));
    }
}
