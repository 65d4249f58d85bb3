namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// The problem flattened into arrays once, because the search evaluates insertions millions of times and
/// interface calls, records and sets would dominate its cost.
/// </summary>
internal sealed class CompiledProblem
{
    public CompiledProblem(RoutingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var jobs = problem.Jobs;
        var vehicles = problem.Vehicles;
        JobCount = jobs.Count;
        VehicleCount = vehicles.Count;
        Size = problem.Matrix.Size;
        Dist = new double[Size * Size];
        Time = new double[Size * Size];
        for (var a = 0; a < Size; a++)
        {
            for (var b = 0; b < Size; b++)
            {
                Dist[a * Size + b] = problem.Matrix.Distance(a, b);
                Time[a * Size + b] = problem.Matrix.Time(a, b);
            }
        }

        Loc = new int[JobCount];
        Service = new double[JobCount];
        Earliest = new double[JobCount];
        Latest = new double[JobCount];
        Demand = new double[JobCount];
        Penalty = new double[JobCount];
        Pinned = new int[JobCount];
        InProgress = new bool[JobCount];
        Preferred = new int[JobCount];
        PreferenceCost = new double[JobCount];
        if (problem.BalanceWeight < 0 || !double.IsFinite(problem.BalanceWeight))
        {
            throw new ArgumentException($"The balance weight must be a finite number of at least 0, not {problem.BalanceWeight}.", nameof(problem));
        }
        BalanceWeight = problem.BalanceWeight;
        var anyPreference = false;
        for (var j = 0; j < JobCount; j++)
        {
            var job = jobs[j];
            CheckLocation(job.Location);
            Loc[j] = job.Location;
            Service[j] = job.ServiceDuration;
            Earliest[j] = job.Earliest;
            Latest[j] = job.Latest;
            Demand[j] = job.Demand;
            Penalty[j] = job.UnassignedPenalty;
            if (job.PinnedVehicle is { } pin && (pin < 0 || pin >= VehicleCount))
            {
                throw new ArgumentException($"Job {j} is pinned to vehicle {pin}, which does not exist.", nameof(problem));
            }
            Pinned[j] = job.PinnedVehicle ?? -1;
            InProgress[j] = job.InProgress && job.PinnedVehicle is not null;
            if (job.PreferredVehicle is { } preferred && (preferred < 0 || preferred >= VehicleCount))
            {
                throw new ArgumentException($"Job {j} prefers vehicle {preferred}, which does not exist.", nameof(problem));
            }
            // A preference without a cost changes nothing, so it is dropped and the search keeps its fast path.
            Preferred[j] = job.PreferenceCost > 0 ? job.PreferredVehicle ?? -1 : -1;
            PreferenceCost[j] = Preferred[j] >= 0 ? job.PreferenceCost : 0;
            anyPreference |= Preferred[j] >= 0;
        }
        HasSoftCosts = BalanceWeight > 0 || anyPreference;

        VStart = new int[VehicleCount];
        VEnd = new int[VehicleCount];
        VShiftStart = new double[VehicleCount];
        VShiftEnd = new double[VehicleCount];
        VCapacity = new double[VehicleCount];
        VClass = new int[VehicleCount];
        var classes = new List<int>();
        for (var v = 0; v < VehicleCount; v++)
        {
            var vehicle = vehicles[v];
            CheckLocation(vehicle.StartLocation);
            CheckLocation(vehicle.EndLocation);
            VStart[v] = vehicle.StartLocation;
            VEnd[v] = vehicle.EndLocation;
            VShiftStart[v] = vehicle.ShiftStart;
            VShiftEnd[v] = vehicle.ShiftEnd;
            VCapacity[v] = vehicle.Capacity;
            // Identical empty vehicles are interchangeable, so insertion tries only one of each class.
            var cls = classes.FindIndex(c => SameClass(vehicles[c], vehicle));
            if (cls < 0)
            {
                classes.Add(v);
                cls = classes.Count - 1;
            }
            VClass[v] = cls;
        }
        ClassCount = classes.Count;

        Compatible = new bool[JobCount * VehicleCount];
        for (var j = 0; j < JobCount; j++)
        {
            var required = jobs[j].RequiredSkills;
            for (var v = 0; v < VehicleCount; v++)
            {
                var skills = vehicles[v].Skills;
                var hasSkills = required is null || required.Count == 0 || (skills is not null && required.IsSubsetOf(skills));
                var pinOk = Pinned[j] < 0 || Pinned[j] == v;
                Compatible[j * VehicleCount + v] = hasSkills && pinOk;
            }
        }

        Neighbours = new int[JobCount][];
        for (var j = 0; j < JobCount; j++)
        {
            var order = Enumerable.Range(0, JobCount).ToArray();
            var keys = order.Select(c => c == j ? -1 : Dist[Loc[j] * Size + Loc[c]]).ToArray();
            Array.Sort(keys, order);
            Neighbours[j] = order;
        }

        void CheckLocation(int location)
        {
            if (location < 0 || location >= Size)
            {
                throw new ArgumentException($"Location {location} is outside the travel matrix (size {Size}).", nameof(problem));
            }
        }
    }

    public int JobCount { get; }
    public int VehicleCount { get; }
    public int Size { get; }
    public int ClassCount { get; }

    public readonly double[] Dist;
    public readonly double[] Time;
    public readonly int[] Loc;
    public readonly double[] Service;
    public readonly double[] Earliest;
    public readonly double[] Latest;
    public readonly double[] Demand;
    public readonly double[] Penalty;
    public readonly int[] Pinned;
    public readonly bool[] InProgress;
    /// <summary>Preferred vehicle per job, or -1 (also when the preference has no cost).</summary>
    public readonly int[] Preferred;
    public readonly double[] PreferenceCost;
    public readonly double BalanceWeight;

    /// <summary>
    /// Whether balance or preference weigh anything; when not, the search computes exactly what it did before they
    /// existed (the Solomon benchmark depends on that).
    /// </summary>
    public bool HasSoftCosts { get; }
    public readonly int[] VStart;
    public readonly int[] VEnd;
    public readonly double[] VShiftStart;
    public readonly double[] VShiftEnd;
    public readonly double[] VCapacity;
    public readonly int[] VClass;
    public readonly bool[] Compatible;

    /// <summary>The soft cost of serving job j on vehicle v: <see cref="Job.PreferenceMiss"/> from the compiled arrays, on the search's hot path.</summary>
    public double PreferenceMiss(int j, int v) => Preferred[j] >= 0 && Preferred[j] != v ? PreferenceCost[j] : 0;

    /// <summary>Balance cost of a route doing <paramref name="work"/> units of service.</summary>
    public double BalanceCost(double work) => RoutingProblem.BalanceCost(BalanceWeight, work);

    /// <summary>For each job, every job ordered by distance from it, itself first: the ruin step removes nearby strings.</summary>
    public readonly int[][] Neighbours;

    private static bool SameClass(Vehicle a, Vehicle b) =>
        a.StartLocation == b.StartLocation && a.EndLocation == b.EndLocation && a.ShiftStart == b.ShiftStart &&
        a.ShiftEnd == b.ShiftEnd && a.Capacity == b.Capacity &&
        (a.Skills ?? EmptySkills).SetEquals(b.Skills ?? EmptySkills);

    private static readonly HashSet<string> EmptySkills = [];
}
