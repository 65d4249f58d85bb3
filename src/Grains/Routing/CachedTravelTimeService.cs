namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Remembers the most recently used matrices so that re-optimizing the same stops does not route them again:
/// the same origins and destinations, in the same order and to the bit, return the same <see cref="TravelMatrix"/>
/// instance. Holds at most <paramref name="capacity"/> matrices, evicting the least recently used.
/// Thread-safe; two callers missing on the same key at once may both compute it, which is harmless.
/// </summary>
public sealed class CachedTravelTimeService(ITravelTimeService inner, int capacity = 64) : ITravelTimeService
{
    private readonly LruCache<MatrixKey, TravelMatrix> _matrices = new(capacity);

    public int Count => _matrices.Count;

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => inner.Estimate(from, to);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) =>
        _matrices.GetOrAdd(new MatrixKey([.. origins], [.. destinations], null), _ => inner.Matrix(origins, destinations));

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to, DateTimeOffset departAt) => inner.Estimate(from, to, departAt);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations, DateTimeOffset departAt) =>
        _matrices.GetOrAdd(new MatrixKey([.. origins], [.. destinations], departAt), _ => inner.Matrix(origins, destinations, departAt));

    /// <summary>Forgets every matrix: the travel times behind them changed (a new model was promoted).</summary>
    public void Clear() => _matrices.Clear();

    private sealed class MatrixKey : IEquatable<MatrixKey>
    {
        private readonly GeoPoint[] _origins;
        private readonly GeoPoint[] _destinations;
        private readonly DateTimeOffset? _departAt;
        private readonly int _hash;

        public MatrixKey(GeoPoint[] origins, GeoPoint[] destinations, DateTimeOffset? departAt)
        {
            _origins = origins;
            _destinations = destinations;
            _departAt = departAt;
            var hash = new HashCode();
            hash.Add(departAt);
            foreach (var p in origins) hash.Add(p);
            hash.Add(-1); // separates ([a, b], [c]) from ([a], [b, c])
            foreach (var p in destinations) hash.Add(p);
            _hash = hash.ToHashCode();
        }

        public bool Equals(MatrixKey? other) =>
            other is not null && _hash == other._hash && _departAt == other._departAt && _origins.AsSpan().SequenceEqual(other._origins) && _destinations.AsSpan().SequenceEqual(other._destinations);

        public override bool Equals(object? obj) => Equals(obj as MatrixKey);

        public override int GetHashCode() => _hash;
    }
}
