using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans;
using OrleansPortal.Grains.Dispatch.Optimization;
using OrleansPortal.Grains.Dispatch.Planning;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    public async Task<OptimizationReport> OptimizeDayAsync(DateOnly? day, TimeSpan budget, string actor)
    {
        var date = day ?? Today;
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

        var (adopt, message) = Judge(before, after, ctx.Problem, current, found);
        var moved = 0;
        if (adopt)
        {
            var planned = Merge(ctx.Problem, found, routes);
            moved = await ApplyAssignmentsAsync(ctx, planned, actor, "optimized the day");
            await CommitDayAsync(date, planned, $"{actor} optimized the day");
        }
        else
        {
            await PublishBoardAsync(date, "optimization kept the plan");
        }

        return new OptimizationReport(date, before, adopt ? after : before, adopt, message, moved, found.Iterations);
    }

    /// <summary>
    /// The periodic pass: today re-planned with the short budget when dispatch plans on its own and there is work
    /// left. It shares the cooldown with the re-plan on delays, so the two never run back to back; Judge keeps the
    /// plan unless the new one clearly helps.
    /// </summary>
    private async Task ReplanPeriodicallyAsync()
    {
        if (!state.State.AutoAssign || Now - _lastReplan < _options.ReplanCooldown || !JobsOf(Today).Any()) return;
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
    /// technician's day for 300 m is worse than not.
    /// </summary>
    private (bool Adopt, string Message) Judge(PlanSummary before, PlanSummary after, DayProblem problem, RoutingSolution current, RoutingSolution found)
    {
        var penaltyBefore = current.Unassigned.Sum(j => problem.Problem.Jobs[j].UnassignedPenalty);
        var penaltyAfter = found.Unassigned.Sum(j => problem.Problem.Jobs[j].UnassignedPenalty);
        if (penaltyAfter < penaltyBefore) return (true, $"Planned {before.Unassigned - after.Unassigned} more job(s).");
        if (penaltyAfter > penaltyBefore) return (false, "The new plan would leave more work unassigned; kept the current plan.");
        var lateSaved = before.MinutesLate - after.MinutesLate;
        if (lateSaved >= _options.MinimumGainMinutesLate) return (true, $"{lateSaved:0} fewer minutes late.");
        var kmSaved = before.Kilometers - after.Kilometers;
        if (lateSaved > -_options.MinimumGainMinutesLate && kmSaved >= _options.MinimumGainKilometers && kmSaved >= _options.MinimumGainShare * before.Kilometers)
            return (true, $"{kmSaved:0.0} km less driving.");
        return (false, kmSaved > 0 ? $"The best plan found saves only {kmSaved:0.0} km; kept the current plan to avoid reshuffling." : "The current plan is already as good as any found.");
    }

    private sealed class Progress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
