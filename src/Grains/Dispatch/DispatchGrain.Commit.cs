using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch.Optimization;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    private const string DispatchActor = "dispatch";

    /// <summary>Per route grain, what it was last given, so unchanged routes are not sent again.</summary>
    private readonly Dictionary<string, string> _pushed = [];

    /// <summary>The live estimates the routes returned, per ticket.</summary>
    private readonly Dictionary<string, StopEstimate> _estimates = [];

    /// <summary>One day's problem, and why the technicians left out of it cannot be planned.</summary>
    private sealed record DayContext(DateOnly Day, DayProblem Problem, IReadOnlyDictionary<string, string> Unavailable);

    /// <param name="extra">A job to plan with the day's own (one moving to this day, or a booking's hypothetical job).</param>
    /// <param name="exclude">A job to leave out (one being rescheduled, which must not compete with itself).</param>
    private async Task<DayContext> BuildDayAsync(DateOnly day, TicketSnapshot? extra = null, string? exclude = null)
    {
        await EnsureTechniciansAsync();
        var dayStart = PlanningInputs.Local(day, TimeOnly.MinValue, _zone);
        var dayEnd = PlanningInputs.Local(day.AddDays(1), TimeOnly.MinValue, _zone);
        var technicians = new List<PlanningTechnician>();
        var unavailable = new Dictionary<string, string>();
        foreach (var t in _technicians.Values.OrderBy(t => t.Profile.Name, StringComparer.Ordinal).ThenBy(t => t.TechnicianId, StringComparer.Ordinal))
        {
            var planned = PlanningInputs.Technician(WithLatestPosition(t), day, Now, out var reason);
            if (planned is null) unavailable[t.TechnicianId] = reason!;
            else technicians.Add(planned);
        }

        var tickets = JobsOf(day).Concat(extra is null || _tickets.ContainsKey(extra.TicketId) && DayOf(extra) == day ? [] : [extra])
            .Where(t => t.TicketId != exclude).OrderBy(t => t.TicketId, StringComparer.Ordinal);
        var jobs = tickets.Select(t => PlanningInputs.Job(t, dayStart, dayEnd, Now)).ToList();
        return new DayContext(day, DayProblem.Build(dayStart, technicians, jobs, Travel, _options), unavailable);
    }

    /// <summary>
    /// Makes routes agree with the tickets: a job stays on a route only while it is open, of this day and assigned
    /// to that technician; an assigned job missing from its technician's route is appended; jobs under way come first.
    /// </summary>
    private Dictionary<string, List<string>> Reconcile(DayContext ctx, Dictionary<string, List<string>> routes)
    {
        var result = new Dictionary<string, List<string>>();
        var seen = new HashSet<string>();
        foreach (var (technicianId, tickets) in routes)
        {
            var kept = tickets.Where(id => ctx.Problem.JobIndex(id) is not null && _tickets.TryGetValue(id, out var t) && t.TechnicianId == technicianId && seen.Add(id)).ToList();
            if (kept.Count > 0) result[technicianId] = kept;
        }

        foreach (var job in ctx.Problem.Jobs)
        {
            if (!_tickets.TryGetValue(job.TicketId, out var t)) continue; // a hypothetical job (booking) is on no route
            if (t.TechnicianId is { } technicianId && !seen.Contains(t.TicketId))
            {
                if (!result.TryGetValue(technicianId, out var route)) result[technicianId] = route = [];
                route.Add(t.TicketId);
                seen.Add(t.TicketId);
            }
        }

        foreach (var route in result.Values)
        {
            // On site before en route before the rest; a stable sort keeps the planned order within each group.
            var ordered = route.OrderBy(id => _tickets[id].Status switch { TicketStatus.OnSite => 0, TicketStatus.EnRoute => 1, _ => 2 }).ToList();
            route.Clear();
            route.AddRange(ordered);
        }

        return result;
    }

    /// <summary>
    /// Writes a plan's assignments to the tickets: jobs on a route become assigned to its technician, jobs the plan
    /// left out lose theirs (unless pinned or under way). Returns how many tickets changed technician.
    /// </summary>
    private async Task<int> ApplyAssignmentsAsync(DayContext ctx, Dictionary<string, List<string>> routes, string actor, string reason)
    {
        var moved = 0;
        var onRoute = new HashSet<string>();
        foreach (var (technicianId, tickets) in routes)
        {
            foreach (var id in tickets)
            {
                onRoute.Add(id);
                var t = _tickets[id];
                if (t.TechnicianId == technicianId || t.Status is not (TicketStatus.New or TicketStatus.Scheduled or TicketStatus.Assigned)) continue;
                if (await TryChangeAsync(t, new StatusChange(TicketStatus.Assigned, actor, reason, technicianId))) moved++;
            }
        }

        foreach (var job in ctx.Problem.Jobs)
        {
            var t = _tickets[job.TicketId];
            if (onRoute.Contains(t.TicketId) || t.TechnicianId is null || t.Status != TicketStatus.Assigned || t.Pinned) continue;
            var back = t.ArrivalWindow is null ? TicketStatus.New : TicketStatus.Scheduled;
            if (await TryChangeAsync(t, new StatusChange(back, actor, $"{reason}: no technician can take it now"))) moved++;
        }

        return moved;
    }

    /// <summary>A ticket may have changed since dispatch last heard of it; then its own refusal wins and the next event reconciles.</summary>
    private async Task<bool> TryChangeAsync(TicketSnapshot ticket, StatusChange change)
    {
        try
        {
            _tickets[ticket.TicketId] = await Ticket(ticket.TicketId).ChangeStatusAsync(change);
            return true;
        }
        catch (Exception ex) when (ex is InvalidTransitionException or NotFoundException)
        {
            log.LogInformation("Dispatch could not move ticket {TicketId} to {Status}: {Reason}", ticket.TicketId, change.To, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The one way a day's plan changes: reconcile, store, hand each changed route to its route grain, refresh the
    /// alerts and tell the board.
    /// </summary>
    private async Task CommitDayAsync(DateOnly day, Dictionary<string, List<string>> routes, string reason)
    {
        var ctx = await BuildDayAsync(day);
        routes = Reconcile(ctx, routes);
        if (routes.Count == 0) state.State.Plans.Remove(Key(day));
        else state.State.Plans[Key(day)] = routes;
        await state.WriteStateAsync();

        var solution = ctx.Problem.ToSolution(routes);
        var timeline = RouteTimeline.Simulate(ctx.Problem, solution.Routes);
        await PushRoutesAsync(ctx, timeline);
        UpdateUnassignedEmergencies();
        await PublishAlertsAsync();
        await PublishBoardAsync(day, reason);
    }

    private async Task PushRoutesAsync(DayContext ctx, RouteTimeline timeline)
    {
        var problem = ctx.Problem;
        for (var v = 0; v < problem.Technicians.Count; v++)
        {
            var technician = problem.Technicians[v];
            var stops = timeline.Routes[v].Stops.Select(s => Stop(problem, s)).ToList();
            var plan = new RoutePlan(technician.Id, ctx.Day, technician.Start, technician.End, technician.ShiftStart, technician.ShiftEnd, technician.Buffer, stops);
            var key = RouteKeys.For(TenantId, technician.Id, ctx.Day);
            // Only the stops and their times matter to the route; the start moves with every position and is not worth a push.
            var fingerprint = string.Join('|', stops.Select(s => $"{s.TicketId}/{s.Status}/{s.PlannedArrival:HHmm}/{s.Pinned}/{s.ArrivalWindow?.Start:o}"));
            if (_pushed.TryGetValue(key, out var last) ? last == fingerprint : stops.Count == 0) continue;
            var view = await GrainFactory.GetGrain<IRouteGrain>(key).SetPlanAsync(plan);
            _pushed[key] = fingerprint;
            Remember(view);
        }
    }

    private PlannedStop Stop(DayProblem problem, StopTimes s)
    {
        var job = problem.Jobs[s.Job];
        var t = _tickets[job.TicketId];
        var onSiteSince = t.Status == TicketStatus.OnSite ? t.Audit.LastOrDefault(a => a.To == TicketStatus.OnSite)?.At : null;
        return new PlannedStop(
            t.TicketId, t.Details.Location, t.Details.Address, t.Details.Description, t.Details.Priority, t.Status, t.ArrivalWindow,
            job.Service, s.Arrival, s.Start, s.Start + job.Service, t.Pinned, onSiteSince);
    }

    /// <summary>Keeps a route's estimates for the board and the alerts; true when one moved past the threshold or changed lateness.</summary>
    private bool Remember(RouteView view)
    {
        if (view.Plan.Day != Today) return false; // a later day's "ETA" is only its plan, already on the board
        var changed = false;
        foreach (var estimate in view.Estimates)
        {
            var known = _estimates.GetValueOrDefault(estimate.TicketId);
            changed |= known is null || known.LateRisk != estimate.LateRisk || (known.Eta - estimate.Eta).Duration() > EtaPolicy.PublishThreshold;
            _estimates[estimate.TicketId] = estimate;
        }
        return changed;
    }

    private Task PublishBoardAsync(DateOnly day, string reason) =>
        this.GetStreamProvider(DispatchStreams.ProviderName).GetStream<DispatchEvent>(DispatchStreams.BoardFor(TenantId)).OnNextAsync(new BoardChanged(TenantId, day, reason));

    /// <summary>Puts jobs into the plan one by one, cheapest place first; a job that fits nowhere may displace cheaper ones, which are then tried elsewhere.</summary>
    private static RoutingSolution InsertAll(DayProblem problem, RoutingSolution solution, IEnumerable<int> jobs)
    {
        var queue = new Queue<int>(jobs.OrderByDescending(j => problem.Problem.Jobs[j].UnassignedPenalty));
        var attempts = 0;
        while (queue.Count > 0 && attempts++ < 4 * problem.Jobs.Count + 4)
        {
            var job = queue.Dequeue();
            if (solution.Routes.Any(r => r.Contains(job))) continue;
            var result = JobInsertion.InsertCheapest(problem.Problem, solution, job);
            solution = result.Solution;
            foreach (var displaced in result.Displaced) queue.Enqueue(displaced);
        }
        return solution;
    }

    /// <summary>The plan's routes, for the technicians of the day; other technicians' routes (off today, but holding jobs) are kept as they were.</summary>
    private static Dictionary<string, List<string>> Merge(DayProblem problem, RoutingSolution solution, Dictionary<string, List<string>> previous)
    {
        var routes = problem.ToRoutes(solution);
        foreach (var (technicianId, tickets) in previous)
            if (problem.VehicleIndex(technicianId) is null) routes[technicianId] = tickets;
        return routes;
    }
}
