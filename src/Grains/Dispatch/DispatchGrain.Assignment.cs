using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    /// <summary>A job arrives: put it where it costs least now (an emergency may push routine work aside), re-plan later.</summary>
    private async Task InsertNewJobAsync(DateOnly day, TicketSnapshot ticket)
    {
        var ctx = await BuildDayAsync(day);
        var routes = Reconcile(ctx, Routes(day));
        var job = ctx.Problem.JobIndex(ticket.TicketId)!.Value;
        var solution = InsertAll(ctx.Problem, ctx.Problem.ToSolution(routes), [job]);
        var planned = Merge(ctx.Problem, solution, routes);
        var reason = $"new {ticket.Details.Priority.ToString().ToLowerInvariant()} job";
        await ApplyAssignmentsAsync(ctx, planned, DispatchActor, reason);
        await CommitDayAsync(day, planned, reason);
    }

    /// <summary>Time was freed (a cancellation, a completion): try the day's unassigned jobs again, most important first.</summary>
    private async Task FillGapsAsync(DateOnly day, string reason)
    {
        var ctx = await BuildDayAsync(day);
        var routes = Reconcile(ctx, Routes(day));
        var current = ctx.Problem.ToSolution(routes);
        var waiting = current.Unassigned.Where(j => _tickets[ctx.Problem.Jobs[j].TicketId].TechnicianId is null).ToList();
        var planned = waiting.Count == 0 ? routes : Merge(ctx.Problem, InsertAll(ctx.Problem, current, waiting), routes);
        if (waiting.Count > 0) await ApplyAssignmentsAsync(ctx, planned, DispatchActor, reason);
        await CommitDayAsync(day, planned, reason);
    }

    public async Task<DayBoard> AssignAsync(DateOnly day, string ticketId, string technicianId, DateTimeOffset? at, string actor)
    {
        await RereadTicketsAsync();
        if (!_tickets.TryGetValue(ticketId, out var ticket)) throw new NotFoundException($"There is no open job {ticketId}.");
        if (JobRefusal(ticket, day) is { } refused) throw new AssignmentRefusedException(refused);

        var ctx = await BuildDayAsync(day, extra: ticket);
        if (!_technicians.TryGetValue(technicianId, out var technician)) throw new NotFoundException($"There is no technician {technicianId}.");
        var routes = Reconcile(ctx, Routes(day));
        foreach (var route in routes.Values) route.Remove(ticketId);
        var conflicts = Check(ctx, ticket, technician, routes, at, out var best);
        if (conflicts.Count > 0) throw new AssignmentRefusedException(conflicts[0].Message);

        var previousDay = PlannedDayOf(ticketId);
        var job = ctx.Problem.JobIndex(ticketId)!.Value;
        var current = Route(ctx, routes, technicianId);
        current.Insert(best, job);
        routes[technicianId] = [.. current.Select(j => ctx.Problem.Jobs[j].TicketId)];

        if (ticket.TechnicianId != technicianId)
            _tickets[ticketId] = ticket = await Ticket(ticketId).ChangeStatusAsync(new StatusChange(TicketStatus.Assigned, actor, "assigned on the board", technicianId));
        if (!ticket.Pinned) _tickets[ticketId] = await Ticket(ticketId).SetPinnedAsync(true, actor);

        // Stored before committing, so the job now counts as this day's (see DayOf) when the plans are reconciled.
        var moved = previousDay is { } before && before != day;
        if (moved)
        {
            var old = Routes(previousDay!.Value);
            foreach (var route in old.Values) route.Remove(ticketId);
            state.State.Plans[Key(previousDay.Value)] = old;
        }
        state.State.Plans[Key(day)] = routes;
        if (moved) await CommitDayAsync(previousDay!.Value, Routes(previousDay.Value), "a job moved to another day");
        await CommitDayAsync(day, routes, $"{actor} assigned a job");
        return await GetBoardAsync(day);
    }

    /// <summary>
    /// Where the job goes on the technician's route: just before the first stop planned to start after
    /// <paramref name="at"/>, or, without a time, the feasible position that adds the least driving; null, or
    /// the reason when no position works (and <paramref name="bestPosition"/> is -1).
    /// </summary>
    private AssignmentConflict? BestPosition(DayContext ctx, int vehicle, List<int> route, int job, DateTimeOffset? at, out int bestPosition)
    {
        var before = RouteTimes.Simulate(ctx.Problem, vehicle, route);
        var positions = at is { } time
            ? [before.Stops.TakeWhile(s => s.Start <= time || ctx.Problem.Jobs[s.Job].InProgress).Count()]
            : Enumerable.Range(route.TakeWhile(j => ctx.Problem.Jobs[j].InProgress).Count(), route.Count - route.TakeWhile(j => ctx.Problem.Jobs[j].InProgress).Count() + 1).ToArray();
        AssignmentConflict? refusal = null;
        bestPosition = -1;
        var bestMeters = double.MaxValue;
        foreach (var position in positions)
        {
            var trial = new List<int>(route);
            trial.Insert(position, job);
            var after = RouteTimes.Simulate(ctx.Problem, vehicle, trial);
            var problem = Why(ctx, vehicle, before, after, job);
            if (problem is not null)
            {
                refusal ??= problem;
                continue;
            }
            if (after.Meters < bestMeters)
            {
                bestMeters = after.Meters;
                bestPosition = position;
            }
        }

        return bestPosition >= 0 ? null : refusal ?? new AssignmentConflict(ConflictKind.Late, "The job does not fit this route.");
    }

    /// <summary>Why a route with the job is not acceptable: the job itself late, another job made late, or the day running past the shift.</summary>
    private AssignmentConflict? Why(DayContext ctx, int vehicle, RouteTimes before, RouteTimes after, int job)
    {
        var technician = ctx.Problem.Technicians[vehicle];
        var zone = ctx.Problem.Epoch.Offset;
        var mine = after.Stops.First(s => s.Job == job);
        var window = ctx.Problem.Jobs[job].Window;
        if (window is not null && mine.MinutesLate > 0)
            return new(ConflictKind.Late, $"{technician.Name} would arrive at {mine.Arrival.ToOffset(zone):HH:mm}, after the job's window ends at {window.End.ToOffset(zone):HH:mm}.", $"{mine.Arrival.ToOffset(zone):HH:mm}");
        var wasLate = before.Stops.Where(s => s.MinutesLate > 0).Select(s => s.Job).ToHashSet();
        if (after.Stops.FirstOrDefault(s => s.MinutesLate > 0 && s.Job != job && !wasLate.Contains(s.Job)) is { } hurt)
            return new(ConflictKind.Late, $"It would make {technician.Name} {hurt.MinutesLate:0} min late for \"{Describe(ctx, hurt.Job)}\".", Describe(ctx, hurt.Job));
        if (after.End > technician.ShiftEnd && after.End > before.End)
            return new(ConflictKind.OutsideShift, $"{technician.Name}'s day would end at {after.End.ToOffset(zone):HH:mm}, after the shift ends at {technician.ShiftEnd.ToOffset(zone):HH:mm}.", $"{technician.ShiftEnd.ToOffset(zone):HH:mm}");
        return null;
    }

    private string Describe(DayContext ctx, int job) => Shorten(TitleOf(_tickets[ctx.Problem.Jobs[job].TicketId]));

    public async Task<DayBoard> UnassignAsync(string ticketId, string actor)
    {
        await CatchUpAsync();
        if (!_tickets.TryGetValue(ticketId, out var ticket)) throw new NotFoundException($"There is no open job {ticketId}.");
        if (ticket.Status != TicketStatus.Assigned)
            throw new AssignmentRefusedException(ticket.TechnicianId is null ? "The job is not assigned." : $"The job is {ticket.Status}; only an assigned job goes back to the tray.");
        var day = DayOf(ticket);
        if (ticket.Pinned) ticket = await Ticket(ticketId).SetPinnedAsync(false, actor);
        var back = ticket.ArrivalWindow is null ? TicketStatus.New : TicketStatus.Scheduled;
        _tickets[ticketId] = await Ticket(ticketId).ChangeStatusAsync(new StatusChange(back, actor, "back to the unassigned tray"));
        await CommitDayAsync(day, Routes(day), $"{actor} unassigned a job");
        return await GetBoardAsync(day);
    }
}
