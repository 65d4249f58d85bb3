using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Planning;

/// <summary>A technician as one day's plan sees them: qualifications that day, where and when the day starts and ends.</summary>
public sealed record PlanningTechnician(
    string Id,
    string Name,
    IReadOnlySet<string> Qualifications,
    GeoPoint Start,
    GeoPoint End,
    DateTimeOffset ShiftStart,
    DateTimeOffset ShiftEnd,
    TimeSpan Buffer);

/// <summary>A job as one day's plan sees it. <see cref="Earliest"/>..<see cref="Latest"/> is what the solver must meet; <see cref="Window"/> is what was promised, against which lateness is measured.</summary>
/// <param name="PreferredTechnician">The customer's preferred technician: a soft wish, weighed against driving and balance.</param>
public sealed record PlanningJob(
    string TicketId,
    GeoPoint Location,
    TimeSpan Service,
    DateTimeOffset Earliest,
    DateTimeOffset Latest,
    TimeWindow? Window,
    TicketPriority Priority,
    IReadOnlySet<string> Skills,
    string? PinnedTechnician,
    bool InProgress,
    string? PreferredTechnician = null);

/// <summary>Turns technicians and tickets into one day's planning inputs. Pure.</summary>
public static class PlanningInputs
{
    /// <summary>A job on site still has at least this much to do, whatever its estimate said.</summary>
    public static readonly TimeSpan MinimumRemainingWork = TimeSpan.FromMinutes(5);

    /// <summary>The technician's working day, or null with the reason they cannot be planned (day off, no start location).</summary>
    public static PlanningTechnician? Technician(TechnicianSnapshot t, DateOnly day, DateTimeOffset now, out string? reason)
    {
        var schedule = t.Schedule;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var shifts = ShiftsOn(schedule, day);
        if (shifts.Count == 0)
        {
            reason = $"{t.Profile.Name} does not work on {day:dddd d MMMM}.";
            return null;
        }

        var position = t.Position is { } fix && now - fix.Time <= Routes.EtaPolicy.PositionFreshness ? new GeoPoint(fix.Latitude, fix.Longitude) : (GeoPoint?)null;
        var home = schedule.StartLocation ?? t.Profile.HomeBase ?? position;
        if (home is null)
        {
            reason = $"{t.Profile.Name} has no start location (set one in the schedule) and no recent position.";
            return null;
        }

        // A split shift is planned as one span from its first start to its last end (the break is not modelled).
        var shiftStart = Local(shifts.Min(h => h.Start), zone);
        var shiftEnd = Local(shifts.Max(h => h.End), zone);
        var start = home.Value;
        if (now > shiftStart)
        {
            shiftStart = now < shiftEnd ? now : shiftEnd; // the rest of today, from where they are
            start = position ?? start;
        }

        reason = null;
        return new PlanningTechnician(
            t.TechnicianId, t.Profile.Name, Availability.QualificationsOn(t.Profile, schedule, day),
            start, schedule.EndLocation ?? home.Value, shiftStart, shiftEnd, schedule.BufferBetweenJobs);
    }

    /// <summary>
    /// The stretches worked on <paramref name="day"/>, as local times: the shifts that start on it (unless it is a day
    /// off; they may run into the next morning), and the rest, after midnight, of a shift that started the evening before.
    /// </summary>
    private static List<(DateTime Start, DateTime End)> ShiftsOn(TechnicianSchedule schedule, DateOnly day)
    {
        var shifts = new List<(DateTime Start, DateTime End)>();
        if (!schedule.BlackoutDates.Contains(day))
            shifts.AddRange(schedule.WorkingHours.Where(h => h.Day == day.DayOfWeek).Select(h => h.On(day)));
        var eve = day.AddDays(-1);
        if (!schedule.BlackoutDates.Contains(eve))
            shifts.AddRange(schedule.WorkingHours.Where(h => h.Day == eve.DayOfWeek && h.CrossesMidnight && h.End > TimeOnly.MinValue)
                .Select(h => (day.ToDateTime(TimeOnly.MinValue), day.ToDateTime(h.End))));
        return shifts;
    }

    public static PlanningJob Job(TicketSnapshot t, DateTimeOffset dayStart, DateTimeOffset dayEnd, DateTimeOffset now)
    {
        var inProgress = t.Status is TicketStatus.EnRoute or TicketStatus.OnSite;
        var service = t.Details.EstimatedDuration;
        if (t.Status == TicketStatus.OnSite && t.Audit.LastOrDefault(a => a.To == TicketStatus.OnSite) is { } arrived)
        {
            var left = service - (now - arrived.At);
            service = left > MinimumRemainingWork ? left : MinimumRemainingWork;
        }

        var earliest = t.ArrivalWindow?.Start ?? dayStart;
        var latest = t.ArrivalWindow?.End ?? dayEnd;
        // A job already under way, or whose window has passed, must still be planned: it is done as soon as it can be,
        // and the lateness is measured against the promised window, not hidden by refusing the job.
        if (inProgress || latest < now)
        {
            earliest = earliest < now ? now : earliest;
            latest = dayEnd > now ? dayEnd : now + TimeSpan.FromHours(12);
        }

        var pinned = inProgress || (t.Pinned && t.Status == TicketStatus.Assigned) ? t.TechnicianId : null;
        return new PlanningJob(
            t.TicketId, t.Details.Location, service, earliest, latest, t.ArrivalWindow, t.Details.Priority,
            t.Details.RequiredSkills.ToHashSet(StringComparer.OrdinalIgnoreCase), pinned, inProgress, t.Details.PreferredTechnicianId);
    }

    public static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone) => Local(day.ToDateTime(time), zone);

    private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));
}
