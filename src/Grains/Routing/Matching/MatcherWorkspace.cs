namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// Everything one match needs besides the graph, reused from trace to trace so matching allocates almost nothing:
/// the route search, the trellis, and the per-edge stamps that keep an edge seen in several grid cells from being
/// a candidate twice. One thread at a time (the matcher pools them).
/// </summary>
internal sealed class MatcherWorkspace
{
    private readonly int[] _edgeSeen;
    private int _stamp;
    private readonly List<(int Start, int End)> _ranges = [];

    public MatcherWorkspace(RoadGraph graph)
    {
        Search = new DistanceSearch(graph);
        _edgeSeen = new int[graph.EdgeCount];
    }

    public DistanceSearch Search { get; }

    public List<Candidate> Candidates { get; } = [];

    public List<Layer> Layers { get; } = [];

    public List<int> Targets { get; } = [];

    public List<int> PathEdges { get; } = [];

    /// <summary>
    /// Appends the (at most <paramref name="max"/>) nearest projections of (x, y) onto edges within
    /// <paramref name="radius"/>, one per edge, nearest first; returns how many. A projection that falls on an
    /// edge's target node is left out: that point is the start of the node's outgoing edges, which are candidates
    /// themselves and say which way the vehicle left.
    /// </summary>
    public int FindCandidates(RoadGraph graph, EdgeGrid grid, double x, double y, double radius, int max)
    {
        var stamp = ++_stamp;
        var start = Candidates.Count;
        var count = 0;
        grid.CellsAround(x, y, radius, _ranges);
        var cellEdges = grid.CellEdges;
        var nodeX = grid.X;
        var nodeY = grid.Y;
        var meters = graph.EdgeMeters;
        foreach (var (from, to) in _ranges)
        {
            for (var k = from; k < to; k++)
            {
                var e = cellEdges[k];
                if (_edgeSeen[e] == stamp) continue;
                _edgeSeen[e] = stamp;
                int a = graph.EdgeSource[e], b = graph.EdgeTarget[e];
                double ax = nodeX[a], ay = nodeY[a], dx = nodeX[b] - ax, dy = nodeY[b] - ay;
                var length2 = dx * dx + dy * dy;
                var t = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0;
                if (t >= 1) continue;
                if (t < 0) t = 0;
                double px = ax + t * dx - x, py = ay + t * dy - y;
                var distance = Math.Sqrt(px * px + py * py);
                if (distance > radius) continue;
                if (count == max && distance >= Candidates[start + count - 1].Distance) continue;

                // Insertion into the short sorted run of this fix's candidates.
                var candidate = new Candidate { Edge = e, Offset = (float)(t * meters[e]), Distance = (float)distance, Back = -1 };
                if (count < max)
                {
                    Candidates.Add(candidate);
                    count++;
                }
                var i = start + count - 1;
                while (i > start && Candidates[i - 1].Distance > distance)
                {
                    Candidates[i] = Candidates[i - 1];
                    i--;
                }
                Candidates[i] = candidate;
            }
        }
        return count;
    }
}
