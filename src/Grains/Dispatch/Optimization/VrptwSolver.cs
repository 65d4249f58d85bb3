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
        var search = new LnsSearch(compiled, options, cancellationToken);
        var plan = search.Run();
        var unassigned = plan.Unassigned.ToList();
        unassigned.Sort();
        return new RoutingSolution(
            plan.Routes.Select(r => (IReadOnlyList<int>)r.ToArray()).ToArray(),
            unassigned,
            plan.TotalDistance(),
            plan.VehiclesUsed(),
            plan.UnassignedPenalty(),
            search.Iterations);
    }
}
