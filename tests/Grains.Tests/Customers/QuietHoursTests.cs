using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Grains.Tests.Customers;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Lisbon");

    [Theory]
    [InlineData("2026-07-01T21:30:00Z", true)]  // 22:30 in Lisbon (summer time, UTC+1)
    [InlineData("2026-07-01T05:59:00Z", true)]  // 06:59
    [InlineData("2026-07-01T06:00:00Z", false)] // 07:00: the end is outside
    [InlineData("2026-07-01T12:00:00Z", false)]
    [InlineData("2026-01-15T22:00:00Z", true)]  // 22:00 in winter (UTC+0): the start is inside
    [InlineData("2026-01-15T21:59:00Z", false)]
    public void SpanOverMidnight_IsReadInTheContactsTimeZone(string utc, bool quiet) =>
        Assert.Equal(quiet, Night.Contains(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void SpanWithinOneDay_EndsAtItsEnd()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0), "UTC");

        Assert.True(lunch.Contains(new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero)));
        Assert.False(lunch.Contains(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero)));
    }
}
