namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// Bounded one-to-many Dijkstra on road length (metres), for the matcher's transitions: from one node to the source
/// nodes of the next fix's candidates, stopping once all of them are settled or the bound is passed. Flat arrays
/// with search stamps (nothing cleared or allocated per search) and the edge each node was reached by, so the path
/// to any settled node can be walked back. Not thread-safe: each matcher workspace owns one.
/// </summary>
internal sealed class DistanceSearch
{
    private readonly int[] _firstEdge;
    private readonly int[] _edgeTarget;
    private readonly float[] _edgeMeters;
    private readonly float[] _distance;
    private readonly int[] _parentEdge;
    private readonly int[] _reached; // stamp: _distance and _parentEdge are this search's
    private readonly int[] _settled; // stamp: _distance is final
    private readonly int[] _target;  // stamp: a node this search must settle
    private int _stamp;
    private (float Key, int Node)[] _heap = new (float, int)[256];
    private int _heapCount;

    public DistanceSearch(RoadGraph graph)
    {
        _firstEdge = graph.FirstEdge;
        _edgeTarget = graph.EdgeTarget;
        _edgeMeters = graph.EdgeMeters;
        var n = graph.NodeCount;
        _distance = new float[n];
        _parentEdge = new int[n];
        _reached = new int[n];
        _settled = new int[n];
        _target = new int[n];
    }

    /// <summary>
    /// Shortest distances from <paramref name="source"/> to <paramref name="targets"/> no longer than
    /// <paramref name="bound"/>; read them with <see cref="DistanceTo"/> (infinity beyond the bound).
    /// </summary>
    public void Run(int source, ReadOnlySpan<int> targets, float bound)
    {
        var stamp = ++_stamp;
        var remaining = 0;
        foreach (var t in targets)
        {
            if (_target[t] != stamp)
            {
                _target[t] = stamp;
                remaining++;
            }
        }
        _heapCount = 0;
        _distance[source] = 0;
        _parentEdge[source] = -1;
        _reached[source] = stamp;
        Push(0, source);
        while (remaining > 0 && _heapCount > 0)
        {
            var (key, v) = Pop();
            if (_settled[v] == stamp || key > _distance[v]) continue; // stale heap entry
            if (key > bound) break;
            _settled[v] = stamp;
            if (_target[v] == stamp) remaining--;
            for (var e = _firstEdge[v]; e < _firstEdge[v + 1]; e++)
            {
                var w = _edgeTarget[e];
                var candidate = key + _edgeMeters[e];
                if (candidate <= bound && (_reached[w] != stamp || candidate < _distance[w]))
                {
                    _reached[w] = stamp;
                    _distance[w] = candidate;
                    _parentEdge[w] = e;
                    Push(candidate, w);
                }
            }
        }
    }

    public float DistanceTo(int node) => _settled[node] == _stamp ? _distance[node] : float.PositiveInfinity;

    /// <summary>Appends the edges from the last search's source to <paramref name="node"/> (settled), in driving order.</summary>
    public void AppendPathTo(int node, List<int> edges, Func<int, int> edgeSource)
    {
        var start = edges.Count;
        for (var e = _parentEdge[node]; e >= 0; e = _parentEdge[edgeSource(e)])
        {
            edges.Add(e);
        }
        edges.Reverse(start, edges.Count - start);
    }

    private void Push(float key, int node)
    {
        if (_heapCount == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        var i = _heapCount++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_heap[parent].Key <= key) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = (key, node);
    }

    private (float Key, int Node) Pop()
    {
        var top = _heap[0];
        var last = _heap[--_heapCount];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= _heapCount) break;
            if (child + 1 < _heapCount && _heap[child + 1].Key < _heap[child].Key) child++;
            if (last.Key <= _heap[child].Key) break;
            _heap[i] = _heap[child];
            i = child;
        }
        if (_heapCount > 0) _heap[i] = last;
        return top;
    }
}
