using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Technicians;

/// <summary>Questions the optimizer and the booking rules ask of a schedule. Pure; times are converted to the schedule's zone.</summary>
public static class Availability
{
    /// <summary>Whether a job from <paramref name="start"/> lasting <paramref name="duration"/> fits inside one shift on a working day.</summary>
    public static bool CanWork(TechnicianSchedule schedule, DateTimeOffset start, TimeSpan duration)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(start + duration, zone);
        if (localEnd.Date != localStart.Date) return false; // shifts do not run past midnight
        if (schedule.BlackoutDates.Contains(DateOnly.FromDateTime(localStart.DateTime))) return false;
        var from = TimeOnly.FromDateTime(localStart.DateTime);
        var to = TimeOnly.FromDateTime(localEnd.DateTime);
        return schedule.WorkingHours.Any(h => h.Day == localStart.DayOfWeek && h.Start <= from && to <= h.End);
    }

    /// <summary>
    /// The shifts of <paramref name="day"/> (a date in the schedule's zone) as instants, earliest first; none on a day
    /// off or a blackout date. A split shift gives one span per part.
    /// </summary>
    public static IReadOnlyList<TimeWindow> ShiftsOn(TechnicianSchedule schedule, DateOnly day)
    {
        if (schedule.BlackoutDates.Contains(day)) return [];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        return [.. schedule.WorkingHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Start)
            .Select(h => new TimeWindow(Instant(day, h.Start, zone), Instant(day, h.End, zone)))];
    }

    /// <summary>The shift under way at <paramref name="at"/> (its start inclusive, its end not), or null when the technician is off shift then.</summary>
    public static TimeWindow? ShiftAt(TechnicianSchedule schedule, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
        return ShiftsOn(schedule, DateOnly.FromDateTime(local.DateTime)).FirstOrDefault(s => s.Start <= at && at < s.End);
    }

    /// <summary>The instant a wall-clock time of <paramref name="day"/> is in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The skills a technician can be used for on <paramref name="day"/>: plain skills plus certifications not yet expired.</summary>
    public static IReadOnlySet<string> QualificationsOn(TechnicianProfile profile, TechnicianSchedule schedule, DateOnly day) =>
        profile.Skills
            .Concat(schedule.Certifications.Where(c => c.ExpiresOn is null || c.ExpiresOn >= day).Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
