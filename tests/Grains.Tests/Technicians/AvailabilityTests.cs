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
    public void ExpiredCertification_NoLongerQualifies()
    {
        var profile = new TechnicianProfile("Ana", ["irrigation"], null, null);

        Assert.Contains("backflow", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2026, 12, 31)));
        Assert.DoesNotContain("backflow", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2027, 1, 1)));
        Assert.Contains("gas", Availability.QualificationsOn(profile, Lisbon, new DateOnly(2030, 1, 1)));
    }
}
