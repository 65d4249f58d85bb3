using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

public sealed class CachedTravelTimeServiceTests
{
    private static readonly GeoPoint[] Stops = [new(41.15, -8.61), new(41.16, -8.62), new(41.17, -8.60)];

    [Fact]
    public void SamePoints_ReturnTheCachedMatrix()
    {
        var inner = new CountingService();
        var cache = new CachedTravelTimeService(inner);

        var first = cache.Matrix(Stops, Stops);
        var second = cache.Matrix([.. Stops], [.. Stops]);

        Assert.Same(first, second);
        Assert.Equal(1, inner.Matrices);
    }

    [Fact]
    public void DifferentPoints_AreComputedAgain()
    {
        var inner = new CountingService();
        var cache = new CachedTravelTimeService(inner);

        cache.Matrix(Stops, Stops);
        cache.Matrix(Stops[..2], Stops);
        cache.Matrix(Stops, Stops[..2]);

        Assert.Equal(3, inner.Matrices);
    }

    [Fact]
    public void Cache_HoldsAtMostItsCapacity_DroppingTheLeastRecentlyUsed()
    {
        var inner = new CountingService();
        var cache = new CachedTravelTimeService(inner, capacity: 2);
        GeoPoint[] a = [Stops[0]], b = [Stops[1]], c = [Stops[2]];

        cache.Matrix(a, a);
        cache.Matrix(b, b);
        cache.Matrix(a, a); // a is now the most recent
        cache.Matrix(c, c); // evicts b
        cache.Matrix(a, a);
        cache.Matrix(b, b);

        Assert.Equal(2, cache.Count);
        Assert.Equal(4, inner.Matrices);
    }

    private sealed class CountingService : ITravelTimeService
    {
        private readonly GreatCircleTravelTimeService _inner = new();

        public int Matrices { get; private set; }

        public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => _inner.Estimate(from, to);

        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
        {
            Matrices++;
            return _inner.Matrix(origins, destinations);
        }
    }
}
