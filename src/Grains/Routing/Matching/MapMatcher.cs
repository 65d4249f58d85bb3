using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// Turns a vehicle's GPS fixes into the road edges it drove, with times: a hidden Markov model in the manner of
/// Newson and Krumm (2009). Each fix's hidden states are its projections onto nearby directed edges; a state's
/// emission log-probability is Gaussian in the fix's distance from the road; a transition's is exponential in how
/// much the route between two projections (along the directed graph) differs from the straight line between the
/// fixes, so the vehicle is believed to drive sensible routes. Viterbi picks the most probable sequence of states.
/// Around the model: stationary jitter is folded into the fix before it, an implausible fix is dropped when the
/// trace joins up without it, and the trace breaks into stretches at long gaps and where no route joins two fixes.
/// Thread-safe: each call borrows a workspace from a pool.
/// </summary>
public sealed class MapMatcher(RoadGraph graph, MapMatchingOptions? options = null)
{
    private readonly MapMatchingOptions _options = options ?? new MapMatchingOptions();
    private readonly EdgeGrid _grid = EdgeGrid.For(graph);
    private readonly ConcurrentBag<MatcherWorkspace> _workspaces = [];

    public RoadGraph Graph => graph;

    public MapMatchingOptions Options => _options;

    internal Action<string>? Log { get; set; }

    public MatchedTrace Match(IReadOnlyList<GpsFix> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        if (!_workspaces.TryTake(out var workspace)) workspace = new MatcherWorkspace(graph);
        try
        {
            return Match(fixes, workspace);
        }
        finally
        {
            workspace.Candidates.Clear();
            workspace.Layers.Clear();
            _workspaces.Add(workspace);
        }
    }

