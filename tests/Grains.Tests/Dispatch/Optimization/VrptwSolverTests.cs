using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Grains.Tests.Dispatch.Optimization;

public sealed class VrptwSolverTests
{
    // Iteration caps rather than time keep these tests deterministic and fast on a loaded machine; the time budget is only a backstop.
    private static SolverOptions Budget(int iterations, bool minimizeVehicles = false) =>
        new(TimeSpan.FromSeconds(30), Seed: 7, MinimizeVehicles: minimizeVehicles, MaxIterations: iterations);

    [Theory]
    [InlineData("c101")]
    [InlineData("r101")]
    [InlineData("rc201")]
    public void SolomonInstance_IsSolvedFeasiblyAccordingToTheIndependentChecker(string name)
    {
        var instance = SolomonInstance.Parse(name, File.ReadAllText(SolomonFile(name)));

        var solution = VrptwSolver.Solve(instance.ToProblem(), Budget(2_000, minimizeVehicles: true));
        var check = SolomonSolutionChecker.Check(instance, instance.CustomerRoutes(solution));

        Assert.Empty(solution.Unassigned);
        Assert.True(check.Feasible, string.Join("; ", check.Violations));
        Assert.Equal(check.Distance, solution.Distance, 6);
        Assert.Equal(check.Vehicles, solution.VehiclesUsed);
    }

    [Fact]
    public void SameSeedAndIterationCap_GiveTheSamePlan()
    {
        var problem = SolomonInstance.Parse("r201", File.ReadAllText(SolomonFile("r201"))).ToProblem();
        var options = Budget(1_000, minimizeVehicles: true) with { Workers = 2 };

        var first = VrptwSolver.Solve(problem, options);
        var second = VrptwSolver.Solve(problem, options);

        Assert.Equal(first.Distance, second.Distance);
        Assert.Equal(first.Routes.Select(r => string.Join(',', r)), second.Routes.Select(r => string.Join(',', r)));
    }

    [Fact]
    public void PinnedJobs_StayOnTheirVehicle()
    {
        // Vehicle 0 is based next to every job and vehicle 1 far away, yet job 1 (in progress) and job 3 are pinned to vehicle 1.
        var problem = Line(
            [new Vehicle(1, 1, 0, 1000, 100), new Vehicle(9, 9, 0, 1000, 100)],
            Visit(1), Visit(2, pinned: 1, inProgress: true), Visit(3), Visit(1, pinned: 1));

        var solution = VrptwSolver.Solve(problem, Budget(500));

        Assert.Equal(1, solution.Routes[1][0]);
        Assert.Contains(3, solution.Routes[1]);
        Assert.DoesNotContain(3, solution.Routes[0]);
        Assert.Empty(solution.Unassigned);
    }

    [Fact]
    public void JobNeedingASkillNoVehicleHas_IsLeftUnassignedWithItsPenalty()
    {
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 100, new HashSet<string> { "electric" })],
            Visit(1) with { RequiredSkills = new HashSet<string> { "electric" } },
            Visit(2) with { RequiredSkills = new HashSet<string> { "gas" }, UnassignedPenalty = 250 },
            Visit(3));

        var solution = VrptwSolver.Solve(problem, Budget(300));

        Assert.Equal([1], solution.Unassigned);
        Assert.Equal(250, solution.UnassignedPenalty);
        Assert.DoesNotContain(3, solution.Routes[0]);
    }

    [Fact]
    public void EmergencyJob_GetsTheCapacityBeforeRoutineJobs()
    {
        // One technician with three hours; three routine two-hour jobs next door and a two-hour emergency far away.
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 3)],
            Visit(1, demand: 2, penalty: 100), Visit(1, demand: 2, penalty: 100), Visit(2, demand: 2, penalty: 100),
            Visit(9, demand: 2, penalty: 10_000));

        var solution = VrptwSolver.Solve(problem, Budget(300));

        Assert.Equal([3], solution.Routes[0]);
        Assert.Equal([0, 1, 2], solution.Unassigned);
    }

    /// <summary>Locations 0..9 on a line, one unit apart; travel time equals distance.</summary>
    private static RoutingProblem Line(Vehicle[] vehicles, params Job[] jobs) =>
        new(jobs, vehicles, ArrayTravelMatrix.Euclidean(Enumerable.Range(0, 10).Select(i => ((double)i, 0.0)).ToArray()));

    private static Job Visit(int location, double demand = 1, double penalty = 1000, int? pinned = null, bool inProgress = false) =>
        new(location, ServiceDuration: 1, Earliest: 0, Latest: 500, demand, UnassignedPenalty: penalty, PinnedVehicle: pinned, InProgress: inProgress);

    private static string SolomonFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "vrptw", "solomon", name + ".txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"samples/vrptw/solomon/{name}.txt not found above {AppContext.BaseDirectory}");
    }
}
