using System.Diagnostics;

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// Ruin and recreate in the style of SISR (Christiaens and Vanden Berghe): ruin removes short strings of
/// consecutive jobs from routes near a random seed job, recreate puts them back by cheapest insertion with
/// occasional "blinks" (skipped positions) that keep the search from repeating itself.
/// Two phases: with <see cref="SolverOptions.MinimizeVehicles"/>, first empty routes one at a time (the dropped
/// jobs are steered back by how often each has been left out), then simulated annealing on the cost: distance, plus
/// workload balance and missed preferences when the problem weighs them.
/// Not thread-safe: one instance per solve.
/// </summary>
internal sealed class LnsSearch
{
    private const double BlinkRate = 0.01;
    // Vehicle reduction wants many small moves; distance wants strings long enough to move a whole cluster
    // (the C2 instances have 30-customer routes that shorter strings cannot rearrange).
    private const double ReductionAverageRemoved = 10;
    private const double ReductionMaxString = 10;
    private const double DistanceAverageRemoved = 15;
    private const double DistanceMaxString = 15;
    // Annealing temperatures in average arc lengths, so the schedule suits any distance unit.
    private const double StartTemperature = 10;
    private const double FinalTemperature = 0.1;
    private const double ReductionShare = 0.5;
    private const double Epsilon = 1e-7;

    private readonly CompiledProblem p;
    private readonly SolverOptions options;
    private readonly CancellationToken cancellation;
    private readonly Random random;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool[] classTried;
    private readonly List<int> removed = [];
    private readonly List<int> ruinedRoutes = [];
    private readonly List<int> touched = [];
    private readonly bool[] isTouched;
    private int blinkCountdown;
    private readonly double openCost;
    private double averageRemoved = ReductionAverageRemoved;
    private double maxStringLength = ReductionMaxString;
    private long iterations;

    public LnsSearch(CompiledProblem problem, SolverOptions options, CancellationToken cancellation)
    {
        p = problem;
        this.options = options;
        this.cancellation = cancellation;
        random = new Random(options.Seed);
        classTried = new bool[p.ClassCount];
        isTouched = new bool[p.VehicleCount];
        blinkCountdown = NextBlink();
        // When vehicles come first, opening a route must lose to any insertion into a route already in use.
        openCost = options.MinimizeVehicles ? 1e9 : options.VehicleFixedCost;
    }

    public long Iterations => iterations;

    public Plan Run()
    {
        var best = Construct();
        if (!Array.Exists(p.Pinned, pin => pin < 0))
        {
            return best; // nothing the search may move
        }
        if (options.MinimizeVehicles)
        {
            MinimizeVehicles(best, ReductionShare);
        }
        Anneal(best);
        return best;
    }

    private Plan Construct()
    {
        var plan = new Plan(p);
        // In-progress jobs first and at the head of their route, then the other pinned jobs, then the rest.
        for (var j = 0; j < p.JobCount; j++)
        {
            if (p.InProgress[j])
            {
                var v = p.Pinned[j];
                plan.Routes[v].Insert(0, j);
                plan.RouteOf[j] = v;
                plan.Refresh(v);
                if (!plan.RouteFeasible(v))
                {
                    plan.Routes[v].RemoveAt(0);
                    plan.RouteOf[j] = -1;
                    plan.Refresh(v);
                    plan.Unassigned.Add(j);
                }
            }
        }
        removed.Clear();
        for (var j = 0; j < p.JobCount; j++)
        {
            if (p.Pinned[j] >= 0 && !p.InProgress[j])
            {
                removed.Add(j);
            }
        }
        // Largest demand first for the start: the big jobs are the hard ones to fit later.
        Recreate(plan, removed, allowOpen: true, sortOrder: 4);
        removed.Clear();
        for (var j = 0; j < p.JobCount; j++)
        {
            if (p.Pinned[j] < 0)
            {
                removed.Add(j);
            }
        }
        Recreate(plan, removed, allowOpen: true, sortOrder: 4);
        return plan;
    }

