using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans;
using OrleansPortal.Grains.Dispatch.Optimization;
using OrleansPortal.Grains.Dispatch.Planning;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    /// <summary>
    /// A search of one day: the day as it is (<see cref="Routes"/>, reconciled), the plan found, both in figures, and
    /// the stability rule's verdict. <see cref="Planned"/> is the found plan as routes, off-day technicians' kept.
    /// </summary>
    private sealed record DaySearch(
        DayContext Context, Dictionary<string, List<string>> Routes, RoutingSolution Current, RoutingSolution Found,
        Dictionary<string, List<string>> Planned, PlanSummary Before, PlanSummary After, bool Better, string Message);

    public async Task<OptimizationReport> OptimizeDayAsync(DateOnly? day, TimeSpan budget, string actor)
    {
        var search = await SearchDayAsync(day ?? Today, budget);
        var moved = 0;
        if (search.Better)
        {
            // A dispatcher's adoption (the page's old "optimize") can be undone like an applied proposal; dispatch's own cannot.
            var undoable = actor != DispatchActor ? TenantKeys.NewId() : null;
            moved = await AdoptAsync(search.Context, search.Routes, search.Planned, actor, "optimized the day", undoable);
        }
        else
        {
            await PublishBoardAsync(search.Context.Day, "optimization kept the plan");
        }

        var message = search.Better ? search.Message : search.Message + " The current plan stays.";
        return new OptimizationReport(search.Context.Day, search.Before, search.Better ? search.After : search.Before, search.Better, message, moved, search.Found.Iterations);
    }

    /// <summary>
    /// Re-plans a day within <paramref name="budget"/> without changing anything, publishing progress on the board stream.
    /// Starts from the tickets themselves, since an event can trail the dispatcher's own last change (pin, then optimize).
    /// </summary>
    private async Task<DaySearch> SearchDayAsync(DateOnly date, TimeSpan budget)
    {
        await RereadTicketsAsync();
        var ctx = await BuildDayAsync(date);
        var routes = Reconcile(ctx, Routes(date));
        var current = ctx.Problem.ToSolution(routes);
        var before = Summarize(ctx, current);

        var board = this.GetStreamProvider(DispatchStreams.ProviderName).GetStream<DispatchEvent>(DispatchStreams.BoardFor(TenantId));
        // The solver reports from the thread pool; stream calls belong on this activation's scheduler, where Orleans
        // knows who is publishing. Reports queue there as work items of this grain (not messages), so they go out
        // while the turn below still waits for the search.
        var grainScheduler = TaskScheduler.Current;
        var progress = new Progress(p => _ = Task.Factory.StartNew(
            () => board.OnNextAsync(new OptimizationProgress(TenantId, date, p.Fraction, Math.Round(p.BestDistance / 1000, 1), p.BestUnassigned)),
            CancellationToken.None, TaskCreationOptions.None, grainScheduler).Unwrap());
        // The search runs on the thread pool: the grain's turn waits for it (no other message interleaves with a half-made plan),
        // but the silo's other grains keep their threads. One worker, so the second core keeps serving pings.
        var found = await Task.Run(() => VrptwSolver.Solve(ctx.Problem.Problem, new SolverOptions(budget, Seed: Environment.TickCount, Progress: progress)));
        var after = Summarize(ctx, found);
        var (better, message) = Judge(before, after, ctx.Problem, current, found);
        return new DaySearch(ctx, routes, current, found, Merge(ctx.Problem, found, routes), before, after, better, message);
    }

    /// <summary>
    /// Makes <paramref name="planned"/> the day's plan: tickets first (each change is stored by its ticket), then the
    /// routes. With a <paramref name="planId"/>, the undo record (the day before: <paramref name="before"/>) is stored
    /// ahead of any ticket change, so a plan whose tickets moved can always be undone; a failed write there changes
    /// nothing. Returns how many jobs changed technician.
    /// </summary>
    private async Task<int> AdoptAsync(DayContext ctx, Dictionary<string, List<string>> before, Dictionary<string, List<string>> planned, string actor, string reason, string? planId)
    {
        AppliedPlanState? record = null;
        if (planId is not null)
        {
            var ownerAfter = Owners(ctx.Problem, planned);
            record = new AppliedPlanState
            {
                PlanId = planId,
                Day = ctx.Day,
                AppliedAt = Now,
                AppliedBy = actor,
                Before = Summarize(ctx, ctx.Problem.ToSolution(before)),
                RoutesBefore = before.ToDictionary(r => r.Key, r => r.Value.ToList()),
                Jobs = ctx.Problem.Jobs.Select(j => _tickets[j.TicketId]).ToDictionary(
                    t => t.TicketId, t => new AppliedJob(t.TechnicianId, ownerAfter.GetValueOrDefault(t.TicketId), t.Pinned)),
            };
            state.State.LastApplied = record;
            await state.WriteStateAsync();
        }

        var moved = await ApplyAssignmentsAsync(ctx, planned, actor, reason);
        if (record is not null)
        {
            record.Moved = moved;
            record.After = Summarize(ctx, ctx.Problem.ToSolution(Reconcile(ctx, planned)));
        }
        await CommitDayAsync(ctx.Day, planned, $"{actor} {reason}");
        return moved;
    }

    /// <summary>Who has each job on <paramref name="routes"/>; a technician of the day wins over an off-day one still holding it (see <see cref="Merge"/>).</summary>
    private static Dictionary<string, string> Owners(DayProblem problem, Dictionary<string, List<string>> routes)
    {
        var owners = new Dictionary<string, string>();
        foreach (var (technicianId, tickets) in routes.OrderBy(r => problem.VehicleIndex(r.Key) is null))
            foreach (var id in tickets) owners.TryAdd(id, technicianId);
        return owners;
    }

    /// <summary>
    /// The periodic pass: today re-planned with the short budget when dispatch plans on its own and there is work
    /// left. It shares the cooldown with the re-plan on delays, so the two never run back to back; Judge keeps the
    /// plan unless the new one clearly helps. A dispatcher weighing a proposal for today is not overtaken by it.
    /// </summary>
    private async Task ReplanPeriodicallyAsync()
    {
        if (!state.State.AutoAssign || Now - _lastReplan < _options.ReplanCooldown || !JobsOf(Today).Any() || HasProposalFor(Today)) return;
        _lastReplan = Now;
        var report = await OptimizeDayAsync(Today, _options.ReplanBudget, DispatchActor);
        if (report.Adopted) LogPeriodicReplan(log, TenantId, report.Moved, report.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch {TenantId}: the periodic re-plan moved {Moved} job(s): {Reason}")]
    private static partial void LogPeriodicReplan(ILogger logger, string tenantId, int moved, string reason);

    private static PlanSummary Summarize(DayContext ctx, RoutingSolution solution)
    {
        var timeline = RouteTimeline.Simulate(ctx.Problem, solution.Routes);
        return new PlanSummary(Math.Round(timeline.Kilometers, 1), Math.Round(timeline.MinutesLate, 1), timeline.LateJobs, solution.Unassigned.Count);
    }

    /// <summary>
    /// Stability first: a new plan replaces the current one only when it leaves fewer or less important jobs
    /// unassigned, or saves real lateness, or saves more driving than the configured minimum. Reshuffling a
    /// technician's day for 300 m is worse than not. The message says why either way; a proposal shows it as is.
    /// </summary>
    private (bool Adopt, string Message) Judge(PlanSummary before, PlanSummary after, DayProblem problem, RoutingSolution current, RoutingSolution found)
    {
        var penaltyBefore = current.Unassigned.Sum(j => problem.Problem.Jobs[j].UnassignedPenalty);
        var penaltyAfter = found.Unassigned.Sum(j => problem.Problem.Jobs[j].UnassignedPenalty);
        if (penaltyAfter < penaltyBefore) return (true, $"Planned {before.Unassigned - after.Unassigned} more job(s).");
        if (penaltyAfter > penaltyBefore) return (false, "The new plan would leave more work unassigned.");
        var lateSaved = before.MinutesLate - after.MinutesLate;
        if (lateSaved >= _options.MinimumGainMinutesLate) return (true, $"{lateSaved:0} fewer minutes late.");
        var kmSaved = before.Kilometers - after.Kilometers;
        if (lateSaved > -_options.MinimumGainMinutesLate && kmSaved >= _options.MinimumGainKilometers && kmSaved >= _options.MinimumGainShare * before.Kilometers)
            return (true, $"{kmSaved:0.0} km less driving.");
        return (false, kmSaved > 0 ? $"The best plan found saves only {kmSaved:0.0} km, not worth reshuffling the day." : "The current plan is already as good as any found.");
    }

    private sealed class Progress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
