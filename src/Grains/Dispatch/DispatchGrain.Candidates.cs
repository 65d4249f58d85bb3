using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// The assignment's rules, asked before anything is dropped: which technicians could take a job and why the others
/// cannot. <see cref="AssignAsync"/> runs the very same checks (<see cref="JobRefusal"/>, <see cref="Check"/>) and refuses
/// with the first reason, so the board's marks and a drop's answer cannot disagree.
/// </summary>
public sealed partial class DispatchGrain
{
    public async Task<JobCandidates> CandidatesAsync(DateOnly day, string ticketId)
    {
        await CatchUpAsync();
        if (!_tickets.TryGetValue(ticketId, out var ticket)) throw new NotFoundException($"There is no open job {ticketId}.");
        var ctx = await BuildDayAsync(day, extra: ticket);
        if (JobRefusal(ticket, day) is { } refused)
            return new JobCandidates(ticketId, day, refused, [.. Ordered().Select(t => new TechnicianCandidate(t.TechnicianId, false, []))]);

        var routes = Reconcile(ctx, Routes(day));
        foreach (var route in routes.Values) route.Remove(ticketId);
        var candidates = Ordered().Select(t =>
        {
            var conflicts = Check(ctx, ticket, t, routes, at: null, out _);
            return new TechnicianCandidate(t.TechnicianId, conflicts.Count == 0, conflicts);
        }).ToList();
        return new JobCandidates(ticketId, day, null, candidates);

        IEnumerable<TechnicianSnapshot> Ordered() => _technicians.Values.OrderBy(t => t.Profile.Name, StringComparer.Ordinal);
    }

    /// <summary>Why nobody can be given the job on <paramref name="day"/> (it is under way, promised another day, or the day is over); null when it depends on the technician.</summary>
    private string? JobRefusal(TicketSnapshot ticket, DateOnly day)
    {
        if (ticket.Status is TicketStatus.EnRoute or TicketStatus.OnSite)
            return $"The job is already {(ticket.Status == TicketStatus.EnRoute ? "en route" : "on site")}; it stays with its technician.";
        if (ticket.ArrivalWindow is { } window && LocalDate(window.Start) != day && day != Today)
            return $"The job's arrival window is on {LocalDate(window.Start):dddd d MMMM}, not {day:dddd d MMMM}.";
        return day < Today ? "That day is over." : null;
    }

    /// <summary>
    /// Every reason <paramref name="technician"/> cannot take the job on the day of <paramref name="ctx"/>: not working
    /// that day, skills or certificates missing then, or no place on their route (<paramref name="routes"/>, without the
    /// job) that keeps every window and the shift. Empty when they can; <paramref name="position"/> is then where it goes.
    /// </summary>
    private List<AssignmentConflict> Check(
        DayContext ctx, TicketSnapshot ticket, TechnicianSnapshot technician, Dictionary<string, List<string>> routes, DateTimeOffset? at, out int position)
    {
        position = -1;
        if (ctx.Problem.VehicleIndex(technician.TechnicianId) is not { } vehicle)
            return [new(ConflictKind.OffShift, ctx.Unavailable.GetValueOrDefault(technician.TechnicianId) ?? $"{technician.Profile.Name} cannot be planned on {ctx.Day}.")];
        var conflicts = AssignmentRules.SkillConflicts(technician, ticket.Details.RequiredSkills, ctx.Day).ToList();
        if (conflicts.Count > 0) return conflicts;
        var job = ctx.Problem.JobIndex(ticket.TicketId)!.Value;
        if (BestPosition(ctx, vehicle, Route(ctx, routes, technician.TechnicianId), job, at, out position) is { } timing) conflicts.Add(timing);
        return conflicts;
    }

    /// <summary>A technician's route as job indices of the day's problem.</summary>
    private static List<int> Route(DayContext ctx, Dictionary<string, List<string>> routes, string technicianId) =>
        routes.TryGetValue(technicianId, out var list) ? [.. list.Select(id => ctx.Problem.JobIndex(id)!.Value)] : [];

    /// <summary>
    /// What is wrong with a stop already planned, by the same rules: skills or certificates its technician lacks that
    /// day, work running past their shift, or overlapping the stop before it (a double booking).
    /// </summary>
    private List<AssignmentConflict> StopConflicts(DateOnly day, TechnicianSnapshot technician, TicketSnapshot job, DateTimeOffset start, DateTimeOffset departure,
        DateTimeOffset? shiftEnd, BoardStop? previous)
    {
        var conflicts = AssignmentRules.SkillConflicts(technician, job.Details.RequiredSkills, day).ToList();
        var zone = _zone;
        if (shiftEnd is { } end && departure > end)
            conflicts.Add(new(ConflictKind.OutsideShift, $"It ends at {TimeZoneInfo.ConvertTime(departure, zone):HH:mm}, after {technician.Profile.Name}'s shift ends at {TimeZoneInfo.ConvertTime(end, zone):HH:mm}.",
                $"{TimeZoneInfo.ConvertTime(end, zone):HH:mm}"));
        if (previous is not null && start < previous.PlannedDeparture)
            conflicts.Add(new(ConflictKind.DoubleBooking, $"It overlaps \"{Shorten(TitleOf(_tickets[previous.Job.TicketId]))}\" until {TimeZoneInfo.ConvertTime(previous.PlannedDeparture, zone):HH:mm}.",
                Shorten(TitleOf(_tickets[previous.Job.TicketId]))));
        return conflicts;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
