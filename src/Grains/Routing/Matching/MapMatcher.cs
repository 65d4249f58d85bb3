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
    private readonly ConcurrentBag<(MatcherWorkspace Workspace, StretchAssembler Assembler)> _workspaces = [];

    public RoadGraph Graph => graph;

    public MapMatchingOptions Options => _options;

    public MatchedTrace Match(IReadOnlyList<GpsFix> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        if (!_workspaces.TryTake(out var pooled))
        {
            var workspace = new MatcherWorkspace(graph);
            pooled = (workspace, new StretchAssembler(graph, workspace, _options));
        }
        try
        {
            return Match(fixes, pooled.Workspace, pooled.Assembler);
        }
        finally
        {
            pooled.Workspace.Candidates.Clear();
            pooled.Workspace.Layers.Clear();
            _workspaces.Add(pooled);
        }
    }

    private MatchedTrace Match(IReadOnlyList<GpsFix> fixes, MatcherWorkspace workspace, StretchAssembler assembler)
    {
        var stretches = new List<MatchedStretch>();
        var used = 0;
        var layers = workspace.Layers;
        var candidates = workspace.Candidates;
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
            if (step >= _options.OutlierLogProbability)
            {
                i++;
                continue;
            }

            // No route at all from the fix before: that fix may have been an outlier that happened to lie near a
            // road, accepted because nothing contradicted it yet. If i joins well the fix before that, drop it.
            if (double.IsNegativeInfinity(step) && layers.Count >= 3 && Transition(workspace, layers.Count - 3) >= _options.OutlierLogProbability)
            {
                MoveLastLayerBack(workspace);
                i++;
                continue;
            }

            // A poor step: either fix i is an outlier, or the vehicle did something unusual. If a fix soon after
            // joins the one before i well, i (and any fixes up to that one) were outliers: a receiver that jumps
            // away for a few fixes and comes back. Otherwise keep i when any route reached it, and break when none
            // did. A merely poor step looks one fix ahead; only an impossible one looks further.
            var reach = double.IsNegativeInfinity(step) ? _options.MaxSkippedFixes : 1;
            var joined = LookPast(workspace, fixes, i, reach);
            if (joined > i)
            {
                // The fix that joined now has its layer (or was back at the layer before i); the loop meets it
                // again and folds it into that layer, where it is.
                i = joined;
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

    /// <summary>
    /// Tries the fixes after <paramref name="i"/> (up to <paramref name="reach"/> of them) straight from the layer
    /// before i. The first that joins well takes the place of i's layer (i and the fixes between are dropped) and
    /// its index is returned; -1 when none does, with i's layer left as it was.
    /// </summary>
    private int LookPast(MatcherWorkspace workspace, IReadOnlyList<GpsFix> fixes, int i, int reach)
    {
        var layers = workspace.Layers;
        var before = layers[^2];
        for (var j = i + 1; j < fixes.Count && j <= i + reach; j++)
        {
            var next = fixes[j];
            var gap = (next.At - before.Depart).TotalSeconds;
            if (gap > _options.MaxGapSeconds || gap < 0) return -1;
            var (x, y) = _grid.Project(next.Point);
            if (Hypot(x - before.X, y - before.Y) < _options.StationaryMeters)
            {
                // Back where it was before i: a jump out and back.
                RemoveLastLayer(workspace);
                return j;
            }
            if (!TryAddLayer(workspace, j, next, x, y)) continue;
            if (Transition(workspace, layers.Count - 3) >= _options.OutlierLogProbability)
            {
                MoveLastLayerBack(workspace);
                return j;
            }
            RemoveLastLayer(workspace);
        }
        return -1;
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
