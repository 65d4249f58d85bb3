using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Technicians;

/// <summary>Questions the optimizer and the booking rules ask of a schedule. Pure; times are converted to the schedule's zone.</summary>
public static class Availability
{
    /// <summary>
    /// Whether a job from <paramref name="start"/> lasting <paramref name="duration"/> fits inside one shift: one that
    /// starts that day, or one that started the day before and runs past midnight. A shift starting on a day off does not count.
    /// </summary>
    public static bool CanWork(TechnicianSchedule schedule, DateTimeOffset start, TimeSpan duration)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var from = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var to = TimeZoneInfo.ConvertTime(start + duration, zone).DateTime;
        var today = DateOnly.FromDateTime(from);
        foreach (var day in (ReadOnlySpan<DateOnly>)[today, today.AddDays(-1)])
        {
            if (schedule.BlackoutDates.Contains(day)) continue;
            foreach (var shift in schedule.WorkingHours)
            {
                if (shift.Day != day.DayOfWeek) continue;
                var (shiftStart, shiftEnd) = shift.On(day);
                if (shiftStart <= from && to <= shiftEnd) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The shifts of <paramref name="day"/> (a date in the schedule's zone) as instants, earliest first; none on a day
    /// off or a blackout date. A split shift gives one span per part; a night shift ends on the next date.
    /// </summary>
    public static IReadOnlyList<TimeWindow> ShiftsOn(TechnicianSchedule schedule, DateOnly day)
    {
        if (schedule.BlackoutDates.Contains(day)) return [];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        return [.. schedule.WorkingHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Start)
            .Select(h => h.On(day))
            .Select(local => new TimeWindow(Instant(local.Start, zone), Instant(local.End, zone)))];
    }

    /// <summary>
    /// The shift under way at <paramref name="at"/> (its start inclusive, its end not), or null when the technician is off
    /// shift then; a night shift that began the day before counts.
    /// </summary>
    public static TimeWindow? ShiftAt(TechnicianSchedule schedule, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
        var today = DateOnly.FromDateTime(local.DateTime);
        return ShiftsOn(schedule, today).Concat(ShiftsOn(schedule, today.AddDays(-1))).FirstOrDefault(s => s.Start <= at && at < s.End);
    }

    /// <summary>The instant a wall-clock time of <paramref name="day"/> is in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone) => Instant(day.ToDateTime(time), zone);

    /// <summary>The instant a local wall-clock time is in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    /// <summary>The skills a technician can be used for on <paramref name="day"/>: plain skills plus certifications not yet expired.</summary>
    public static IReadOnlySet<string> QualificationsOn(TechnicianProfile profile, TechnicianSchedule schedule, DateOnly day) =>
        profile.Skills
            .Concat(schedule.Certifications.Where(c => c.ExpiresOn is null || c.ExpiresOn >= day).Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
