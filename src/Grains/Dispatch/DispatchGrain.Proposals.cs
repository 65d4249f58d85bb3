using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// "Optimize the day" as a proposal the dispatcher previews, then applies or discards, and the undo of the last applied
/// plan. Proposals are this activation's memory (a restart drops them; the dispatcher optimizes again); the applied plan
/// and its undo record are stored before any ticket moves.
/// </summary>
public sealed partial class DispatchGrain
{
    /// <summary>At most this many proposals wait at once (one per day; the oldest goes first).</summary>
    private const int MaxPendingProposals = 16;

    private readonly Dictionary<string, PendingProposal> _proposals = [];

    /// <summary>A proposal with what applying needs: the plan, and each job of the day as it was then (to see what changed since).</summary>
    private sealed record PendingProposal(PlanProposal View, Dictionary<string, List<string>> Routes, IReadOnlyDictionary<string, JobFacts> Facts);

    private sealed record JobFacts(string Title, string? TechnicianId, TicketStatus Status, bool Pinned, TimeWindow? Window);

    public async Task<PlanProposal> ProposeDayAsync(DateOnly? day, TimeSpan budget, string actor)
    {
        var search = await SearchDayAsync(day ?? Today, budget);
        var ctx = search.Context;
        var facts = ctx.Problem.Jobs.Select(j => _tickets[j.TicketId])
            .ToDictionary(t => t.TicketId, t => new JobFacts(TitleOf(t), t.TechnicianId, t.Status, t.Pinned, t.ArrivalWindow));
        var view = ProposalView(search, actor);

        DropExpiredProposals();
        foreach (var same in _proposals.Where(p => p.Value.View.Day == ctx.Day).Select(p => p.Key).ToList()) _proposals.Remove(same);
        if (_proposals.Count >= MaxPendingProposals) _proposals.Remove(_proposals.MinBy(p => p.Value.View.CreatedAt).Key);
        _proposals[view.Id] = new PendingProposal(view, search.Planned, facts);
        return view;
    }

    public async Task<PlanProposal> GetProposalAsync(string proposalId)
    {
        var proposal = Pending(proposalId);
        await CatchUpAsync();
        return proposal.View with { Stale = DayVersion(proposal.View.Day) != proposal.View.BaseVersion };
    }

    public Task DiscardProposalAsync(string proposalId)
    {
        _proposals.Remove(Pending(proposalId).View.Id);
        return Task.CompletedTask;
    }

    public async Task<AppliedPlan> ApplyProposalAsync(string proposalId, string actor)
    {
        var proposal = Pending(proposalId);
        var day = proposal.View.Day;
        if (day < Today)
        {
            _proposals.Remove(proposalId);
            throw new ConflictException($"{day:dddd d MMMM} is over; its proposal can no longer be applied.");
        }

        await RereadTicketsAsync();
        var ctx = await BuildDayAsync(day);
        var routes = Reconcile(ctx, Routes(day));
        var conflicts = ConflictsWith(proposal, ctx);
        if (conflicts.Count > 0)
        {
            throw new ProposalConflictException(
                $"The day changed since the proposal was made: {string.Join(" ", conflicts.Select(c => c.Reason))} Optimize again, or discard the proposal.", conflicts);
        }

        // Rebased on the day as it is now: jobs closed since drop out, jobs new since stay with the technician they have.
        var planned = proposal.Routes.ToDictionary(r => r.Key, r => r.Value.Where(id => ctx.Problem.JobIndex(id) is not null).ToList());
        foreach (var job in ctx.Problem.Jobs.Where(j => !proposal.Facts.ContainsKey(j.TicketId)))
        {
            if (_tickets[job.TicketId].TechnicianId is { } technicianId) InsertOn(ctx, planned, technicianId, job.TicketId);
        }

        _proposals.Remove(proposalId);
        await AdoptAsync(ctx, routes, planned, actor, "applied an optimized plan", proposalId);
        return state.State.LastApplied!.AsDto();
    }

    public Task<AppliedPlan?> GetLastAppliedPlanAsync() => Task.FromResult(state.State.LastApplied?.AsDto());

