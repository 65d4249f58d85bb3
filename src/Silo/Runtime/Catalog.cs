using System.Collections.Concurrent;

namespace Orleans.Runtime;

/// <summary>
/// The directory of live activations in this silo: at most one per grain id (a pool for stateless workers).
/// An activation removes itself when it becomes invalid, under its own lock, so a lookup never returns an
/// activation that stays invalid for long.
/// </summary>
internal sealed class Catalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> _workers = new();

    public int Count => _activations.Count + _workers.Values.Sum(p => p.Count);

    public IEnumerable<ActivationData> All => _activations.Values.Concat(_workers.Values.SelectMany(p => p.Snapshot()));

    public ActivationData GetOrCreate(GrainId grainId, GrainClassInfo classInfo)
    {
        if (classInfo.IsStatelessWorker)
            return _workers.GetOrAdd(grainId, static (id, s) => new StatelessWorkerPool(s.runtime, id, s.classInfo), (runtime, classInfo)).Pick();

        if (_activations.TryGetValue(grainId, out var existing)) return existing;
        var created = new ActivationData(runtime, grainId, classInfo);
        var winner = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created)) created.Activate();
        return winner;
    }

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    public void Remove(ActivationData activation)
    {
        if (activation.ClassInfo.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var pool)) pool.Remove(activation);
            return;
        }

        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
    }
}
