using System.Collections.Concurrent;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// A contraction hierarchy over a <see cref="RoadGraph"/>: nodes are contracted one by one, least important first
/// (priority = shortcuts added - arcs removed + neighbours already contracted, updated lazily), and a shortcut
/// u -> w replaces u -> v -> w unless a witness search finds a path at least as fast around v. Shortest times are
/// then found by searches that only go up in rank from both ends and meet at the top, which touch a few hundred
/// nodes instead of the whole city. A witness search that gives up early only adds a needless shortcut, never a
/// wrong one. Each shortcut remembers the node it bypasses, so a route found on the hierarchy unpacks back into the
/// road edges it stands for (<see cref="TryFindPath"/>). Immutable after construction.
/// </summary>
internal sealed class ContractionHierarchy
{
    private const int WitnessSettleLimit = 500;

    private readonly ConcurrentBag<UpwardSearch> _searches = [];

    // Upward arcs: Up* from node v go to higher-ranked nodes along the road direction; Down* from v go to
    // higher-ranked nodes against it (an arc u -> v stored at v), for searching backwards from a destination.
    internal int[] UpFirst { get; }
    internal Arc[] Up { get; }
    internal int[] DownFirst { get; }
    internal Arc[] Down { get; }
    public int NodeCount { get; }
    public int ShortcutCount { get; }

    /// <param name="Via">For a shortcut, the contracted node it bypasses (the arcs to and from it sit at that node); -1 for a road edge.</param>
    internal readonly record struct Arc(int Node, float Seconds, float Meters, int Via = -1);

    /// <param name="edgeSeconds">Per graph edge, the time to contract on; the graph's free-flow times when null.</param>
    public ContractionHierarchy(RoadGraph graph, float[]? edgeSeconds = null)
    {
        edgeSeconds ??= graph.EdgeSeconds;
        var n = graph.NodeCount;
        NodeCount = n;
        var outArcs = new List<Arc>[n];
        var inArcs = new List<Arc>[n];
        for (var v = 0; v < n; v++)
        {
            outArcs[v] = [];
            inArcs[v] = [];
        }
        for (var v = 0; v < n; v++)
        {
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                AddOrImprove(outArcs, inArcs, v, new Arc(graph.EdgeTarget[e], edgeSeconds[e], graph.EdgeMeters[e]));
            }
        }
        var originalArcs = outArcs.Sum(a => a.Count);

        var contracted = new bool[n];
        var contractedNeighbours = new int[n];
        var witness = new WitnessSearch(n);
        var shortcuts = new List<(int From, Arc Arc)>();
        var queue = new PriorityQueue<int, int>(n);
        for (var v = 0; v < n; v++)
        {
            queue.Enqueue(v, Priority(v));
        }

        var upLists = new List<Arc>[n];
        var downLists = new List<Arc>[n];
        while (queue.TryDequeue(out var v, out var priority))
        {
            var current = Priority(v);
            if (queue.Count > 0 && queue.TryPeek(out _, out var next) && current > next)
            {
                queue.Enqueue(v, current); // lazy update: someone else is now cheaper
                continue;
            }

            shortcuts.Clear();
            FindShortcuts(v, shortcuts);
            foreach (var (from, arc) in shortcuts)
            {
                AddOrImprove(outArcs, inArcs, from, arc);
            }
            contracted[v] = true;
            upLists[v] = outArcs[v];
            downLists[v] = inArcs[v];
            foreach (var arc in outArcs[v])
            {
                inArcs[arc.Node].RemoveAll(a => a.Node == v);
                contractedNeighbours[arc.Node]++;
            }
            foreach (var arc in inArcs[v])
            {
                outArcs[arc.Node].RemoveAll(a => a.Node == v);
                contractedNeighbours[arc.Node]++;
            }
        }

        (UpFirst, Up) = Flatten(upLists);
        (DownFirst, Down) = Flatten(downLists);
        ShortcutCount = Up.Length + Down.Length - originalArcs;

        int Priority(int v)
        {
            shortcuts.Clear();
            FindShortcuts(v, shortcuts);
            return 2 * (shortcuts.Count - outArcs[v].Count - inArcs[v].Count) + contractedNeighbours[v];
        }

