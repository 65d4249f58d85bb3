namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Repairs "almost junctions" of the map: a one-way road that ends (or starts) a few metres from another road without
/// sharing a node with it. Cars cannot get out of (or into) such a road, so the strongly connected component drops it
/// and every route around it is a detour; in Porto's extract the northbound motorway link near 41.1935, -8.6659 ends
/// 5 m short of the link it merges into, and the taxis' traces crossed that gap many times a day. A dead end of this
/// kind is joined by a short connector to the nearest node of another road within <see cref="MaxGapMeters"/> that
/// lets it go on; two-way dead ends (real cul-de-sacs) are left alone, since a car can turn around in them.
/// </summary>
internal static class AlmostJunctions
{
    public const double MaxGapMeters = 20;

    private const double CellDegrees = 0.0003; // about 33 m of latitude: a gap under 20 m lies in the 3 x 3 cells around

    /// <summary>Connector edges (from, to, metres) to add to the directed edge list.</summary>
    public static List<(int From, int To, double Meters)> Find(IReadOnlyList<GeoPoint> locations, List<int> from, List<int> to)
    {
        var n = locations.Count;
        var outDegree = new int[n];
        var inDegree = new int[n];
        for (var e = 0; e < from.Count; e++)
        {
            outDegree[from[e]]++;
            inDegree[to[e]]++;
        }
        var neighbours = new Dictionary<int, HashSet<int>>();
        void Link(int a, int b)
        {
            if (!neighbours.TryGetValue(a, out var set)) neighbours[a] = set = [];
            set.Add(b);
        }
        for (var e = 0; e < from.Count; e++)
        {
            Link(from[e], to[e]);
            Link(to[e], from[e]);
        }

        var cells = new Dictionary<(long, long), List<int>>();
        (long, long) Cell(GeoPoint p) => ((long)Math.Floor(p.Latitude / CellDegrees), (long)Math.Floor(p.Longitude / CellDegrees));
        for (var v = 0; v < n; v++)
        {
            if (outDegree[v] + inDegree[v] == 0) continue;
            var key = Cell(locations[v]);
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(v);
        }

        var connectors = new List<(int From, int To, double Meters)>();
        for (var v = 0; v < n; v++)
        {
            var deadEnd = outDegree[v] == 0 && inDegree[v] > 0;
            var deadStart = inDegree[v] == 0 && outDegree[v] > 0;
            if (!deadEnd && !deadStart) continue;
            var near = Nearest(v, deadEnd ? w => outDegree[w] > 0 : w => inDegree[w] > 0);
            if (near < 0) continue;
            var meters = locations[v].DistanceMetersTo(locations[near]);
            connectors.Add(deadEnd ? (v, near, meters) : (near, v, meters));
        }
        return connectors;

        int Nearest(int v, Func<int, bool> usable)
        {
            var (row, column) = Cell(locations[v]);
            var best = -1;
            var bestMeters = MaxGapMeters;
            for (var r = row - 1; r <= row + 1; r++)
            {
                for (var c = column - 1; c <= column + 1; c++)
                {
                    if (!cells.TryGetValue((r, c), out var list)) continue;
                    foreach (var w in list)
                    {
                        // Not itself, not the road it is already joined to, and only a node that leads on.
                        if (w == v || neighbours[v].Contains(w) || !usable(w)) continue;
                        var meters = locations[v].DistanceMetersTo(locations[w]);
                        if (meters < bestMeters)
                        {
                            best = w;
                            bestMeters = meters;
                        }
                    }
                }
            }
            return best;
        }
    }
}
