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

    /// <summary>The skills a technician can be used for on <paramref name="day"/>: plain skills plus certifications not yet expired.</summary>
    public static IReadOnlySet<string> QualificationsOn(TechnicianProfile profile, TechnicianSchedule schedule, DateOnly day) =>
        profile.Skills
            .Concat(schedule.Certifications.Where(c => c.ExpiresOn is null || c.ExpiresOn >= day).Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
