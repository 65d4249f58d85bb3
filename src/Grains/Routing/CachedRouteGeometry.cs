namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Remembers the legs most recently drawn, per (from, to) pair to the bit: a board re-read after every change asks for
/// the same legs again, and only the legs next to a moved stop are new.
/// </summary>
public sealed class CachedRouteGeometry(IRouteGeometry inner, int capacity = 4096) : IRouteGeometry
{
    private readonly LruCache<(GeoPoint From, GeoPoint To), LegGeometry> _legs = new(capacity);

    public int Count => _legs.Count;

    public LegGeometry Leg(GeoPoint from, GeoPoint to) => _legs.GetOrAdd((from, to), pair => inner.Leg(pair.From, pair.To));

    /// <summary>Forgets every leg: routes follow new travel times.</summary>
    public void Clear() => _legs.Clear();
}
