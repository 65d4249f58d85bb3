namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// Reads a finished trellis back into driven edges: follows the back pointers from the best final state, then
/// rebuilds the route between each pair of consecutive states (the same edge driven forward, or the rest of one
/// edge, the shortest road between, and the start of the next) and gives every piece its time. The time between
/// two fixes is spread over the road between them in proportion to free-flow seconds: without a fix in between,
/// the best guess is that the vehicle kept to the same fraction of free-flow speed throughout. Across a gap (more
/// than two sampling intervals without a fix) the road between is the fastest route rather than the shortest,
/// when it is not much longer: with nothing seen in between, drivers take main roads, not the shortest rat-run.
/// </summary>
internal sealed class StretchAssembler(RoadGraph graph, MatcherWorkspace workspace, MapMatchingOptions options)
{
    private readonly List<int> _nodes = [];
    private readonly List<int> _chosen = [];
    private readonly List<(int Edge, double From, double To, double Seconds)> _pieces = [];

    public bool TryAssemble(out MatchedStretch stretch, out int fixesUsed)
    {
        stretch = null!;
        fixesUsed = 0;
        var layers = workspace.Layers;
        if (layers.Count < 2) return false;

        // The best final state, then back to the first layer.
        var candidates = workspace.Candidates;
        var last = layers[^1];
        var bestIndex = last.Start;
        for (var k = last.Start; k < last.Start + last.Count; k++)
        {
            if (candidates[k].Score > candidates[bestIndex].Score) bestIndex = k;
        }
        _chosen.Clear();
        for (var k = bestIndex; k >= 0; k = candidates[k].Back) _chosen.Add(k);
        _chosen.Reverse();
        if (_chosen.Count != layers.Count) return false; // a broken chain would be a bug; never emit a partial guess

        var edges = new List<EdgeTraversal>();
        var open = (Edge: -1, From: 0.0, To: 0.0, Enter: default(DateTimeOffset), Exit: default(DateTimeOffset));
        for (var s = 0; s + 1 < layers.Count; s++)
        {
            var p = candidates[_chosen[s]];
            var c = candidates[_chosen[s + 1]];
            BuildPieces(p, c, (layers[s + 1].Arrive - layers[s].Depart).TotalSeconds);
            var total = 0.0;
            foreach (var piece in _pieces) total += piece.Seconds;
            var t0 = layers[s].Depart;
            var span = layers[s + 1].Arrive - t0;
            var done = 0.0;
            foreach (var (edge, from, to, seconds) in _pieces)
            {
                var enter = t0 + span * (total > 0 ? done / total : 0);
                done += seconds;
                var exit = t0 + span * (total > 0 ? done / total : 1);
                if (open.Edge == edge && Math.Abs(open.To - from) < 1e-9)
                {
                    open.To = to;
                    open.Exit = exit;
                    continue;
                }
                if (open.Edge >= 0) edges.Add(new EdgeTraversal(open.Edge, open.From, open.To, open.Enter, open.Exit));
                open = (edge, from, to, enter, exit);
            }
        }
        if (open.Edge >= 0) edges.Add(new EdgeTraversal(open.Edge, open.From, open.To, open.Enter, open.Exit));
        // A stretch that starts at an edge's very end or stops at its very start holds a piece of no length there.
        edges.RemoveAll(t => t.ToFraction <= t.FromFraction);
        if (edges.Count == 0) return false;

        foreach (var layer in layers) fixesUsed += layer.LastFix - layer.Fix + 1;
        stretch = new MatchedStretch(edges, layers[0].Fix, layers[^1].LastFix);
        return true;
    }

    private void BuildPieces(Candidate p, Candidate c, double seconds)
    {
        _pieces.Clear();
        var length = graph.EdgeLengthMeters(p.Edge);
        if (c.Edge == p.Edge && c.Offset >= p.Offset)
        {
            AddPiece(p.Edge, p.Offset, c.Offset);
            return;
        }
        AddPiece(p.Edge, p.Offset, length);
        var path = workspace.PathEdges;
        path.Clear();
        int source = graph.EdgeTo(p.Edge), target = graph.EdgeFrom(c.Edge);
        Span<int> targets = [target];
        // The transition found this route within its bound; search without one so float rounding cannot lose it.
        workspace.Search.Run(source, targets, float.MaxValue);
        workspace.Search.AppendPathTo(target, path, graph.EdgeFrom);
        if (seconds > 2 * options.NominalIntervalSeconds) TryFastestInstead(source, target, workspace.Search.DistanceTo(target), path);
        foreach (var e in path) AddPiece(e, 0, graph.EdgeLengthMeters(e));
        AddPiece(c.Edge, 0, c.Offset);
    }

    /// <summary>Replaces <paramref name="path"/> by the fastest route when that is at most half as long again (plus 100 m).</summary>
    private void TryFastestInstead(int source, int target, double shortestMeters, List<int> path)
    {
        if (!graph.Hierarchy.TryFindPath(source, target, _nodes)) return;
        var meters = 0.0;
        var start = path.Count;
        for (var k = 0; k + 1 < _nodes.Count; k++)
        {
            var best = -1;
            for (var e = graph.FirstEdgeOf(_nodes[k]); e < graph.EndEdgeOf(_nodes[k]); e++)
            {
                if (graph.EdgeTo(e) == _nodes[k + 1] && (best < 0 || graph.EdgeFreeFlowSeconds(e) < graph.EdgeFreeFlowSeconds(best))) best = e;
            }
            if (best < 0) return;
            meters += graph.EdgeLengthMeters(best);
            path.Add(best);
        }
        if (meters <= 1.5 * shortestMeters + 100)
        {
            path.RemoveRange(0, start);
        }
        else
        {
            path.RemoveRange(start, path.Count - start);
        }
    }

    private void AddPiece(int edge, double fromMeters, double toMeters)
    {
        var length = graph.EdgeLengthMeters(edge);
        var from = length > 0 ? Math.Clamp(fromMeters / length, 0, 1) : 0;
        var to = length > 0 ? Math.Clamp(toMeters / length, 0, 1) : 1;
        _pieces.Add((edge, from, to, graph.EdgeFreeFlowSeconds(edge) * (to - from)));
    }
}
