using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    public async Task<PlanningCalendar> GetCalendarAsync(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days is < 1 or > PlanningCalendar.MaxDays)
            throw new ArgumentOutOfRangeException(nameof(to), $"A calendar spans 1 to {PlanningCalendar.MaxDays} days.");
        await CatchUpAsync();
        await EnsureTechniciansAsync();

        // Start times come from the same route simulation as the board, so the two never disagree; a day without
        // assigned jobs needs none (most days of a month ahead), which keeps a month to a handful of simulations.
        var jobs = new Dictionary<string, CalendarJob>();
        var unassigned = new List<CalendarJob>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var open = JobsOf(day).ToList();
            if (open.Count == 0) continue;
            var starts = open.Any(t => t.TechnicianId is not null) ? await PlannedStartsAsync(day) : [];
            foreach (var t in open)
            {
                var job = CalendarJobOf(t, day, starts.TryGetValue(t.TicketId, out var start) ? start : t.ArrivalWindow?.Start);
                if (t.TechnicianId is null) unassigned.Add(job);
                else jobs[t.TicketId] = job;
            }
        }

        var byTechnicianDay = jobs.Values.ToLookup(j => (j.TechnicianId!, j.Day));
        var technicians = _technicians.Values.OrderBy(t => t.Profile.Name, StringComparer.Ordinal).ThenBy(t => t.TechnicianId, StringComparer.Ordinal)
            .Select(t => new CalendarTechnician(
                t.TechnicianId, t.Profile.Name, [.. Availability.QualificationsOn(t.Profile, t.Schedule, from).Order(StringComparer.OrdinalIgnoreCase)],
                [.. Enumerable.Range(0, days).Select(i => CalendarDayOf(t, from.AddDays(i), byTechnicianDay[(t.TechnicianId, from.AddDays(i))]))]))
            .ToList();
        return new PlanningCalendar(from, to, Today, state.State.TimeZone, technicians,
            [.. unassigned.OrderBy(j => j.Day).ThenByDescending(j => j.Priority).ThenBy(j => j.Start ?? DateTimeOffset.MaxValue)]);
    }

    /// <summary>When each job on the day's routes is planned to start, as the board shows it.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> PlannedStartsAsync(DateOnly day)
    {
        var ctx = await BuildDayAsync(day);
        var timeline = RouteTimeline.Simulate(ctx.Problem, ctx.Problem.ToSolution(Reconcile(ctx, Routes(day))).Routes);
        return timeline.Routes.SelectMany(r => r.Stops).ToDictionary(s => ctx.Problem.Jobs[s.Job].TicketId, s => s.Start);
    }

    private static CalendarDay CalendarDayOf(TechnicianSnapshot t, DateOnly day, IEnumerable<CalendarJob> jobs)
    {
        var shifts = Availability.ShiftsOn(t.Schedule, day);
        var ordered = jobs.OrderBy(j => j.Start ?? DateTimeOffset.MaxValue).ToList();
        return new CalendarDay(day, shifts, shifts.Sum(s => (s.End - s.Start).TotalMinutes), ordered.Sum(j => j.Minutes), ordered);
    }

    private static CalendarJob CalendarJobOf(TicketSnapshot t, DateOnly day, DateTimeOffset? start) => new(
        t.TicketId, TitleOf(t), day, start, t.Details.EstimatedDuration.TotalMinutes, t.Status, t.Details.Priority, t.Details.RequiredSkills, t.ArrivalWindow, t.TechnicianId);
}