    public async Task<UndoReport> UndoLastPlanAsync(string actor)
    {
        var last = state.State.LastApplied ?? throw new NotFoundException("There is no applied plan to undo.");
        if (last.Day < Today) throw new ConflictException($"{last.Day:dddd d MMMM} is over; its plan can no longer be undone.");

        await RereadTicketsAsync();
        var ctx = await BuildDayAsync(last.Day);
        var routes = Reconcile(ctx, Routes(last.Day));
        var kept = new List<KeptJob>();
        var restored = 0;
        var reason = "undid an optimized plan";
        foreach (var (ticketId, job) in last.Jobs.Where(j => j.Value.Before != j.Value.After).OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (ctx.Problem.JobIndex(ticketId) is null || !_tickets.TryGetValue(ticketId, out var ticket))
            {
                kept.Add(new KeptJob(ticketId, await TitleAsync(ticketId), null, "It is no longer open on that day."));
                continue;
            }

            if (ticket.TechnicianId == job.Before) continue; // never moved (its ticket refused the plan), or an undo retried after a failure
            var why = ticket.TechnicianId != job.After ? $"It was {(ticket.TechnicianId is null ? "unassigned" : $"given to {NameOf(ticket.TechnicianId)}")} after the plan."
                : ticket.Status is TicketStatus.EnRoute or TicketStatus.OnSite ? $"It is under way with {NameOf(ticket.TechnicianId)}."
                : ticket.Pinned && !job.Pinned ? $"It was pinned to {NameOf(ticket.TechnicianId)} after the plan."
                : null;
            if (why is not null)
            {
                kept.Add(new KeptJob(ticketId, TitleOf(ticket), ticket.TechnicianId, why));
                continue;
            }

            var change = job.Before is { } technicianId
                ? new StatusChange(TicketStatus.Assigned, actor, reason, technicianId)
                : new StatusChange(ticket.ArrivalWindow is null ? TicketStatus.New : TicketStatus.Scheduled, actor, reason);
            if (await TryChangeAsync(ticket, change)) restored++;
            else kept.Add(new KeptJob(ticketId, TitleOf(ticket), ticket.TechnicianId, "Its ticket refused the change."));
        }

        // The order before the plan for the jobs back where they were; anything else stays with the technician it has.
        var planned = last.RoutesBefore.ToDictionary(
            r => r.Key, r => r.Value.Where(id => ctx.Problem.JobIndex(id) is not null && _tickets[id].TechnicianId == r.Key).ToList());
        var placed = planned.Values.SelectMany(r => r).ToHashSet();
        foreach (var (technicianId, tickets) in routes)
        {
            foreach (var id in tickets.Where(id => !placed.Contains(id) && _tickets[id].TechnicianId == technicianId)) InsertOn(ctx, planned, technicianId, id);
        }

        state.State.LastApplied = null; // stored with the routes below
        await CommitDayAsync(last.Day, planned, $"{actor} {reason}");
        return new UndoReport(last.PlanId, last.Day, restored, kept, Summarize(ctx, ctx.Problem.ToSolution(Reconcile(ctx, Routes(last.Day)))));
    }

    /// <summary>Whether a dispatcher is weighing a proposal for <paramref name="day"/>: dispatch's own re-plans then leave that day alone.</summary>
    private bool HasProposalFor(DateOnly day)
    {
        DropExpiredProposals();
        return _proposals.Values.Any(p => p.View.Day == day);
    }

    private PendingProposal Pending(string proposalId)
    {
        DropExpiredProposals();
        return _proposals.TryGetValue(proposalId, out var proposal)
            ? proposal
            : throw new NotFoundException($"There is no pending proposal {proposalId}: it was applied, discarded, replaced by a newer one for its day, or it expired.");
    }

    private void DropExpiredProposals()
    {
        foreach (var id in _proposals.Where(p => p.Value.View.ExpiresAt <= Now).Select(p => p.Key).ToList()) _proposals.Remove(id);
    }

    /// <summary>
    /// What keeps a proposal from being applied now. A job whose technician changed since, to another than the one the
    /// proposal gives it, conflicts whatever the proposal does with it (applying would silently undo a dispatcher's or
    /// auto-assignment's decision); a job the proposal moves conflicts when it started, was pinned or unpinned, closed or
    /// rescheduled since. A job already where the proposal puts it, or left with its technician by the proposal, may
    /// start, close or be pinned meanwhile: the routes are reconciled with that on apply.
    /// </summary>
    private List<ProposalConflict> ConflictsWith(PendingProposal proposal, DayContext ctx)
    {
        var conflicts = new List<ProposalConflict>();
        var proposed = Owners(ctx.Problem, proposal.Routes);
        foreach (var (ticketId, then) in proposal.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var to = proposed.GetValueOrDefault(ticketId);
            var moves = to != then.TechnicianId;
            var now = ctx.Problem.JobIndex(ticketId) is not null ? _tickets.GetValueOrDefault(ticketId) : null;
            var why = now is null ? (moves ? $"\"{then.Title}\" is no longer open on that day." : null)
                : now.TechnicianId == to ? null // already where the proposal puts it, whoever put it there
                : now.TechnicianId != then.TechnicianId ? $"\"{then.Title}\" was {(now.TechnicianId is null ? "unassigned" : $"given to {NameOf(now.TechnicianId)}")}."
                : !moves ? null
                : now.Status is TicketStatus.EnRoute or TicketStatus.OnSite && then.Status is not (TicketStatus.EnRoute or TicketStatus.OnSite) ? $"\"{then.Title}\" has started."
                : now.Pinned != then.Pinned ? $"\"{then.Title}\" was {(now.Pinned ? "pinned" : "unpinned")}."
                : now.ArrivalWindow != then.Window ? $"\"{then.Title}\" has a new arrival window."
                : null;
            if (why is not null) conflicts.Add(new ProposalConflict(ticketId, now?.TechnicianId ?? then.TechnicianId, why));
        }

        foreach (var (technicianId, tickets) in proposal.Routes)
        {
            var gains = tickets.Any(id => proposal.Facts.TryGetValue(id, out var then) && then.TechnicianId != technicianId);
            if (gains && ctx.Problem.VehicleIndex(technicianId) is null)
                conflicts.Add(new ProposalConflict(null, technicianId, ctx.Unavailable.GetValueOrDefault(technicianId) ?? $"{NameOf(technicianId)} can no longer be planned that day."));
        }
        return conflicts;
    }

