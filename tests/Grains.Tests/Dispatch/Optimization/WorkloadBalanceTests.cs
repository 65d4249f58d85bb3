using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Grains.Tests.Dispatch.Optimization;

/// <summary>Workload balance: with a weight, work is spread over the vehicles even where one vehicle would drive least.</summary>
public sealed class WorkloadBalanceTests
{
    // With 8 jobs of 10 time units at one spot: 4 + 4 costs 2 × 0.01 × 40² = 32 of balance plus 4 of driving, all on one
    // vehicle 0.01 × 80² = 64 plus 2 of driving, so balance clearly outweighs the extra trip.
    private const double Weight = 0.01;

    private static SolverOptions Budget() => new(TimeSpan.FromSeconds(30), Seed: 3, MaxIterations: 300);

    [Fact]
    public void WithBalance_EightEqualJobs_AreSplitEvenlyBetweenTwoIdenticalVehicles()
    {
        var problem = EightJobsNextToTheDepot(Weight);

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Empty(solution.Unassigned);
        Assert.All(solution.Routes, r => Assert.NotEmpty(r));
        Assert.InRange(Math.Abs(solution.Routes[0].Count - solution.Routes[1].Count), 0, 1);
    }

    [Fact]
    public void WithoutBalance_OneVehicleTakesEveryJob_BecauseThatDrivesLeast()
    {
        var problem = EightJobsNextToTheDepot(balanceWeight: 0);

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Equal(2, solution.Distance);
        Assert.Equal([0, 8], solution.Routes.Select(r => r.Count).Order());
    }

    [Fact]
    public void LiveInsertion_GivesANewJob_ToTheLessBusyVehicle_WhenTravelIsEqual()
    {
        // Both routes already pass location 1, so the new job there adds no driving to either.
        var problem = new RoutingProblem(
            [Job(1), Job(1), Job(1), Job(1), Job(1)],
            [new Vehicle(0, 0, 0, 1000, 100), new Vehicle(0, 0, 0, 1000, 100)],
            Line(),
            Weight);
        var plan = new RoutingSolution([[0, 1, 2], [3]], [4], 4, 2, 1000, 0);

        var result = JobInsertion.InsertCheapest(problem, plan, 4);

        Assert.Equal(1, result.Vehicle);
        Assert.Equal(0, result.AddedDistance);
    }

    [Fact]
    public void LiveInsertion_OpensAnIdleVehicle_RatherThanLoadingABusyOne_WhenBalanceOutweighsTheTrip()
    {
        var busy = new RoutingProblem(
            [Job(1), Job(1), Job(1), Job(1)],
            [new Vehicle(0, 0, 0, 1000, 100), new Vehicle(0, 0, 0, 1000, 100)],
            Line(),
            Weight);
        var plan = new RoutingSolution([[0, 1, 2], []], [3], 2, 1, 1000, 0);

        var balanced = JobInsertion.InsertCheapest(busy, plan, 3);
        var distanceOnly = JobInsertion.InsertCheapest(busy with { BalanceWeight = 0 }, plan, 3);

        Assert.Equal(1, balanced.Vehicle); // 2 of driving + 1 of balance beats 0 of driving + 7 of balance
        Assert.Equal(0, distanceOnly.Vehicle);
    }

    private static RoutingProblem EightJobsNextToTheDepot(double balanceWeight) => new(
        Enumerable.Range(0, 8).Select(_ => Job(1)).ToArray(),
        [new Vehicle(0, 0, 0, 1000, 100), new Vehicle(0, 0, 0, 1000, 100)],
        Line(),
        balanceWeight);

    private static Job Job(int location) => new(location, ServiceDuration: 10, Earliest: 0, Latest: 900, UnassignedPenalty: 1000);

    /// <summary>Locations 0..9 on a line, one unit apart; travel time equals distance.</summary>
    private static ArrayTravelMatrix Line() => ArrayTravelMatrix.Euclidean(Enumerable.Range(0, 10).Select(i => ((double)i, 0.0)).ToArray());
}
