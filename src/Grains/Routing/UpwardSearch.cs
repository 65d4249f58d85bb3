namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Dijkstra over one direction of a <see cref="ContractionHierarchy"/> (only towards higher rank), run to
/// exhaustion; the settled nodes and their times are the search space that many-to-many queries meet in.
/// Not thread-safe; arrays are reused across runs through a stamp.
/// </summary>
internal sealed class UpwardSearch(int nodeCount)
{
    private readonly float[] _seconds = new float[nodeCount];
    private readonly float[] _meters = new float[nodeCount];
    private readonly int[] _stamp = new int[nodeCount];
    private readonly PriorityQueue<int, float> _queue = new();
    private int _current;

    public readonly record struct Settled(int Node, float Seconds, float Meters);

    public void Run(int source, int[] first, ContractionHierarchy.Arc[] arcs, List<Settled> settled)
    {
        settled.Clear();
        _current++;
        _queue.Clear();
        _seconds[source] = 0;
        _meters[source] = 0;
        _stamp[source] = _current;
        _queue.Enqueue(source, 0);
        while (_queue.TryDequeue(out var v, out var d))
        {
            if (d > _seconds[v]) continue; // stale entry
            settled.Add(new Settled(v, d, _meters[v]));
            for (var e = first[v]; e < first[v + 1]; e++)
            {
                var arc = arcs[e];
                var candidate = d + arc.Seconds;
                if (_stamp[arc.Node] != _current || candidate < _seconds[arc.Node])
                {
                    _stamp[arc.Node] = _current;
                    _seconds[arc.Node] = candidate;
                    _meters[arc.Node] = _meters[v] + arc.Meters;
                    _queue.Enqueue(arc.Node, candidate);
                }
            }
        }
    }
}
