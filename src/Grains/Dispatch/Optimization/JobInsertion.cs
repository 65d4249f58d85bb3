using System.Buffers;

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// Puts one new job (typically an emergency) into a live, feasible plan at its cheapest feasible position, without
/// re-optimising anything else. Pure and allocation-light, so a dispatch grain can call it per incoming job.
/// </summary>
/// <remarks>
/// The objective is the solver's: unassigned penalty first, then distance plus <c>vehicleFixedCost</c> per vehicle used,
/// plus the problem's workload balance and the job's missed preference (both per route, so still O(1) per position).
/// Every position of every compatible route is tried (skills, pin, capacity, time windows and shift end checked in
/// O(1) per position from a forward and a backward pass over the route). Jobs already planned keep their vehicle and
/// their relative order; an in-progress job stays first.
/// <para>
/// Displacement, only when the job fits nowhere as is: on one route, up to <see cref="MaxDisplaced"/> jobs whose
/// combined penalty is strictly lower than the new job's are removed (never pinned or in-progress jobs), choosing the
/// smallest displaced penalty, then the smallest distance change. The displaced jobs are reported and listed as
/// unassigned; re-inserting them elsewhere is the caller's call (this method again, or a full solve).
/// </para>
/// </remarks>
public static class JobInsertion
{
    /// <summary>At most this many jobs leave one route to make room; more would be a re-plan, not an insertion.</summary>
    public const int MaxDisplaced = 2;

    private const double Epsilon = 1e-9;

    /// <param name="problem">The problem including the new job.</param>
    /// <param name="current">A feasible plan of <paramref name="problem"/> in which <paramref name="job"/> is on no route (it may be unassigned).</param>
    /// <param name="job">Index of the new job in <paramref name="problem"/>'s jobs.</param>
    /// <param name="vehicleFixedCost">Distance-equivalent cost of taking out a vehicle that was staying home.</param>
    public static JobInsertionResult InsertCheapest(RoutingProblem problem, RoutingSolution current, int job, double vehicleFixedCost = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegative(job);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(job, problem.Jobs.Count);
        if (current.Routes.Count != problem.Vehicles.Count)
        {
            throw new ArgumentException($"The plan has {current.Routes.Count} routes for {problem.Vehicles.Count} vehicles.", nameof(current));
        }

        var longest = 0;
        for (var v = 0; v < current.Routes.Count; v++)
        {
            if (current.Routes[v].Contains(job))
            {
                throw new ArgumentException($"Job {job} is already on vehicle {v}'s route.", nameof(job));
            }
            longest = Math.Max(longest, current.Routes[v].Count);
        }

        var ints = ArrayPool<int>.Shared.Rent(longest);
        var doubles = ArrayPool<double>.Shared.Rent(2 * (longest + 2));
        try
        {
            var scratch = new Scratch(ints, doubles.AsSpan(0, longest + 2), doubles.AsSpan(longest + 2, longest + 2));
            var best = Search(problem, current, job, vehicleFixedCost, scratch, allowDisplacing: false);
            if (best.Vehicle < 0)
            {
                best = Search(problem, current, job, vehicleFixedCost, scratch, allowDisplacing: true);
            }
            return Apply(problem, current, job, best);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<double>.Shared.Return(doubles);
        }
    }

