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

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        lock (_lock)
        {
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
}
