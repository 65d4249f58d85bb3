using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

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
    public void TheShiftUnderWay_IsTheOneHoldingTheInstant_AndNoneBeforeOrAfterIt_OnADayOff_OrOnABlackoutDate()
    {
        // Lisbon is UTC+1 in summer: 8-17 there is 7:00 to 16:00 UTC.
        var summerMonday = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var shift = new TimeWindow(summerMonday.AddHours(7), summerMonday.AddHours(16));

        Assert.Equal(shift, Availability.ShiftAt(Lisbon, summerMonday.AddHours(7)));
        Assert.Equal(shift, Availability.ShiftAt(Lisbon, summerMonday.AddHours(15).AddMinutes(59)));
        Assert.Null(Availability.ShiftAt(Lisbon, summerMonday.AddHours(6).AddMinutes(59))); // before it starts
        Assert.Null(Availability.ShiftAt(Lisbon, summerMonday.AddHours(16)));               // once it has ended
        Assert.Null(Availability.ShiftAt(Lisbon, summerMonday.AddDays(-1).AddHours(10)));   // Sunday, a day off
        Assert.Null(Availability.ShiftAt(Lisbon, new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero))); // a blackout date
    }

    [Fact]
    public void ASplitShift_IsEachOfItsParts_InOrder_AndItsBreakIsOffShift()
    {
        var split = Lisbon with { WorkingHours = [new WorkingHours(DayOfWeek.Monday, new(14, 0), new(18, 0)), new WorkingHours(DayOfWeek.Monday, new(8, 0), new(12, 0))] };
        var monday = new DateOnly(2026, 11, 23); // Lisbon is UTC in November

        var shifts = Availability.ShiftsOn(split, monday);

        Assert.Equal([new TimeWindow(At(monday, 8), At(monday, 12)), new TimeWindow(At(monday, 14), At(monday, 18))], shifts);
        Assert.Null(Availability.ShiftAt(split, At(monday, 13)));
        Assert.Equal(shifts[1], Availability.ShiftAt(split, At(monday, 14)));
        Assert.Empty(Availability.ShiftsOn(split, monday.AddDays(1)));
    }

    [Fact]
    public void ANightShift_IsUnderWayPastMidnight_AsOneSpanEndingTheNextMorning()
    {
        var nights = Lisbon with { WorkingHours = [new WorkingHours(DayOfWeek.Friday, new(22, 0), new(6, 0))] };
        var friday = new DateOnly(2026, 11, 27); // Lisbon is UTC in November
        var shift = new TimeWindow(At(friday, 22), At(friday.AddDays(1), 6));

        Assert.Equal([shift], Availability.ShiftsOn(nights, friday));
        Assert.Equal(shift, Availability.ShiftAt(nights, At(friday.AddDays(1), 3)));
        Assert.Null(Availability.ShiftAt(nights, At(friday.AddDays(1), 6)));
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

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
