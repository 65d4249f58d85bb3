using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Grains.Tests.Dispatch.Optimization;

public sealed class JobInsertionTests
{
    [Fact]
    public void NewJob_LandsWhereBruteForceFindsTheCheapestFeasiblePosition()
    {
        var random = new Random(11);
        var compared = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var (problem, plan) = RandomInstance(random);
            var job = problem.Jobs.Count - 1;

            var result = JobInsertion.InsertCheapest(problem, plan, job);
            var brute = BruteForce(problem, plan, job);

            if (brute is null)
            {
                Assert.False(result.Inserted && result.Displaced.Count == 0, $"trial {trial}: inserted where brute force finds no position");
                continue;
            }
            Assert.True(result.Inserted, $"trial {trial}: brute force fits the job, insertion did not");
            Assert.Empty(result.Displaced);
            Assert.Equal(brute.Value, result.AddedDistance, 9);
            Assert.Equal(plan.Distance + brute.Value, result.Solution.Distance, 9);
            Assert.Equal(Distance(problem, result.Solution), result.Solution.Distance, 9);
            Assert.True(Feasible(problem, result.Solution.Routes[result.Vehicle], result.Vehicle), $"trial {trial}: infeasible route");
            Assert.Equal(job, result.Solution.Routes[result.Vehicle][result.Position]);
            compared++;
        }
        Assert.True(compared >= 50, $"only {compared} of 200 random instances had a feasible position");
    }

    [Fact]
    public void PinnedAndInProgressJobs_KeepTheirVehicleAndOrder()
    {
        // Vehicle 0 drives from 0 to 9 with an in-progress job at 5 and a pinned job at 6; the new job sits at 1, best
        // served before job 0 if that were allowed, which it is not: the in-progress job stays first.
        var problem = Line(
            [new Vehicle(0, 9, 0, 1000, 100)],
            Visit(5, pinned: 0, inProgress: true), Visit(6, pinned: 0), Visit(1));
        var plan = Plan(problem, [[0, 1]], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 2);

        Assert.Equal([0, 2, 1], result.Solution.Routes[0]);
        Assert.True(Feasible(problem, result.Solution.Routes[0], 0));
    }

    [Fact]
    public void Emergency_DisplacesTheRoutineJobThatLeavesRoom_AndReportsIt()
    {
        // One technician with three hours of capacity holds two routine jobs (1 h and 2 h); the emergency takes 2 h.
        // Pinned job 2 cannot be displaced, so routine job 1 (2 h) must go.
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 4)],
            Visit(1, demand: 1, penalty: 100), Visit(2, demand: 2, penalty: 100), Visit(3, demand: 1, penalty: 100, pinned: 0),
            Visit(4, demand: 2, penalty: 10_000));
        var plan = Plan(problem, [[0, 1, 2]], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 3);

        Assert.Equal(0, result.Vehicle);
        Assert.Equal([1], result.Displaced);
        Assert.Equal([1], result.Solution.Unassigned);
        Assert.Equal(100, result.Solution.UnassignedPenalty);
        Assert.Equal([0, 2, 3], result.Solution.Routes[0].Order());
        Assert.True(Feasible(problem, result.Solution.Routes[0], 0));
    }

    [Fact]
    public void Emergency_DisplacesTheLowestPriorityWork_TwoJobsIfOneIsNotEnough()
    {
        // Capacity 5 is booked with 1 h + 1 h + 2 h; the 3 h emergency needs 2 h freed. Job 2 alone would do, but it is
        // worth more than jobs 0 and 1 together, so those two go.
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 5)],
            Visit(1, demand: 1, penalty: 100), Visit(2, demand: 1, penalty: 100), Visit(3, demand: 2, penalty: 500),
            Visit(4, demand: 3, penalty: 10_000));
        var plan = Plan(problem, [[0, 1, 2]], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 3);

        Assert.Equal([0, 1], result.Displaced.Order());
        Assert.Equal([0, 1], result.Solution.Unassigned);
        Assert.Equal(200, result.Solution.UnassignedPenalty);
        Assert.Equal([2, 3], result.Solution.Routes[0].Order());
        Assert.Equal(Distance(problem, result.Solution), result.Solution.Distance, 9);
    }

    [Fact]
    public void Emergency_PrefersAFreeSlotOverDisplacing()
    {
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 1), new Vehicle(9, 9, 0, 1000, 1)],
            Visit(1, penalty: 100), Visit(2, penalty: 10_000));
        var plan = Plan(problem, [[0], []], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 1);

        Assert.Equal(1, result.Vehicle);
        Assert.Empty(result.Displaced);
        Assert.Equal([0], result.Solution.Routes[0]);
    }

    [Fact]
    public void JobThatFitsNowhereAndOutranksNothing_IsReportedUnassigned()
    {
        // The only route is full of work with the same priority, one job pinned; the new job needs the capacity.
        var problem = Line(
            [new Vehicle(0, 0, 0, 1000, 2)],
            Visit(1, penalty: 500), Visit(2, penalty: 500, pinned: 0), Visit(3, penalty: 500));
        var plan = Plan(problem, [[0, 1]], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 2);

        Assert.False(result.Inserted);
        Assert.Empty(result.Displaced);
        Assert.Equal([2], result.Solution.Unassigned);
        Assert.Equal(500, result.Solution.UnassignedPenalty);
        Assert.Equal([0, 1], result.Solution.Routes[0]);
    }

    [Fact]
    public void JobOutsideEveryShift_IsReportedUnassigned_EvenAsAnEmergency()
    {
        var problem = Line(
            [new Vehicle(0, 0, 0, 100, 10)],
            Visit(1, penalty: 100),
            new Job(5, ServiceDuration: 1, Earliest: 200, Latest: 300, UnassignedPenalty: 10_000));
        var plan = Plan(problem, [[0]], []);

        var result = JobInsertion.InsertCheapest(problem, plan, 1);

        Assert.False(result.Inserted);
        Assert.Equal([1], result.Solution.Unassigned);
        Assert.Equal([0], result.Solution.Routes[0]);
    }

    private static (RoutingProblem, RoutingSolution) RandomInstance(Random random)
    {
        var points = Enumerable.Range(0, 12).Select(_ => (random.NextDouble() * 20, random.NextDouble() * 20)).ToArray();
        var matrix = ArrayTravelMatrix.Euclidean(points);
        var vehicles = new[]
        {
            new Vehicle(0, 0, 0, 120, 6), new Vehicle(1, 1, 0, 120, 6), new Vehicle(0, 0, 0, 120, 6),
        };
        var jobs = new List<Job>();
        for (var i = 0; i < 8; i++)
        {
            var earliest = random.NextDouble() * 60;
            jobs.Add(new Job(2 + random.Next(10), 3, earliest, earliest + 10 + random.NextDouble() * 50, Demand: 1));
        }
        var newEarliest = random.NextDouble() * 60;
        jobs.Add(new Job(2 + random.Next(10), 3, newEarliest, newEarliest + random.NextDouble() * 40, Demand: 1, UnassignedPenalty: 1));
        var problem = new RoutingProblem(jobs, vehicles, matrix);
        // A feasible live plan built greedily: each old job appended to the first vehicle that can still take it.
        var routes = vehicles.Select(_ => new List<int>()).ToArray();
        var unassigned = new List<int>();
        for (var j = 0; j < 8; j++)
        {
            var placed = false;
            for (var v = 0; v < vehicles.Length && !placed; v++)
            {
                routes[v].Add(j);
                placed = Feasible(problem, routes[v], v);
                if (!placed)
                {
                    routes[v].RemoveAt(routes[v].Count - 1);
                }
            }
            if (!placed)
            {
                unassigned.Add(j);
            }
        }
        return (problem, Plan(problem, routes.Select(r => r.ToArray()).ToArray(), unassigned.ToArray()));
    }

    /// <summary>Cheapest added distance over every vehicle and position, checked by simulating the whole route.</summary>
    private static double? BruteForce(RoutingProblem problem, RoutingSolution plan, int job)
    {
        double? best = null;
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var route = plan.Routes[v];
            for (var pos = 0; pos <= route.Count; pos++)
            {
                var candidate = route.ToList();
                candidate.Insert(pos, job);
                if (Feasible(problem, candidate, v))
                {
                    var added = RouteDistance(problem, candidate, v) - RouteDistance(problem, route, v);
                    best = best is null ? added : Math.Min(best.Value, added);
                }
            }
        }
        return best;
    }

    private static bool Feasible(RoutingProblem problem, IReadOnlyList<int> route, int v)
    {
        var vehicle = problem.Vehicles[v];
        var clock = vehicle.ShiftStart;
        var here = vehicle.StartLocation;
        var load = 0.0;
        foreach (var j in route)
        {
            var job = problem.Jobs[j];
            var start = Math.Max(clock + problem.Matrix.Time(here, job.Location), job.Earliest);
            if (start > job.Latest + 1e-9)
            {
                return false;
            }
            clock = start + job.ServiceDuration;
            here = job.Location;
            load += job.Demand;
        }
        return load <= vehicle.Capacity + 1e-9 && clock + problem.Matrix.Time(here, vehicle.EndLocation) <= vehicle.ShiftEnd + 1e-9;
    }

    private static double RouteDistance(RoutingProblem problem, IReadOnlyList<int> route, int v)
    {
        if (route.Count == 0)
        {
            return 0;
        }
        var vehicle = problem.Vehicles[v];
        var here = vehicle.StartLocation;
        var total = 0.0;
        foreach (var j in route)
        {
            total += problem.Matrix.Distance(here, problem.Jobs[j].Location);
            here = problem.Jobs[j].Location;
        }
        return total + problem.Matrix.Distance(here, vehicle.EndLocation);
    }

    private static double Distance(RoutingProblem problem, RoutingSolution solution) =>
        Enumerable.Range(0, solution.Routes.Count).Sum(v => RouteDistance(problem, solution.Routes[v], v));

    private static RoutingSolution Plan(RoutingProblem problem, int[][] routes, int[] unassigned)
    {
        var distance = Enumerable.Range(0, routes.Length).Sum(v => RouteDistance(problem, routes[v], v));
        return new RoutingSolution(
            routes, unassigned, distance, routes.Count(r => r.Length > 0),
            unassigned.Sum(j => problem.Jobs[j].UnassignedPenalty), Iterations: 0);
    }

    /// <summary>Locations 0..9 on a line, one unit apart; travel time equals distance.</summary>
    private static RoutingProblem Line(Vehicle[] vehicles, params Job[] jobs) =>
        new(jobs, vehicles, ArrayTravelMatrix.Euclidean(Enumerable.Range(0, 10).Select(i => ((double)i, 0.0)).ToArray()));

    private static Job Visit(int location, double demand = 1, double penalty = 1000, int? pinned = null, bool inProgress = false) =>
        new(location, ServiceDuration: 1, Earliest: 0, Latest: 500, demand, UnassignedPenalty: penalty, PinnedVehicle: pinned, InProgress: inProgress);
}
