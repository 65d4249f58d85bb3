using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

public sealed class TravelModelScheduleTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    [Theory]
    [InlineData("2026-12-06T17:00:00Z", "2026-12-07T03:00:00+00:00")] // winter: Lisbon is UTC
    [InlineData("2026-12-06T02:59:00Z", "2026-12-06T03:00:00+00:00")] // before three: tonight
    [InlineData("2026-12-06T03:00:00Z", "2026-12-07T03:00:00+00:00")] // at three: tomorrow
    [InlineData("2026-07-01T12:00:00Z", "2026-07-02T03:00:00+01:00")] // summer: 02:00 UTC
    public void RetrainingRuns_AtThreeInTheNight_InTheCompanysZone(string now, string expected)
    {
        var next = TravelModelSchedule.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Lisbon);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(3, TimeZoneInfo.ConvertTime(next, Lisbon).Hour);
    }
}