    /// <summary>Repeatedly takes the emptiest route away and searches until its jobs fit elsewhere, until the phase's share of the budget is spent.</summary>
    private void MinimizeVehicles(Plan best, double share)
    {
        var current = new Plan(p);
        var candidate = new Plan(p);
        var absence = new int[p.JobCount];
        var target = best.UnassignedPenalty() + Epsilon;
        averageRemoved = ReductionAverageRemoved;
        maxStringLength = ReductionMaxString;
        var lowerBound = VehicleLowerBound();
        while (!PhaseOver(share) && best.VehiclesUsed() > lowerBound)
        {
            current.CopyFrom(best);
            var victim = PickRouteToEmpty(current);
            if (victim < 0)
            {
                return;
            }
            foreach (var j in current.Routes[victim])
            {
                current.RouteOf[j] = -1;
                current.Unassigned.Add(j);
            }
            current.Routes[victim].Clear();
            current.Refresh(victim);
            candidate.CopyFrom(current);

            var emptied = false;
            while (!PhaseOver(share))
            {
                iterations++;
                RuinAndRecreate(candidate, allowOpen: false);
                foreach (var j in candidate.Unassigned)
                {
                    absence[j]++;
                }
                if (candidate.UnassignedPenalty() <= target)
                {
                    best.CopyFrom(candidate);
                    emptied = true;
                    break;
                }
                if (candidate.Unassigned.Count < current.Unassigned.Count ||
                    AbsenceSum(candidate, absence) < AbsenceSum(current, absence))
                {
                    current.CopyRoutesFrom(candidate, touched);
                }
                else
                {
                    candidate.CopyRoutesFrom(current, touched);
                }
            }
            if (!emptied)
            {
                return;
            }
        }
    }

    private void Anneal(Plan best)
    {
        var current = new Plan(p);
        var candidate = new Plan(p);
        current.CopyFrom(best);
        var assigned = Math.Max(1, p.JobCount - best.Unassigned.Count);
        var arc = Math.Max(Epsilon, best.TotalDistance() / (assigned + best.VehiclesUsed()));
        var t0 = StartTemperature * arc;
        var tf = FinalTemperature * arc;
        var start = Elapsed();
        averageRemoved = DistanceAverageRemoved;
        maxStringLength = DistanceMaxString;
        candidate.CopyFrom(current);
        while (!PhaseOver(1.0))
        {
            iterations++;
            RuinAndRecreate(candidate, allowOpen: true);
            var progress = Math.Clamp((Elapsed() - start) / Math.Max(Epsilon, 1.0 - start), 0, 1);
            var temperature = t0 * Math.Pow(tf / t0, progress);
            var order = Compare(candidate, current);
            if (order < 0 || (order == 0 && Cost(candidate) < Cost(current) - temperature * Math.Log(random.NextDouble())))
            {
                current.CopyRoutesFrom(candidate, touched);
                if (Better(current, best))
                {
                    best.CopyFrom(current);
                }
            }
            else
            {
                candidate.CopyRoutesFrom(current, touched);
            }
            ReportProgress(best);
        }
        ReportProgress(best, final: true);
    }

    private TimeSpan lastReport;

    private void ReportProgress(Plan best, bool final = false)
    {
        if (options.Progress is null || (!final && clock.Elapsed - lastReport < SolverOptions.ProgressInterval))
        {
            return;
        }
        lastReport = clock.Elapsed;
        options.Progress.Report(new SolverProgress(final ? 1 : Math.Clamp(Elapsed(), 0, 1), best.TotalDistance(), best.Unassigned.Count, iterations));
    }

    /// <summary>Whether <paramref name="a"/> beats <paramref name="b"/> under the full objective: penalty, vehicles when minimised, then cost.</summary>
    public bool Better(Plan a, Plan b)
    {
        var order = Compare(a, b);
        return order < 0 || (order == 0 && Cost(a) < Cost(b) - Epsilon);
    }

    /// <summary>Hierarchy above the annealed cost: unassigned penalty, then (for Solomon) vehicles. Returns -1, 0 or 1.</summary>
    private int Compare(Plan a, Plan b)
    {
        var pa = a.UnassignedPenalty();
        var pb = b.UnassignedPenalty();
        if (pa < pb - Epsilon)
        {
            return -1;
        }
        if (pa > pb + Epsilon)
        {
            return 1;
        }
        return options.MinimizeVehicles ? a.VehiclesUsed().CompareTo(b.VehiclesUsed()) : 0;
    }

    private double Cost(Plan plan)
    {
        var cost = plan.TotalDistance() + (options.MinimizeVehicles ? 0 : options.VehicleFixedCost * plan.VehiclesUsed());
        return p.HasSoftCosts ? cost + plan.TotalSoftCost() : cost;
    }