        void FindShortcuts(int v, List<(int From, Arc Arc)> found)
        {
            foreach (var incoming in inArcs[v])
            {
                var u = incoming.Node;
                var limit = 0f;
                foreach (var outgoing in outArcs[v])
                {
                    if (outgoing.Node != u) limit = Math.Max(limit, incoming.Seconds + outgoing.Seconds);
                }
                if (limit == 0f) continue;
                witness.Run(u, v, limit, outArcs);
                foreach (var outgoing in outArcs[v])
                {
                    var w = outgoing.Node;
                    if (w == u) continue;
                    var via = incoming.Seconds + outgoing.Seconds;
                    if (witness.Seconds(w) > via)
                    {
                        found.Add((u, new Arc(w, via, incoming.Meters + outgoing.Meters, Via: v)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Fastest times (and the lengths of those routes) from every source to every target, row-major into
    /// <paramref name="seconds"/> and <paramref name="meters"/>; unreachable pairs get infinity. Each target's
    /// backward search leaves (target, time) in a bucket at every node it settles; each source's forward search
    /// then reads the buckets of the nodes it settles, so a pair meets at the highest node of its route.
    /// Thread-safe: searches run in parallel with pooled workspaces.
    /// </summary>
    public void ManyToMany(int[] sources, int[] targets, float[] seconds, float[] meters)
    {
        Array.Fill(seconds, float.PositiveInfinity);
        Array.Fill(meters, float.PositiveInfinity);
        var backward = new UpwardSearch.Settled[targets.Length][];
        Parallel.For(0, targets.Length, () => (Rent(), new List<UpwardSearch.Settled>()), (t, _, local) =>
        {
            local.Item1.Run(targets[t], DownFirst, Down, local.Item2);
            backward[t] = [.. local.Item2];
            return local;
        }, local => _searches.Add(local.Item1));

        // Buckets in CSR form, keyed by the node where the backward search settled.
        var bucketFirst = new int[NodeCount + 1];
        foreach (var space in backward)
            foreach (var entry in space) bucketFirst[entry.Node + 1]++;
        for (var v = 0; v < NodeCount; v++) bucketFirst[v + 1] += bucketFirst[v];
        var fill = bucketFirst[..^1];
        var buckets = new (int Target, float Seconds, float Meters)[bucketFirst[^1]];
        for (var t = 0; t < backward.Length; t++)
            foreach (var entry in backward[t]) buckets[fill[entry.Node]++] = (t, entry.Seconds, entry.Meters);

        Parallel.For(0, sources.Length, () => (Rent(), new List<UpwardSearch.Settled>()), (s, _, local) =>
        {
            local.Item1.Run(sources[s], UpFirst, Up, local.Item2);
            var row = s * targets.Length;
            foreach (var (node, up, upMeters) in local.Item2)
            {
                for (var b = bucketFirst[node]; b < bucketFirst[node + 1]; b++)
                {
                    var (t, down, downMeters) = buckets[b];
                    if (up + down < seconds[row + t])
                    {
                        seconds[row + t] = up + down;
                        meters[row + t] = upMeters + downMeters;
                    }
                }
            }
            return local;
        }, local => _searches.Add(local.Item1));
    }

    /// <summary>
    /// The fastest route from <paramref name="source"/> to <paramref name="target"/> as the road nodes it passes, both ends
    /// included, into <paramref name="path"/>; false when there is none. Both upward searches meet at the route's highest
    /// node, and every shortcut on the way is unpacked into the two arcs it replaced, down to road edges, so each
    /// consecutive pair of nodes is an edge of the graph. Thread-safe, like <see cref="ManyToMany"/>.
    /// </summary>
    public bool TryFindPath(int source, int target, List<int> path)
    {
        path.Clear();
        if (source == target)
        {
            path.Add(source);
            return true;
        }

        var (forward, backward) = (Rent(), Rent());
        try
        {
            backward.Run(target, DownFirst, Down, []);
            var meet = forward.RunToMeet(source, UpFirst, Up, backward);
            if (meet < 0) return false;

            // Arcs in driving order: up from the source to the meeting node, then down from it to the target.
            var arcs = new List<(int From, int To, int Via)>();
            for (var v = meet; v != source; v = forward.Parent(v)) arcs.Add((forward.Parent(v), v, Up[forward.ParentArc(v)].Via));
            arcs.Reverse();
            for (var v = meet; v != target; v = backward.Parent(v)) arcs.Add((v, backward.Parent(v), Down[backward.ParentArc(v)].Via));

            path.Add(source);
            var pending = new Stack<(int From, int To, int Via)>();
            foreach (var arc in arcs)
            {
                pending.Push(arc);
                while (pending.TryPop(out var next))
                {
                    if (next.Via < 0)
                    {
                        path.Add(next.To);
                        continue;
                    }
                    // from -> via is kept at via among the arcs coming down to it, via -> to among those going up from it.
                    pending.Push((next.Via, next.To, ViaOf(UpFirst, Up, next.Via, next.To)));
                    pending.Push((next.From, next.Via, ViaOf(DownFirst, Down, next.Via, next.From)));
                }
            }
            return true;
        }
        finally
        {
            _searches.Add(forward);
            _searches.Add(backward);
        }
    }

    private static int ViaOf(int[] first, Arc[] arcs, int at, int node)
    {
        for (var e = first[at]; e < first[at + 1]; e++)
        {
            if (arcs[e].Node == node) return arcs[e].Via;
        }
        throw new InvalidOperationException($"The hierarchy holds a shortcut through node {at} without its arc to or from node {node}.");
    }

    private UpwardSearch Rent() => _searches.TryTake(out var search) ? search : new UpwardSearch(NodeCount);

    private static void AddOrImprove(List<Arc>[] outArcs, List<Arc>[] inArcs, int from, Arc arc)
    {
        if (arc.Node == from) return;
        var outs = outArcs[from];
        for (var i = 0; i < outs.Count; i++)
        {
            if (outs[i].Node != arc.Node) continue;
            if (outs[i].Seconds <= arc.Seconds) return;
            outs[i] = arc;
            var ins = inArcs[arc.Node];
            for (var k = 0; k < ins.Count; k++)
            {
                if (ins[k].Node == from) ins[k] = arc with { Node = from };
            }
            return;
        }
        outs.Add(arc);
        inArcs[arc.Node].Add(arc with { Node = from });
    }

    private static (int[] First, Arc[] Arcs) Flatten(List<Arc>[] lists)
    {
        var first = new int[lists.Length + 1];
        for (var v = 0; v < lists.Length; v++) first[v + 1] = first[v] + lists[v].Count;
        var arcs = new Arc[first[^1]];
        for (var v = 0; v < lists.Length; v++) lists[v].CopyTo(arcs, first[v]);
        return (first, arcs);
    }

    /// <summary>A bounded Dijkstra among the not-yet-contracted nodes, skipping the node being contracted.</summary>
    private sealed class WitnessSearch(int n)
    {
        private readonly float[] _seconds = new float[n];
        private readonly int[] _stamp = new int[n];
        private readonly PriorityQueue<int, float> _queue = new();
        private int _current;

        public float Seconds(int node) => _stamp[node] == _current ? _seconds[node] : float.PositiveInfinity;

        public void Run(int source, int skip, float limit, List<Arc>[] outArcs)
        {
            _current++;
            _queue.Clear();
            _seconds[source] = 0;
            _stamp[source] = _current;
            _queue.Enqueue(source, 0);
            var settled = 0;
            while (_queue.TryDequeue(out var v, out var d))
            {
                if (d > _seconds[v]) continue;
                if (d > limit || ++settled > WitnessSettleLimit) break;
                foreach (var arc in outArcs[v])
                {
                    if (arc.Node == skip) continue;
                    var candidate = d + arc.Seconds;
                    if (candidate < Seconds(arc.Node))
                    {
                        _seconds[arc.Node] = candidate;
                        _stamp[arc.Node] = _current;
                        _queue.Enqueue(arc.Node, candidate);
                    }
                }
            }
        }
    }
}
