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

    /// <summary>The skills a technician can be used for on <paramref name="day"/>: plain skills plus certifications not yet expired.</summary>
    public static IReadOnlySet<string> QualificationsOn(TechnicianProfile profile, TechnicianSchedule schedule, DateOnly day) =>
        profile.Skills
            .Concat(schedule.Certifications.Where(c => c.ExpiresOn is null || c.ExpiresOn >= day).Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
