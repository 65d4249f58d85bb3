namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// A mutable working solution with, per route, the earliest service start at every node (forward pass) and the
/// latest start that keeps the rest of the route feasible (backward pass). With both, inserting a job anywhere
/// is checked in O(1). Node 0 is the vehicle's start, node k+1 its end, node i the (i-1)-th job.
/// Invariant: every route is feasible, i.e. Start[i] &lt;= LatestStart[i] everywhere and Load &lt;= capacity.
/// </summary>
internal sealed class Plan
{
    private readonly CompiledProblem p;

    public Plan(CompiledProblem problem)
    {
        p = problem;
        Routes = new List<int>[p.VehicleCount];
        Start = new double[p.VehicleCount][];
        LatestStart = new double[p.VehicleCount][];
        Load = new double[p.VehicleCount];
        RouteDistance = new double[p.VehicleCount];
        Work = new double[p.VehicleCount];
        SoftCost = new double[p.VehicleCount];
        RouteOf = new int[p.JobCount];
        Array.Fill(RouteOf, -1);
        for (var v = 0; v < p.VehicleCount; v++)
        {
            Routes[v] = new List<int>(p.JobCount);
            Start[v] = new double[p.JobCount + 2];
            LatestStart[v] = new double[p.JobCount + 2];
            Refresh(v);
        }
    }

    public List<int>[] Routes { get; }
    public double[][] Start { get; }
    public double[][] LatestStart { get; }
    public double[] Load { get; }
    public double[] RouteDistance { get; }

    /// <summary>Per route, the summed service duration of its jobs (what workload balance weighs).</summary>
    public double[] Work { get; }

    /// <summary>Per route, balance plus missed preferences, in distance units; all zero when the problem has no soft costs.</summary>
    public double[] SoftCost { get; }
    public int[] RouteOf { get; }
    public List<int> Unassigned { get; } = [];

    public double TotalDistance()
    {
        var sum = 0.0;
        foreach (var d in RouteDistance)
        {
            sum += d;
        }
        return sum;
    }

    public double TotalSoftCost()
    {
        var sum = 0.0;
        foreach (var c in SoftCost)
        {
            sum += c;
        }
        return sum;
    }

    public int VehiclesUsed()
    {
        var used = 0;
        foreach (var r in Routes)
        {
            if (r.Count > 0)
            {
                used++;
            }
        }
        return used;
    }

    public double UnassignedPenalty()
    {
        var sum = 0.0;
        foreach (var j in Unassigned)
        {
            sum += p.Penalty[j];
        }
        return sum;
    }

    /// <summary>Recomputes one route's schedule; O(route length).</summary>
    public void Refresh(int v)
    {
        var route = Routes[v];
        var k = route.Count;
        var es = Start[v];
        var ls = LatestStart[v];
        var n = p.Size;
        es[0] = p.VShiftStart[v];
        var prevLoc = p.VStart[v];
        var prevService = 0.0;
        var load = 0.0;
        var dist = 0.0;
        var work = 0.0;
        var missed = 0.0;
        for (var i = 0; i < k; i++)
        {
            var j = route[i];
            var loc = p.Loc[j];
            work += p.Service[j];
            missed += p.PreferenceMiss(j, v);
            es[i + 1] = Math.Max(es[i] + prevService + p.Time[prevLoc * n + loc], p.Earliest[j]);
            dist += p.Dist[prevLoc * n + loc];
            load += p.Demand[j];
            prevLoc = loc;
            prevService = p.Service[j];
        }
        es[k + 1] = es[k] + prevService + p.Time[prevLoc * n + p.VEnd[v]];
        dist += p.Dist[prevLoc * n + p.VEnd[v]];
        // A vehicle that stays home drives nothing, even when its start and end differ.
        RouteDistance[v] = k == 0 ? 0 : dist;
        Load[v] = load;
        Work[v] = work;
        SoftCost[v] = p.HasSoftCosts ? p.BalanceCost(work) + missed : 0;

        ls[k + 1] = p.VShiftEnd[v];
        var nextLoc = p.VEnd[v];
        for (var i = k; i >= 1; i--)
        {
            var j = route[i - 1];
            ls[i] = Math.Min(p.Latest[j], ls[i + 1] - p.Time[p.Loc[j] * n + nextLoc] - p.Service[j]);
            nextLoc = p.Loc[j];
        }
        ls[0] = ls[1] - p.Time[p.VStart[v] * n + nextLoc];
    }

    public bool RouteFeasible(int v)
    {
        var k = Routes[v].Count;
        if (Load[v] > p.VCapacity[v] + 1e-9)
        {
            return false;
        }
        for (var i = 0; i <= k + 1; i++)
        {
            if (Start[v][i] > LatestStart[v][i] + 1e-9)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Makes this plan equal to <paramref name="other"/>, assuming they differ only in the listed routes.</summary>
    public void CopyRoutesFrom(Plan other, List<int> routes)
    {
        foreach (var v in routes)
        {
            var src = other.Routes[v];
            var dst = Routes[v];
            dst.Clear();
            dst.AddRange(src);
            Array.Copy(other.Start[v], Start[v], src.Count + 2);
            Array.Copy(other.LatestStart[v], LatestStart[v], src.Count + 2);
            Load[v] = other.Load[v];
            RouteDistance[v] = other.RouteDistance[v];
            Work[v] = other.Work[v];
            SoftCost[v] = other.SoftCost[v];
        }
        Array.Copy(other.RouteOf, RouteOf, RouteOf.Length);
        Unassigned.Clear();
        Unassigned.AddRange(other.Unassigned);
    }

    public void CopyFrom(Plan other)
    {
        for (var v = 0; v < Routes.Length; v++)
        {
            var src = other.Routes[v];
            var dst = Routes[v];
            dst.Clear();
            dst.AddRange(src);
            Array.Copy(other.Start[v], Start[v], src.Count + 2);
            Array.Copy(other.LatestStart[v], LatestStart[v], src.Count + 2);
        }
        Array.Copy(other.Load, Load, Load.Length);
        Array.Copy(other.RouteDistance, RouteDistance, RouteDistance.Length);
        Array.Copy(other.Work, Work, Work.Length);
        Array.Copy(other.SoftCost, SoftCost, SoftCost.Length);
        Array.Copy(other.RouteOf, RouteOf, RouteOf.Length);
        Unassigned.Clear();
        Unassigned.AddRange(other.Unassigned);
    }
}
