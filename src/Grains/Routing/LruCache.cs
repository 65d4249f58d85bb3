namespace OrleansPortal.Grains.Routing;

/// <summary>
/// At most <paramref name="capacity"/> values, the least recently used evicted first. Thread-safe; the value is computed
/// outside the lock, so two callers missing on the same key at once may both compute it, and the first stored wins.
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _entries = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _recency = new();
    private long _generation;

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        long generation;
        lock (_lock)
        {
            generation = _generation;
            if (_entries.TryGetValue(key, out var hit))
            {
                _recency.Remove(hit);
                _recency.AddFirst(hit);
                return hit.Value.Value;
            }
        }

        var value = compute(key);
        lock (_lock)
        {
            // Computed from what was there before a Clear: correct for this caller's moment, not to be kept.
            if (generation != _generation) return value;
            if (_entries.TryGetValue(key, out var raced)) return raced.Value.Value;
            _entries[key] = _recency.AddFirst((key, value));
            if (_entries.Count > capacity)
            {
                _entries.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
        }
        return value;
    }

    /// <summary>Empties the cache; values being computed meanwhile are returned to their callers but not stored.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _generation++;
            _entries.Clear();
            _recency.Clear();
        }
    }
}
