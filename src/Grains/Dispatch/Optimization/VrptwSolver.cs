namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// Plans routes for a vehicle routing problem with time windows, skills, capacities, priorities and pinned jobs.
/// Pure and synchronous: a dispatch grain calls it on a snapshot, the benchmark calls it on the Solomon instances.
/// </summary>
public static class VrptwSolver
{
    /// <summary>
    /// Returns the best plan found before the budget or the token runs out (cancellation is not an error).
    /// Every route in the result is feasible; jobs that fit nowhere are listed as unassigned.
    /// </summary>
    public static RoutingSolution Solve(RoutingProblem problem, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var compiled = new CompiledProblem(problem);
        var workers = Math.Max(1, options.Workers);
        var searches = new LnsSearch[workers];
        var plans = new Plan[workers];
        // Each worker owns its search and plan; they share only the read-only compiled problem.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            // Only the first worker reports progress: one steady bar rather than several interleaved ones.
            searches[i] = new LnsSearch(compiled, options with { Seed = options.Seed + i * 7919, Progress = i == 0 ? options.Progress : null }, cancellationToken);
            plans[i] = searches[i].Run();
        });
        // Ties go to the lowest worker, so the choice is as reproducible as the searches.
        var winner = 0;
        for (var i = 1; i < workers; i++)
        {
            if (searches[0].Better(plans[i], plans[winner]))
            {
                winner = i;
            }
        }
        var plan = plans[winner];
        var unassigned = plan.Unassigned.ToList();
        unassigned.Sort();
        return new RoutingSolution(
            plan.Routes.Select(r => (IReadOnlyList<int>)r.ToArray()).ToArray(),
            unassigned,
            plan.TotalDistance(),
            plan.VehiclesUsed(),
            plan.UnassignedPenalty(),
            searches.Sum(s => s.Iterations));
    }
}
