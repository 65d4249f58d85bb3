namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Remembers the most recently used matrices so that re-optimizing the same stops does not route them again:
/// the same origins and destinations, in the same order and to the bit, return the same <see cref="TravelMatrix"/>
/// instance. Holds at most <paramref name="capacity"/> matrices, evicting the least recently used.
/// Thread-safe; two callers missing on the same key at once may both compute it, which is harmless.
/// </summary>
public sealed class CachedTravelTimeService(ITravelTimeService inner, int capacity = 64) : ITravelTimeService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<MatrixKey, LinkedListNode<(MatrixKey Key, TravelMatrix Matrix)>> _entries = [];
    private readonly LinkedList<(MatrixKey Key, TravelMatrix Matrix)> _recency = new();

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => inner.Estimate(from, to);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var key = new MatrixKey([.. origins], [.. destinations]);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var hit))
            {
                _recency.Remove(hit);
                _recency.AddFirst(hit);
                return hit.Value.Matrix;
            }
        }

        var matrix = inner.Matrix(origins, destinations);
        lock (_lock)
        {
            if (!_entries.ContainsKey(key))
            {
                _entries[key] = _recency.AddFirst((key, matrix));
                if (_entries.Count > capacity)
                {
                    _entries.Remove(_recency.Last!.Value.Key);
                    _recency.RemoveLast();
                }
            }
        }
        return matrix;
    }

    private sealed class MatrixKey : IEquatable<MatrixKey>
    {
        private readonly GeoPoint[] _origins;
        private readonly GeoPoint[] _destinations;
        private readonly int _hash;

        public MatrixKey(GeoPoint[] origins, GeoPoint[] destinations)
        {
            _origins = origins;
            _destinations = destinations;
            var hash = new HashCode();
            foreach (var p in origins) hash.Add(p);
            hash.Add(-1); // separates ([a, b], [c]) from ([a], [b, c])
            foreach (var p in destinations) hash.Add(p);
            _hash = hash.ToHashCode();
        }

        public bool Equals(MatrixKey? other) =>
            other is not null && _hash == other._hash && _origins.AsSpan().SequenceEqual(other._origins) && _destinations.AsSpan().SequenceEqual(other._destinations);

        public override bool Equals(object? obj) => Equals(obj as MatrixKey);

        public override int GetHashCode() => _hash;
    }
}
