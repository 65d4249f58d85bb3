using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Grains.Tests.Dispatch.Optimization;

/// <summary>A job's preferred vehicle wins when it costs little; skills, shifts and real detours still decide.</summary>
public sealed class PreferredVehicleTests
{
    private const double PreferenceCost = 5;
    private static readonly HashSet<string> Gas = ["gas"];

    private static SolverOptions Budget() => new(TimeSpan.FromSeconds(30), Seed: 5, MaxIterations: 200);

    [Fact]
    public void AJob_GoesToItsPreferredVehicle_WhenBothAreEquallyGood()
    {
        var problem = Problem([Depot(0), Depot(0)], Visit(1, preferred: 1));

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Equal([0], solution.Routes[1]);
    }

    [Fact]
    public void AJob_GoesToAnotherVehicle_WhenThePreferredOneLacksARequiredSkill()
    {
        var problem = Problem([Depot(0, skills: Gas), Depot(0)], Visit(1, preferred: 1, skills: Gas));

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Equal([0], solution.Routes[0]);
        Assert.Empty(solution.Unassigned);
    }

    [Fact]
    public void AJob_GoesToAnotherVehicle_WhenThePreferredOnesShiftCannotFitIt()
    {
        // The preferred vehicle's shift ends at 20: going to location 3, 30 units of work and back needs 36.
        var problem = Problem([Depot(0), Depot(0, shiftEnd: 20)], Visit(3, preferred: 1, service: 30));

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Equal([0], solution.Routes[0]);
        Assert.Empty(solution.Unassigned);
    }

    [Fact]
    public void AJob_GoesToAnotherVehicle_WhenThePreferredOneWouldDriveFarMoreThanThePreferenceIsWorth()
    {
        // From location 9 the round trip to location 1 is 16, from location 0 it is 2: 14 more than the preference's 5.
        var problem = Problem([Depot(0), Depot(9)], Visit(1, preferred: 1));

        var solution = VrptwSolver.Solve(problem, Budget());

        Assert.Equal([0], solution.Routes[0]);
    }

    [Fact]
    public void LiveInsertion_PutsANewJob_OnItsPreferredVehicle_WhenBothAreEquallyGood()
    {
        var problem = Problem([Depot(0), Depot(0)], Visit(1, preferred: 1));
        var plan = new RoutingSolution([[], []], [0], 0, 0, 1000, 0);

        var result = JobInsertion.InsertCheapest(problem, plan, 0);

        Assert.Equal(1, result.Vehicle);
    }

    [Fact]
    public void LiveInsertion_PassesOverAPreferredVehicleWithoutTheSkill()
    {
        var problem = Problem([Depot(0, skills: Gas), Depot(0)], Visit(1, preferred: 1, skills: Gas));
        var plan = new RoutingSolution([[], []], [0], 0, 0, 1000, 0);

        var result = JobInsertion.InsertCheapest(problem, plan, 0);

        Assert.Equal(0, result.Vehicle);
    }

    private static RoutingProblem Problem(Vehicle[] vehicles, params Job[] jobs) =>
        new(jobs, vehicles, ArrayTravelMatrix.Euclidean(Enumerable.Range(0, 10).Select(i => ((double)i, 0.0)).ToArray()));

    private static Vehicle Depot(int location, double shiftEnd = 1000, IReadOnlySet<string>? skills = null) =>
        new(location, location, 0, shiftEnd, 100, skills);

    private static Job Visit(int location, int preferred, double service = 1, IReadOnlySet<string>? skills = null) =>
        new(location, service, Earliest: 0, Latest: 500, RequiredSkills: skills, UnassignedPenalty: 1000, PreferredVehicle: preferred, PreferenceCost: PreferenceCost);
}
