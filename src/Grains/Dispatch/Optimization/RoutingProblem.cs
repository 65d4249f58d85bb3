namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>Everything the solver needs; job and vehicle indices in a <see cref="RoutingSolution"/> refer to these lists.</summary>
/// <param name="BalanceWeight">
/// Workload balance: each route costs <c>BalanceWeight × work²</c> (distance units per squared time unit), where work is the
/// sum of its jobs' service durations. Convex, so an hour more costs a busy vehicle more than an idle one; 0 (the default)
/// leaves distance alone in charge. It belongs to the problem rather than the search options because live insertion
/// (<see cref="JobInsertion"/>) and the solver must weigh plans the same way.
/// </param>
public sealed record RoutingProblem(IReadOnlyList<Job> Jobs, IReadOnlyList<Vehicle> Vehicles, ITravelMatrix Matrix, double BalanceWeight = 0)
{
    /// <summary>Balance cost of a route doing <paramref name="work"/> units of service: the one formula the solver and live insertion share.</summary>
    public static double BalanceCost(double weight, double work) => weight * work * work;
}