    /// <summary>
    /// Ruins and recreates <paramref name="plan"/> in place, listing the routes it changed in <see cref="touched"/>,
    /// so accepting or undoing the move copies only those routes.
    /// </summary>
    private void RuinAndRecreate(Plan plan, bool allowOpen)
    {
        foreach (var v in touched)
        {
            isTouched[v] = false;
        }
        touched.Clear();
        Ruin(plan);
        removed.AddRange(plan.Unassigned);
        plan.Unassigned.Clear();
        Recreate(plan, removed, allowOpen, random.Next(11));
    }

    /// <summary>Removes strings of consecutive, unpinned jobs from routes near a random seed job into <see cref="removed"/>.</summary>
    private void Ruin(Plan plan)
    {
        removed.Clear();
        ruinedRoutes.Clear();
        var assigned = p.JobCount - plan.Unassigned.Count;
        var used = plan.VehiclesUsed();
        if (assigned == 0 || used == 0)
        {
            return;
        }
        var stringCap = Math.Min(maxStringLength, (double)assigned / used);
        var maxStrings = 4 * averageRemoved / (1 + stringCap) - 1;
        var strings = (int)(random.NextDouble() * maxStrings) + 1;
        var seed = random.Next(p.JobCount);
        for (var tries = 0; plan.RouteOf[seed] < 0 && tries < 4 * p.JobCount; tries++)
        {
            seed = random.Next(p.JobCount);
        }
        if (plan.RouteOf[seed] < 0)
        {
            return;
        }
        foreach (var c in p.Neighbours[seed])
        {
            if (ruinedRoutes.Count >= strings)
            {
                break;
            }
            var v = plan.RouteOf[c];
            if (v < 0 || ruinedRoutes.Contains(v))
            {
                continue;
            }
            var route = plan.Routes[v];
            var cap = (int)Math.Min(route.Count, stringCap);
            var length = random.Next(1, Math.Max(1, cap) + 1);
            var at = route.IndexOf(c);
            var first = random.Next(Math.Max(0, at - length + 1), Math.Min(at, route.Count - length) + 1);
            for (var i = first + length - 1; i >= first; i--)
            {
                var j = route[i];
                if (p.Pinned[j] >= 0)
                {
                    continue;
                }
                route.RemoveAt(i);
                plan.RouteOf[j] = -1;
                removed.Add(j);
            }
            plan.Refresh(v);
            ruinedRoutes.Add(v);
            Touch(v);
        }
    }