    private static Candidate Search(RoutingProblem problem, RoutingSolution current, int job, double fixedCost, Scratch scratch, bool allowDisplacing)
    {
        var best = Candidate.None;
        var newJob = problem.Jobs[job];
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            if (!Compatible(newJob, vehicle, v))
            {
                continue;
            }
            var route = current.Routes[v];
            var opening = route.Count == 0 ? fixedCost : 0;
            if (!allowDisplacing)
            {
                Consider(ref best, problem, vehicle, route, -1, -1, job, 0, opening, scratch, v);
                continue;
            }
            for (var a = 0; a < route.Count; a++)
            {
                var ja = problem.Jobs[route[a]];
                if (!Removable(ja, newJob.UnassignedPenalty))
                {
                    continue;
                }
                Consider(ref best, problem, vehicle, route, a, -1, job, ja.UnassignedPenalty, opening, scratch, v);
                for (var b = a + 1; b < route.Count && MaxDisplaced >= 2; b++)
                {
                    var jb = problem.Jobs[route[b]];
                    var penalty = ja.UnassignedPenalty + jb.UnassignedPenalty;
                    if (Removable(jb, newJob.UnassignedPenalty) && penalty < newJob.UnassignedPenalty - Epsilon)
                    {
                        Consider(ref best, problem, vehicle, route, a, b, job, penalty, opening, scratch, v);
                    }
                }
            }
        }
        return best;
    }

    /// <summary>Tries every position for <paramref name="job"/> on vehicle v's route without the jobs at <paramref name="skipA"/> and <paramref name="skipB"/>.</summary>
    private static void Consider(
        ref Candidate best, RoutingProblem problem, Vehicle vehicle, IReadOnlyList<int> original, int skipA, int skipB,
        int job, double displacedPenalty, double opening, Scratch scratch, int v)
    {
        if (displacedPenalty > best.DisplacedPenalty + Epsilon)
        {
            return;
        }
        var route = scratch.Route;
        var k = 0;
        for (var i = 0; i < original.Count; i++)
        {
            if (i != skipA && i != skipB)
            {
                route[k++] = original[i];
            }
        }
        var m = problem.Matrix;
        var jobs = problem.Jobs;
        var es = scratch.Earliest;
        var ls = scratch.Latest;

        // Forward: earliest service start at each node (0 = leaving the start, k+1 = back at the end), load and distance.
        es[0] = vehicle.ShiftStart;
        var prevLoc = vehicle.StartLocation;
        var prevService = 0.0;
        var load = 0.0;
        var work = 0.0;
        var distance = 0.0;
        for (var i = 0; i < k; i++)
        {
            var j = jobs[route[i]];
            es[i + 1] = Math.Max(es[i] + prevService + m.Time(prevLoc, j.Location), j.Earliest);
            distance += m.Distance(prevLoc, j.Location);
            load += j.Demand;
            work += j.ServiceDuration;
            prevLoc = j.Location;
            prevService = j.ServiceDuration;
        }
        es[k + 1] = es[k] + prevService + m.Time(prevLoc, vehicle.EndLocation);
        distance += m.Distance(prevLoc, vehicle.EndLocation);
        var routeDistance = k == 0 ? 0 : distance;

        // Backward: latest start at each node that keeps the rest of the route feasible.
        ls[k + 1] = vehicle.ShiftEnd;
        var nextLoc = vehicle.EndLocation;
        for (var i = k; i >= 1; i--)
        {
            var j = jobs[route[i - 1]];
            ls[i] = Math.Min(j.Latest, ls[i + 1] - m.Time(j.Location, nextLoc) - j.ServiceDuration);
            nextLoc = j.Location;
        }
        for (var i = 1; i <= k + 1; i++)
        {
            if (es[i] > ls[i] + Epsilon)
            {
                return; // Without the displaced jobs the route broke (a matrix without the triangle inequality); skip it.
            }
        }

        var newJob = jobs[job];
        if (load + newJob.Demand > vehicle.Capacity + Epsilon)
        {
            return;
        }
        var removedDistance = RouteDistance(problem, vehicle, original) - routeDistance;
        // Balance compares the route's work before (with any displaced jobs) and after (with the new job instead).
        var soft = 0.0;
        if (problem.BalanceWeight > 0)
        {
            var before = work;
            if (skipA >= 0)
            {
                before += jobs[original[skipA]].ServiceDuration;
            }
            if (skipB >= 0)
            {
                before += jobs[original[skipB]].ServiceDuration;
            }
            soft += RoutingProblem.BalanceCost(problem.BalanceWeight, work + newJob.ServiceDuration) - RoutingProblem.BalanceCost(problem.BalanceWeight, before);
        }
        soft += newJob.PreferenceMiss(v);
        var first = k > 0 && jobs[route[0]].InProgress ? 1 : 0;
        for (var pos = first; pos <= k; pos++)
        {
            int fromLoc;
            double fromService;
            if (pos == 0)
            {
                fromLoc = vehicle.StartLocation;
                fromService = 0;
            }
            else
            {
                var prev = jobs[route[pos - 1]];
                fromLoc = prev.Location;
                fromService = prev.ServiceDuration;
            }
            var toLoc = pos == k ? vehicle.EndLocation : jobs[route[pos]].Location;
            var start = Math.Max(es[pos] + fromService + m.Time(fromLoc, newJob.Location), newJob.Earliest);
            if (start > newJob.Latest + Epsilon || start + newJob.ServiceDuration + m.Time(newJob.Location, toLoc) > ls[pos + 1] + Epsilon)
            {
                continue;
            }
            var added = k == 0
                ? m.Distance(vehicle.StartLocation, newJob.Location) + m.Distance(newJob.Location, vehicle.EndLocation)
                : m.Distance(fromLoc, newJob.Location) + m.Distance(newJob.Location, toLoc) - m.Distance(fromLoc, toLoc);
            var delta = added - removedDistance;
            var cost = delta + (k == 0 ? opening : 0) + soft;
            var better = displacedPenalty < best.DisplacedPenalty - Epsilon ||
                (displacedPenalty <= best.DisplacedPenalty + Epsilon && cost < best.Cost - Epsilon);
            if (better)
            {
                // Positions are in the route without the displaced jobs, which is the route the caller gets back.
                best = new Candidate(v, pos, skipA, skipB, displacedPenalty, cost, delta);
            }
        }
    }

    private static JobInsertionResult Apply(RoutingProblem problem, RoutingSolution current, int job, Candidate best)
    {
        var unassigned = new List<int>(current.Unassigned.Count + 2);
        foreach (var j in current.Unassigned)
        {
            if (j != job)
            {
                unassigned.Add(j);
            }
        }
        var wasUnassigned = unassigned.Count != current.Unassigned.Count;
        var penaltyBefore = current.UnassignedPenalty - (wasUnassigned ? problem.Jobs[job].UnassignedPenalty : 0);
        if (best.Vehicle < 0)
        {
            unassigned.Add(job);
            unassigned.Sort();
            var left = current with { Unassigned = unassigned, UnassignedPenalty = penaltyBefore + problem.Jobs[job].UnassignedPenalty };
            return new JobInsertionResult(left, -1, -1, [], 0);
        }

        var old = current.Routes[best.Vehicle];
        var displaced = new List<int>(2);
        var route = new int[old.Count + 1 - (best.SkipA >= 0 ? 1 : 0) - (best.SkipB >= 0 ? 1 : 0)];
        var k = 0;
        for (var i = 0; i < old.Count; i++)
        {
            if (i == best.SkipA || i == best.SkipB)
            {
                displaced.Add(old[i]);
                continue;
            }
            if (k == best.Position)
            {
                route[k++] = job;
            }
            route[k++] = old[i];
        }
        if (k == best.Position)
        {
            route[k] = job;
        }

        var routes = new IReadOnlyList<int>[current.Routes.Count];
        for (var v = 0; v < routes.Length; v++)
        {
            routes[v] = v == best.Vehicle ? route : current.Routes[v];
        }
        var penalty = penaltyBefore;
        foreach (var d in displaced)
        {
            unassigned.Add(d);
            penalty += problem.Jobs[d].UnassignedPenalty;
        }
        unassigned.Sort();
        var solution = current with
        {
            Routes = routes,
            Unassigned = unassigned,
            Distance = current.Distance + best.Delta,
            VehiclesUsed = current.VehiclesUsed + (old.Count == 0 ? 1 : 0),
            UnassignedPenalty = penalty,
        };
        return new JobInsertionResult(solution, best.Vehicle, best.Position, displaced, best.Delta);
    }

    private static bool Compatible(Job job, Vehicle vehicle, int v)
    {
        if (job.PinnedVehicle is { } pin && pin != v)
        {
            return false;
        }
        var required = job.RequiredSkills;
        return required is null || required.Count == 0 || (vehicle.Skills is { } skills && required.IsSubsetOf(skills));
    }

    private static bool Removable(Job job, double newPenalty) =>
        job.PinnedVehicle is null && !job.InProgress && job.UnassignedPenalty < newPenalty - Epsilon;

    private static double RouteDistance(RoutingProblem problem, Vehicle vehicle, IReadOnlyList<int> route)
    {
        if (route.Count == 0)
        {
            return 0;
        }
        var m = problem.Matrix;
        var total = 0.0;
        var prev = vehicle.StartLocation;
        foreach (var j in route)
        {
            var loc = problem.Jobs[j].Location;
            total += m.Distance(prev, loc);
            prev = loc;
        }
        return total + m.Distance(prev, vehicle.EndLocation);
    }

    private readonly record struct Candidate(int Vehicle, int Position, int SkipA, int SkipB, double DisplacedPenalty, double Cost, double Delta)
    {
        public static Candidate None => new(-1, -1, -1, -1, double.PositiveInfinity, double.PositiveInfinity, 0);
    }

    private readonly ref struct Scratch(int[] route, Span<double> earliest, Span<double> latest)
    {
        public int[] Route { get; } = route;
        public Span<double> Earliest { get; } = earliest;
        public Span<double> Latest { get; } = latest;
    }
}
