using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tests.Technicians;

public sealed class AvailabilityTests
{
    private static readonly TechnicianSchedule Lisbon = TechnicianSchedule.Default with
    {
        TimeZone = "Europe/Lisbon",
        BlackoutDates = [new DateOnly(2026, 12, 24)],
        Certifications = [new Certification("backflow", new DateOnly(2026, 12, 31)), new Certification("gas", null)],
    };

    [Fact]
    public void JobInsideAShift_InTheSchedulesTimeZone_Fits()
    {
        // 15:00 UTC on a Monday in November is 15:00 in Lisbon (winter time): inside 8-17.
        Assert.True(Availability.CanWork(Lisbon, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void JobRunningPastTheShift_OrOnADayOff_OrAtTheWeekend_DoesNotFit()
    {
        Assert.False(Availability.CanWork(Lisbon, new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
        Assert.False(Availability.CanWork(Lisbon, new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
        Assert.False(Availability.CanWork(Lisbon, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ANightShift_CoversTheHoursPastMidnight_UnlessItStartsOnADayOff()
    {
        // Friday 22:00 to 06:00, Lisbon (UTC in November); Friday 2026-11-27 is a day off in the second schedule.
        var nights = Lisbon with { WorkingHours = [new WorkingHours(DayOfWeek.Friday, new(22, 0), new(6, 0))] };
        var friday = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

        Assert.True(Availability.CanWork(nights, friday.AddHours(23), TimeSpan.FromHours(2)));       // across midnight
        Assert.True(Availability.CanWork(nights, friday.AddHours(27), TimeSpan.FromHours(2)));       // Saturday 03:00-05:00
        Assert.False(Availability.CanWork(nights, friday.AddHours(29.5), TimeSpan.FromHours(1)));    // past 06:00
        Assert.False(Availability.CanWork(nights, friday.AddHours(20), TimeSpan.FromHours(1)));      // before it starts
        Assert.False(Availability.CanWork(nights with { BlackoutDates = [DateOnly.FromDateTime(friday.DateTime)] }, friday.AddHours(27), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ExpiredCertification_NoLongerQualifies()
    {
        var profile = new TechnicianProfile("Ana", ["irrigation"], null, null);

        Assert.Contains("backflow", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2026, 12, 31)));
        Assert.DoesNotContain("backflow", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2027, 1, 1)));
        Assert.Contains("gas", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2030, 1, 1)));
    }
}
