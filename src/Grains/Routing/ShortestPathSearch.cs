namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Dijkstra's algorithm on travel time with a binary heap and flat arrays, reused across searches: a search stamp
/// marks which entries belong to the current search, so nothing is cleared between runs. Not thread-safe; each
/// thread uses its own instance. Distances travelled are those along the fastest route, not the shortest.
/// </summary>
internal sealed class ShortestPathSearch
{
    private readonly RoadGraph _graph;
    private readonly float[] _seconds;
    private readonly float[] _meters;
    private readonly int[] _reached;  // stamp: _seconds/_meters are valid for this search
    private readonly int[] _settled;  // stamp: final
    private readonly int[] _target;   // stamp: a target of this search
    private int _stamp;
    private (float Key, int Node)[] _heap = new (float, int)[1024];
    private int _heapCount;

    private readonly float[] _edgeSeconds;

    public ShortestPathSearch(RoadGraph graph, float[]? edgeSeconds = null)
    {
        _graph = graph;
        _edgeSeconds = edgeSeconds ?? graph.EdgeSeconds;
        _seconds = new float[graph.NodeCount];
        _meters = new float[graph.NodeCount];
        _reached = new int[graph.NodeCount];
        _settled = new int[graph.NodeCount];
        _target = new int[graph.NodeCount];
    }

    /// <summary>
    /// Fastest routes from <paramref name="source"/> to each of <paramref name="targets"/>, stopping as soon as all
    /// are settled; unreachable targets get infinity.
    /// </summary>
    public void Run(int source, ReadOnlySpan<int> targets, Span<float> seconds, Span<float> meters)
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

        var firstEdge = _graph.FirstEdge;
        var edgeTarget = _graph.EdgeTarget;
        var edgeSeconds = _edgeSeconds;
        var edgeMeters = _graph.EdgeMeters;
        _heapCount = 0;
        _seconds[source] = 0;
        _meters[source] = 0;
        _reached[source] = stamp;
        Push(0, source);
        while (remaining > 0 && _heapCount > 0)
        {
            var (key, v) = Pop();
            if (_settled[v] == stamp || key > _seconds[v]) continue; // stale heap entry
            _settled[v] = stamp;
            if (_target[v] == stamp) remaining--;
            var metersSoFar = _meters[v];
            for (var e = firstEdge[v]; e < firstEdge[v + 1]; e++)
            {
                var w = edgeTarget[e];
                var candidate = key + edgeSeconds[e];
                if (_reached[w] != stamp || candidate < _seconds[w])
                {
                    _reached[w] = stamp;
                    _seconds[w] = candidate;
                    _meters[w] = metersSoFar + edgeMeters[e];
                    Push(candidate, w);
                }
            }
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var t = targets[i];
            var found = _settled[t] == stamp;
            seconds[i] = found ? _seconds[t] : float.PositiveInfinity;
            meters[i] = found ? _meters[t] : float.PositiveInfinity;
        }
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
