namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Dijkstra over one direction of a <see cref="ContractionHierarchy"/> (only towards higher rank), run to
/// exhaustion; the settled nodes and their times are the search space that many-to-many queries meet in. It keeps
/// each node's parent and the arc it came by, so a one-to-one query can walk its route back.
/// Not thread-safe; arrays are reused across runs through a stamp.
/// </summary>
internal sealed class UpwardSearch(int nodeCount)
{
    private readonly float[] _seconds = new float[nodeCount];
    private readonly float[] _meters = new float[nodeCount];
    private readonly int[] _stamp = new int[nodeCount];
    private readonly int[] _parent = new int[nodeCount];
    private readonly int[] _parentArc = new int[nodeCount];
    private readonly PriorityQueue<int, float> _queue = new();
    private int _current;

    public readonly record struct Settled(int Node, float Seconds, float Meters);

    /// <summary>Whether the last run reached <paramref name="node"/> (a run to exhaustion settles every node it reaches).</summary>
    public bool Reached(int node) => _stamp[node] == _current;

    /// <summary>The node the last run came to <paramref name="node"/> from, and the index of the arc it took there.</summary>
    public int Parent(int node) => _parent[node];

    public int ParentArc(int node) => _parentArc[node];

    public void Run(int source, int[] first, ContractionHierarchy.Arc[] arcs, List<Settled> settled) => Search(source, first, arcs, settled, null);

    /// <summary>
    /// Searches from <paramref name="source"/> towards the nodes <paramref name="other"/> (a finished search the other
    /// way) reached, and stops once no node left in the queue can improve on the best meeting found; returns that node,
    /// or -1 when they never meet. Stopping early is exact: times only grow along the queue.
    /// </summary>
    public int RunToMeet(int source, int[] first, ContractionHierarchy.Arc[] arcs, UpwardSearch other) => Search(source, first, arcs, null, other);

    private int Search(int source, int[] first, ContractionHierarchy.Arc[] arcs, List<Settled>? settled, UpwardSearch? other)
    {
        settled?.Clear();
        _current++;
        _queue.Clear();
        _seconds[source] = 0;
        _meters[source] = 0;
        _stamp[source] = _current;
        _queue.Enqueue(source, 0);
        var (meet, best) = (-1, float.PositiveInfinity);
        while (_queue.TryDequeue(out var v, out var d))
        {
            if (d > _seconds[v]) continue; // stale entry
            if (d >= best) break;
            settled?.Add(new Settled(v, d, _meters[v]));
            if (other is not null && other.Reached(v) && d + other._seconds[v] < best) (meet, best) = (v, d + other._seconds[v]);
            for (var e = first[v]; e < first[v + 1]; e++)
            {
                var arc = arcs[e];
                var candidate = d + arc.Seconds;
                if (_stamp[arc.Node] != _current || candidate < _seconds[arc.Node])
                {
                    _stamp[arc.Node] = _current;
                    _seconds[arc.Node] = candidate;
                    _meters[arc.Node] = _meters[v] + arc.Meters;
                    _parent[arc.Node] = v;
                    _parentArc[arc.Node] = e;
                    _queue.Enqueue(arc.Node, candidate);
                }
            }
        }
        return meet;
    }
}