    /// <summary>Puts a job on a technician's route where it adds the least driving without making anything late, else at the end.</summary>
    private void InsertOn(DayContext ctx, Dictionary<string, List<string>> routes, string technicianId, string ticketId)
    {
        if (!routes.TryGetValue(technicianId, out var route)) routes[technicianId] = route = [];
        if (ctx.Problem.VehicleIndex(technicianId) is not { } vehicle || ctx.Problem.JobIndex(ticketId) is not { } job)
        {
            route.Add(ticketId);
            return;
        }

        var jobs = route.Select(id => ctx.Problem.JobIndex(id)).ToList();
        // Nowhere without lateness: last, where its lateness shows on the board.
        var best = -1;
        var fits = !jobs.Contains(null) && BestPosition(ctx, vehicle, [.. jobs.Select(j => j!.Value)], job, null, out best) is null;
        route.Insert(fits ? best : route.Count, ticketId);
    }

    private PlanProposal ProposalView(DaySearch search, string actor)
    {
        var (ctx, problem) = (search.Context, search.Context.Problem);
        var ownerBefore = Owners(problem, search.Routes);
        var ownerAfter = Owners(problem, search.Planned);
        PlanMove Move(string id) => new(id, TitleOf(_tickets[id]), ownerBefore.GetValueOrDefault(id), ownerAfter.GetValueOrDefault(id));

        var technicians = new List<ProposedRoute>();
        for (var v = 0; v < problem.Technicians.Count; v++)
        {
            var technician = problem.Technicians[v];
            var before = RouteTimes.Simulate(problem, v, search.Current.Routes[v]);
            var after = RouteTimes.Simulate(problem, v, search.Found.Routes[v]);
            var had = search.Current.Routes[v].Select(j => problem.Jobs[j].TicketId).ToList();
            var has = search.Found.Routes[v].Select(j => problem.Jobs[j].TicketId).ToList();
            var gained = has.Except(had).Select(Move).ToList();
            var lost = had.Except(has).Select(Move).ToList();
            var stops = after.Stops.Select(s =>
            {
                var t = _tickets[problem.Jobs[s.Job].TicketId];
                return new ProposedStop(t.TicketId, TitleOf(t), t.Details.Address, t.Details.Location, t.Details.Priority, t.Status, t.Pinned, t.ArrivalWindow,
                    s.Arrival, s.Start, s.Departure, s.MinutesLate, !had.Contains(t.TicketId));
            }).ToList();
            technicians.Add(new ProposedRoute(technician.Id, technician.Name, technician.Start, technician.End, stops, gained, lost,
                !had.SequenceEqual(has), Totals(problem, before), Totals(problem, after)));
        }

        var moves = problem.Jobs.Select(j => j.TicketId).Where(id => ownerBefore.GetValueOrDefault(id) != ownerAfter.GetValueOrDefault(id)).Select(Move).ToList();
        var unassigned = problem.Jobs.Select(j => j.TicketId).Where(id => !ownerAfter.ContainsKey(id)).Select(id => JobOf(_tickets[id]))
            .OrderByDescending(j => j.Priority).ThenBy(j => j.ArrivalWindow?.Start ?? DateTimeOffset.MaxValue).ToList();
        return new PlanProposal(
            TenantKeys.NewId(), ctx.Day, DayVersion(ctx.Day), false, Now, Now + _options.ProposalLifetime, actor, search.Better, search.Message,
            search.Before, search.After, moves, technicians, unassigned, search.Found.Iterations);
    }

    private static RouteTotals Totals(DayProblem problem, RouteTimes times) => new(
        times.Stops.Count, Math.Round(times.Meters / 1000, 1), Math.Round(times.MinutesLate, 1), times.LateJobs,
        Math.Round(times.Stops.Sum(s => problem.Problem.Jobs[s.Job].ServiceDuration) / 60, 1), times.Stops.Count > 0 ? times.End : null);

    private string NameOf(string? technicianId) =>
        technicianId is not null && _technicians.TryGetValue(technicianId, out var t) ? t.Profile.Name : "another technician";

    /// <summary>A job's title when dispatch no longer holds it (it closed): asked of its ticket.</summary>
    private async Task<string> TitleAsync(string ticketId)
    {
        try
        {
            return TitleOf(await Ticket(ticketId).GetAsync());
        }
        catch (NotFoundException)
        {
            return ticketId;
        }
    }
}
