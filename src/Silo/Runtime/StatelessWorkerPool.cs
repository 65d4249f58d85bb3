namespace Orleans.Runtime;

/// <summary>The activations of one stateless-worker grain id: an idle one takes the call, else a new one up to the limit, else round-robin.</summary>
internal sealed class StatelessWorkerPool(SiloRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
{
    private readonly object _lock = new();
    private readonly List<ActivationData> _activations = [];
    private int _next;

    public int Count { get { lock (_lock) return _activations.Count; } }

    public ActivationData[] Snapshot() { lock (_lock) return [.. _activations]; }

    public ActivationData Pick()
    {
        ActivationData? created = null;
        lock (_lock)
        {
            foreach (var a in _activations)
                if (a.IsIdle) return a;
            if (_activations.Count < classInfo.MaxStatelessWorkers)
            {
                created = new ActivationData(runtime, grainId, classInfo);
                _activations.Add(created);
            }
            else
            {
                return _activations[_next++ % _activations.Count];
            }
        }

        created.Activate();
        return created;
    }

    public void Remove(ActivationData activation)
    {
        lock (_lock) _activations.Remove(activation);
    }
}
