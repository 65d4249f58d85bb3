using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Tests.Support;

/// <summary>
/// Business time in Lisbon: weekdays 09:00 to 18:00 unless a test says otherwise. Lisbon is on UTC in winter (WET) and
/// UTC+1 in summer (WEST); in 2026 the clocks go forward on Sunday 29 March at 01:00 and back on Sunday 25 October at 02:00.
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    private static readonly OpeningHours[] Weekdays =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new OpeningHours(d, 9 * 60, 18 * 60))];

    private static readonly BusinessCalendar Office = new(Lisbon, Weekdays, []);

    /// <summary>A local time in Lisbon as the instant it is (January 2026 is UTC+0; the 5th is a Monday).</summary>
    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Lisbon.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(10, 0, 60, 5, 11, 0)]   // within the day
    [InlineData(17, 30, 60, 6, 9, 30)]  // over the night
    [InlineData(7, 0, 30, 5, 9, 30)]    // before opening: the count starts at 09:00
    [InlineData(20, 0, 30, 6, 9, 30)]   // after closing: the next morning
    [InlineData(9, 0, 540, 5, 18, 0)]   // a whole day ends at closing, not the next opening
    [InlineData(9, 0, 541, 6, 9, 1)]
    [InlineData(12, 0, 5 * 540, 12, 12, 0)] // a business week later is a calendar week later
    public void AddingBusinessMinutes_OnAMonday_CountsOnlyOpeningHours(int hour, int minute, int minutes, int dueDay, int dueHour, int dueMinute) =>
        Assert.Equal(Local(1, dueDay, dueHour, dueMinute), Office.AddBusinessMinutes(Local(1, 5, hour, minute), minutes));

    [Fact]
    public void AWeekend_IsSkipped()
    {
        Assert.Equal(Local(1, 12, 10, 0), Office.AddBusinessMinutes(Local(1, 9, 17, 0), 120)); // Friday 17:00 + 2 h
        Assert.Equal(Local(1, 12, 9, 30), Office.AddBusinessMinutes(Local(1, 10, 12, 0), 30)); // from a Saturday
        Assert.Equal(TimeSpan.FromHours(2), Office.BusinessTimeBetween(Local(1, 9, 17, 0), Local(1, 12, 10, 0)));
    }

    [Fact]
    public void AHoliday_IsSkipped_LikeAClosedDay()
    {
        var withHoliday = new BusinessCalendar(Lisbon, Weekdays, [new DateOnly(2026, 1, 6)]);

        Assert.Equal(Local(1, 7, 10, 0), withHoliday.AddBusinessMinutes(Local(1, 5, 17, 0), 120)); // Tuesday is a holiday: Wednesday
        Assert.Equal(TimeSpan.FromHours(2), withHoliday.BusinessTimeBetween(Local(1, 5, 17, 0), Local(1, 7, 10, 0)));
        Assert.Equal(TimeSpan.Zero, withHoliday.BusinessTimeBetween(Local(1, 6, 9, 0), Local(1, 6, 18, 0)));
        Assert.False(withHoliday.IsOpen(Local(1, 6, 11, 0)));
        Assert.True(withHoliday.IsOpen(Local(1, 7, 11, 0)));
    }

    [Theory]
    [InlineData(1, 5, 9, 0)]
    [InlineData(1, 5, 13, 17)]
    [InlineData(1, 5, 18, 0)]
    [InlineData(1, 10, 3, 0)]   // Saturday night
    [InlineData(3, 27, 16, 45)] // the Friday before the clocks go forward
    [InlineData(10, 23, 17, 59)] // the Friday before they go back
    public void MeasuringWhatWasAdded_GivesItBack(int month, int day, int hour, int minute)
    {
        var start = Local(month, day, hour, minute);
        foreach (var minutes in new[] { 0, 1, 59, 540, 541, 1000, 2700, 10_000 })
            Assert.Equal(TimeSpan.FromMinutes(minutes), Office.BusinessTimeBetween(start, Office.AddBusinessMinutes(start, minutes)));
    }

    [Fact]
    public void NoBusinessTime_PassesBackwards_OrWhileClosed()
    {
        Assert.Equal(TimeSpan.Zero, Office.BusinessTimeBetween(Local(1, 6, 12, 0), Local(1, 5, 12, 0)));
        Assert.Equal(TimeSpan.Zero, Office.BusinessTimeBetween(Local(1, 5, 18, 0), Local(1, 6, 9, 0)));
        Assert.Equal(TimeSpan.FromMinutes(1), Office.BusinessTimeBetween(Local(1, 5, 17, 59), Local(1, 6, 9, 0)));
        Assert.Equal(Local(1, 10, 12, 0), Office.AddBusinessMinutes(Local(1, 10, 12, 0), 0)); // zero is now, even on a Saturday
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessMinutes(Local(1, 5, 12, 0), -1));
    }

    [Fact]
    public void ATeamOpenAroundTheClock_CountsRealTime_OverBothClockChanges()
    {
        var always = new BusinessCalendar(Lisbon, Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, 0, OpeningHours.EndOfDay)), []);

        // Saturday noon to Sunday noon, local, is 23 real hours in March and 25 in October.
        Assert.Equal(TimeSpan.FromHours(23), always.BusinessTimeBetween(Local(3, 28, 12), Local(3, 29, 12)));
        Assert.Equal(TimeSpan.FromHours(25), always.BusinessTimeBetween(Local(10, 24, 12), Local(10, 25, 12)));
        Assert.Equal(Local(3, 29, 13), always.AddBusinessMinutes(Local(3, 28, 12), 24 * 60));
        Assert.Equal(Local(10, 25, 11), always.AddBusinessMinutes(Local(10, 24, 12), 24 * 60));
    }

    [Fact]
    public void OpeningHoursThatTheClocksSkip_StartAfterTheGap()
    {
        // Sunday 29 March 2026: 01:00 to 02:00 local does not exist.
        var sunday = new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Sunday, 30, 3 * 60)], []);
        var skipped = new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Sunday, 90, 3 * 60)], []);
        var day = (Start: new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), End: new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromMinutes(90), sunday.BusinessTimeBetween(day.Start, day.End)); // 00:30 WET (00:30Z) to 03:00 WEST (02:00Z)
        Assert.Equal(TimeSpan.FromMinutes(60), skipped.BusinessTimeBetween(day.Start, day.End)); // opens at 02:00 WEST, the first minute after the gap
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), skipped.AddBusinessMinutes(day.Start, 0 + 1) - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void OpeningHoursThatTheClocksRepeat_AreAsLongAsTheyReallyAre()
    {
        // Sunday 25 October 2026: 01:00 to 02:00 local happens twice; 00:00 WEST (23:00Z the day before) to 03:00 WET (03:00Z).
        var sunday = new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Sunday, 0, 3 * 60)], []);
        var before = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(4), sunday.BusinessTimeBetween(before, before.AddDays(2)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.Zero), sunday.AddBusinessMinutes(before, 210));
        // Opening at the repeated 01:30 means the first one (01:30 WEST, 00:30Z).
        var repeated = new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Sunday, 90, 3 * 60)], []);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), repeated.AddBusinessMinutes(before, 0 + 1) - TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(150), repeated.BusinessTimeBetween(before, before.AddDays(2)));
    }

    [Fact]
    public void ACalendarThatCannotWork_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Lisbon, [], []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Monday, 600, 600)], []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Monday, 600, OpeningHours.EndOfDay + 1)], []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Monday, 60, 120), new OpeningHours(DayOfWeek.Monday, 600, 700)], []));

        // Every Monday a holiday for the next eleven years: no time to count in, an error rather than a hang.
        var mondays = Enumerable.Range(0, 600).Select(w => new DateOnly(2026, 1, 5).AddDays(7 * w));
        var never = new BusinessCalendar(Lisbon, [new OpeningHours(DayOfWeek.Monday, 540, 1080)], mondays);
        Assert.Throws<InvalidOperationException>(() => never.AddBusinessMinutes(Local(1, 5, 10), 1));
    }
}