    /// <summary>
    /// Inserts the jobs one by one at their cheapest feasible position; those that fit nowhere stay unassigned.
    /// Higher penalties always go first, so an emergency claims capacity before routine work.
    /// </summary>
    private void Recreate(Plan plan, List<int> jobs, bool allowOpen, int sortOrder)
    {
        // Orders as in SISR (random, largest demand, farthest, closest, weighted 4:4:2:1), always within penalty
        // levels: the highest penalty is inserted first.
        var keys = new double[jobs.Count];
        var items = new int[jobs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var j = jobs[i];
            items[i] = i;
            var depot = p.VStart.Length > 0 ? p.VStart[0] : p.Loc[j];
            keys[i] = sortOrder switch
            {
                < 4 => random.NextDouble(),
                < 8 => -p.Demand[j],
                < 10 => -p.Dist[depot * p.Size + p.Loc[j]],
                _ => p.Dist[depot * p.Size + p.Loc[j]],
            };
        }
        Array.Sort(items, (a, b) =>
        {
            var byPenalty = p.Penalty[jobs[b]].CompareTo(p.Penalty[jobs[a]]);
            if (byPenalty != 0)
            {
                return byPenalty;
            }
            var byKey = keys[a].CompareTo(keys[b]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = jobs[items[i]];
        }
        var n = p.Size;
        var vehicles = p.VehicleCount;
        foreach (var j in items)
        {
            var loc = p.Loc[j];
            var bestDelta = double.PositiveInfinity;
            var bestV = -1;
            var bestPos = -1;
            Array.Clear(classTried);
            for (var v = 0; v < vehicles; v++)
            {
                if (!p.Compatible[j * vehicles + v] || plan.Load[v] + p.Demand[j] > p.VCapacity[v] + Epsilon)
                {
                    continue;
                }
                var route = plan.Routes[v];
                var k = route.Count;
                if (k == 0)
                {
                    // Empty vehicles of a class differ only in whether the job prefers one of them, so that one is always tried.
                    if (!allowOpen || (classTried[p.VClass[v]] && v != p.Preferred[j]))
                    {
                        continue;
                    }
                    classTried[p.VClass[v]] = true;
                }
                // Balance and preference depend on the route, not the position, which keeps each position O(1).
                var routeCost = (k == 0 ? openCost : 0) +
                    (p.HasSoftCosts ? p.BalanceCost(plan.Work[v] + p.Service[j]) - p.BalanceCost(plan.Work[v]) + p.PreferenceMiss(j, v) : 0);
                var es = plan.Start[v];
                var ls = plan.LatestStart[v];
                var first = k > 0 && p.InProgress[route[0]] ? 2 : 1;
                var prevLoc = first == 1 ? p.VStart[v] : p.Loc[route[0]];
                var prevService = first == 1 ? 0 : p.Service[route[0]];
                for (var pos = first; pos <= k + 1; pos++)
                {
                    // Start times only grow along a route, so once the previous node starts after this job's window, no later position can work.
                    if (es[pos - 1] > p.Latest[j])
                    {
                        break;
                    }
                    var nextLoc = pos == k + 1 ? p.VEnd[v] : p.Loc[route[pos - 1]];
                    if (--blinkCountdown <= 0)
                    {
                        blinkCountdown = NextBlink();
                    }
                    else
                    {
                        var arrival = es[pos - 1] + prevService + p.Time[prevLoc * n + loc];
                        if (arrival <= p.Latest[j])
                        {
                            var begin = Math.Max(arrival, p.Earliest[j]);
                            if (begin + p.Service[j] + p.Time[loc * n + nextLoc] <= ls[pos])
                            {
                                var delta = p.Dist[prevLoc * n + loc] + p.Dist[loc * n + nextLoc] -
                                    (k == 0 ? 0 : p.Dist[prevLoc * n + nextLoc]) + routeCost;
                                if (delta < bestDelta)
                                {
                                    bestDelta = delta;
                                    bestV = v;
                                    bestPos = pos;
                                }
                            }
                        }
                    }
                    if (pos <= k)
                    {
                        prevLoc = nextLoc;
                        prevService = p.Service[route[pos - 1]];
                    }
                }
            }
            if (bestV < 0)
            {
                plan.Unassigned.Add(j);
                continue;
            }
            plan.Routes[bestV].Insert(bestPos - 1, j);
            plan.RouteOf[j] = bestV;
            plan.Refresh(bestV);
            Touch(bestV);
        }
    }

    private void Touch(int v)
    {
        if (!isTouched[v])
        {
            isTouched[v] = true;
            touched.Add(v);
        }
    }

    private int PickRouteToEmpty(Plan plan)
    {
        var best = -1;
        var bestScore = double.PositiveInfinity;
        for (var v = 0; v < p.VehicleCount; v++)
        {
            var route = plan.Routes[v];
            if (route.Count == 0 || route.Exists(j => p.Pinned[j] >= 0))
            {
                continue;
            }
            var score = route.Count + random.NextDouble();
            if (score < bestScore)
            {
                bestScore = score;
                best = v;
            }
        }
        return best;
    }

    private int VehicleLowerBound()
    {
        var demand = 0.0;
        for (var j = 0; j < p.JobCount; j++)
        {
            demand += p.Demand[j];
        }
        var capacity = p.VCapacity.Length == 0 ? 0 : p.VCapacity.Max();
        return capacity <= 0 ? 0 : (int)Math.Ceiling(demand / capacity - 1e-9);
    }

    /// <summary>Positions until the next blink: geometric, so each position is skipped with probability <see cref="BlinkRate"/> without a random draw per position.</summary>
    private int NextBlink() => 1 + (int)Math.Min(1e6, Math.Log(1 - random.NextDouble()) / Math.Log(1 - BlinkRate));

    private static long AbsenceSum(Plan plan, int[] absence)
    {
        long sum = 0;
        foreach (var j in plan.Unassigned)
        {
            sum += absence[j];
        }
        return sum;
    }

    /// <summary>
    /// Fraction of the budget used, in [0, 1]. With an iteration cap the phases follow iterations only, so a run is
    /// reproducible whatever the machine's speed; the time budget then only stops it.
    /// </summary>
    private double Elapsed() => options.MaxIterations is { } max
        ? (double)iterations / Math.Max(1, max)
        : clock.Elapsed.TotalSeconds / Math.Max(1e-6, options.TimeBudget.TotalSeconds);

    private bool PhaseOver(double share) =>
        cancellation.IsCancellationRequested || Elapsed() >= share || clock.Elapsed >= options.TimeBudget;
}