    private MatchedTrace Match(IReadOnlyList<GpsFix> fixes, MatcherWorkspace workspace)
    {
        var stretches = new List<MatchedStretch>();
        var used = 0;
        var layers = workspace.Layers;
        var candidates = workspace.Candidates;
        var assembler = new StretchAssembler(graph, workspace, _options);
        layers.Clear();
        candidates.Clear();

        void FinishStretch()
        {
            if (assembler.TryAssemble(out var stretch, out var fixesInStretch))
            {
                stretches.Add(stretch);
                used += fixesInStretch;
            }
            layers.Clear();
            candidates.Clear();
        }

        var i = 0;
        while (i < fixes.Count)
        {
            var fix = fixes[i];
            var (x, y) = _grid.Project(fix.Point);
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                i++;
                continue;
            }
            if (layers.Count > 0)
            {
                var last = layers[^1];
                var gap = (fix.At - last.Depart).TotalSeconds;
                if (gap > _options.MaxGapSeconds || gap < 0)
                {
                    FinishStretch();
                    continue;
                }
                if (Hypot(x - last.X, y - last.Y) < _options.StationaryMeters)
                {
                    Fold(layers, i, fix.At);
                    i++;
                    continue;
                }
            }

            if (!TryAddLayer(workspace, i, fix, x, y))
            {
                i++; // no road anywhere near: dropped
                continue;
            }
            if (layers.Count == 1)
            {
                i++;
                continue;
            }

            var step = Transition(workspace, layers.Count - 2);
            Log?.Invoke($"fix {i} step {step:F1} cands {layers[^1].Count} best dist {candidates[layers[^1].Start].Distance:F0}");
            if (step >= _options.OutlierLogProbability)
            {
                i++;
                continue;
            }

            // No route at all from the fix before: that fix may have been an outlier that happened to lie near a
            // road, accepted because nothing contradicted it yet. If i joins well the fix before that, drop it.
            if (double.IsNegativeInfinity(step) && layers.Count >= 3 && Transition(workspace, layers.Count - 3) >= _options.OutlierLogProbability)
            {
                Log?.Invoke($"fix {i} drops the fix before it");
                MoveLastLayerBack(workspace);
                i++;
                continue;
            }

            // A poor step: either fix i is an outlier, or the vehicle did something unusual. If the next fix joins
            // the one before i well, i was the outlier; otherwise keep i when any route reached it, and break when
            // none did.
            var outcome = LookPast(workspace, fixes, i);
            Log?.Invoke($"fix {i} lookahead {outcome}");
            if (outcome == LookAhead.SkipJoins)
            {
                // The next fix now has its layer (or was back at the layer before i); the loop meets it again and
                // folds it into that layer, where it is.
                i++;
                continue;
            }
            if (double.IsFinite(step))
            {
                i++;
                continue;
            }
            RemoveLastLayer(workspace);
            FinishStretch();
            // Fix i starts the next stretch.
        }
        FinishStretch();
        return new MatchedTrace(stretches, used, fixes.Count - used);
    }

    private enum LookAhead { SkipJoins, SkipFails }

    /// <summary>
    /// Tries the fix after <paramref name="i"/> straight from the layer before i. If it joins well, that layer
    /// replaces i's (i is dropped) and the caller moves past both; if not, i's layer is left as it was.
    /// </summary>
    private LookAhead LookPast(MatcherWorkspace workspace, IReadOnlyList<GpsFix> fixes, int i)
    {
        var layers = workspace.Layers;
        var j = i + 1;
        if (j >= fixes.Count) return LookAhead.SkipFails;
        var before = layers[^2];
        var next = fixes[j];
        var gap = (next.At - before.Depart).TotalSeconds;
        if (gap > _options.MaxGapSeconds || gap < 0) return LookAhead.SkipFails;
        var (x, y) = _grid.Project(next.Point);
        if (Hypot(x - before.X, y - before.Y) < _options.StationaryMeters)
        {
            // Back where it was before i: i was a jump out and back.
            RemoveLastLayer(workspace);
            return LookAhead.SkipJoins;
        }
        if (!TryAddLayer(workspace, j, next, x, y)) return LookAhead.SkipFails;
        var step = Transition(workspace, layers.Count - 3);
        if (step < _options.OutlierLogProbability)
        {
            RemoveLastLayer(workspace);
            return LookAhead.SkipFails;
        }
        MoveLastLayerBack(workspace);
        return LookAhead.SkipJoins;
    }

    /// <summary>
    /// Puts the last layer in place of the one before it (dropped as an outlier). The last layer's back pointers
    /// point into the layer before the dropped one, which stays where it is.
    /// </summary>
    private static void MoveLastLayerBack(MatcherWorkspace workspace)
    {
        var layers = workspace.Layers;
        var candidates = workspace.Candidates;
        var dropped = layers[^2];
        var last = layers[^1];
        for (var k = 0; k < last.Count; k++)
        {
            candidates[dropped.Start + k] = candidates[last.Start + k];
        }
        candidates.RemoveRange(dropped.Start + last.Count, candidates.Count - dropped.Start - last.Count);
        last.Start = dropped.Start;
        layers.RemoveAt(layers.Count - 1);
        layers[^1] = last;
    }

    private static void Fold(List<Layer> layers, int fix, DateTimeOffset at)
    {
        var last = layers[^1];
        last.LastFix = fix;
        last.Depart = at;
        layers[^1] = last;
    }

    private static void RemoveLastLayer(MatcherWorkspace workspace)
    {
        var last = workspace.Layers[^1];
        workspace.Candidates.RemoveRange(last.Start, workspace.Candidates.Count - last.Start);
        workspace.Layers.RemoveAt(workspace.Layers.Count - 1);
    }

    private bool TryAddLayer(MatcherWorkspace workspace, int fixIndex, GpsFix fix, double x, double y)
    {
        var start = workspace.Candidates.Count;
        var count = workspace.FindCandidates(graph, _grid, x, y, _options.CandidateRadiusMeters, _options.MaxCandidates);
        if (count == 0)
        {
            count = workspace.FindCandidates(graph, _grid, x, y, _options.WidenedRadiusMeters, _options.MaxCandidates);
        }
        if (count == 0) return false;
        var candidates = CollectionsMarshal.AsSpan(workspace.Candidates).Slice(start, count);
        foreach (ref var c in candidates)
        {
            c.Score = workspace.Layers.Count == 0 ? Emission(c.Distance) : double.NegativeInfinity;
        }
        workspace.Layers.Add(new Layer { Fix = fixIndex, LastFix = fixIndex, X = x, Y = y, Arrive = fix.At, Depart = fix.At, Start = start, Count = count });
        return true;
    }

    private double Emission(double distance)
    {
        var z = distance / _options.SigmaMeters;
        return -0.5 * z * z;
    }

    /// <summary>
    /// Viterbi step from layer <paramref name="from"/> to the last layer: each of its candidates takes the best
    /// predecessor's score plus the transition, then its emission. Returns how much the best score fell (the step's
    /// log-probability); negative infinity when no route joins the two layers.
    /// </summary>
    private double Transition(MatcherWorkspace workspace, int from)
    {
        var layers = workspace.Layers;
        var previous = layers[from];
        var current = layers[^1];
        var all = CollectionsMarshal.AsSpan(workspace.Candidates);
        var before = all.Slice(previous.Start, previous.Count);
        var now = all.Slice(current.Start, current.Count);

        var straight = Hypot(current.X - previous.X, current.Y - previous.Y);
        var seconds = Math.Max(0, (current.Arrive - previous.Depart).TotalSeconds);
        var beta = _options.BetaMeters * Math.Max(1, seconds / _options.NominalIntervalSeconds);
        var bound = (float)Math.Min(
            Math.Max(_options.MinRouteBoundMeters, 3 * straight + 300),
            _options.MaxSpeedMetersPerSecond * seconds + 2 * _options.CandidateRadiusMeters);

        var best = double.NegativeInfinity;
        foreach (var p in before) best = Math.Max(best, p.Score);
        var targets = workspace.Targets;
        targets.Clear();
        foreach (var c in now) targets.Add(graph.EdgeSource[c.Edge]);
        var targetSpan = CollectionsMarshal.AsSpan(targets);

        var edgeMeters = graph.EdgeMeters;
        var lastSource = -1;
        var lastBound = float.NaN;
        for (var k = 0; k < before.Length; k++)
        {
            ref var p = ref before[k];
            if (p.Score < best - _options.PruneLogProbability) continue;
            var rest = edgeMeters[p.Edge] - p.Offset;
            var source = graph.EdgeTarget[p.Edge];
            var nodeBound = bound - rest;
            if (nodeBound >= 0 && (source != lastSource || nodeBound != lastBound))
            {
                workspace.Search.Run(source, targetSpan, nodeBound);
                lastSource = source;
                lastBound = nodeBound;
            }
            for (var m = 0; m < now.Length; m++)
            {
                ref var c = ref now[m];
                double route;
                if (c.Edge == p.Edge && c.Offset >= p.Offset)
                {
                    route = c.Offset - p.Offset;
                }
                else
                {
                    if (nodeBound < 0) continue;
                    var d = workspace.Search.DistanceTo(targetSpan[m]);
                    route = rest + d + c.Offset;
                    // The bound keeps searches short and routes plausible, but a candidate on the edge right after
                    // this one (often its own twin: a U-turn in the middle of a long two-way street, which the
                    // graph can only show as a turn at the far end) costs no search and is judged by beta alone.
                    if (!(route <= bound) && d != 0) continue;
                }
                var score = p.Score - Math.Abs(route - straight) / beta;
                if (score > c.Score)
                {
                    c.Score = score;
                    c.Back = previous.Start + k;
                }
            }
        }

        if (Log is not null)
        {
            Log($"  gc {straight:F0} dt {seconds} bound {bound:F0}");
            foreach (var p in before) Log($"  prev e{p.Edge} {graph.EdgeFrom(p.Edge)}->{graph.EdgeTo(p.Edge)} off {p.Offset:F0}/{graph.EdgeLengthMeters(p.Edge):F0} d {p.Distance:F0} s {p.Score:F1}");
            foreach (var c in now) Log($"  now e{c.Edge} {graph.EdgeFrom(c.Edge)}->{graph.EdgeTo(c.Edge)} off {c.Offset:F0}/{graph.EdgeLengthMeters(c.Edge):F0} d {c.Distance:F0} s {c.Score:F1}");
        }
        var bestNow = double.NegativeInfinity;
        foreach (ref var c in now)
        {
            if (double.IsNegativeInfinity(c.Score)) continue;
            c.Score += Emission(c.Distance);
            bestNow = Math.Max(bestNow, c.Score);
        }
        return bestNow - best;
    }

    private static double Hypot(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);
}
