using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

/// <summary>Every kilometre takes exactly 100 s as the crow flies, whatever the hour, so expected times are easy to write down.</summary>
internal sealed class TenMetresASecond : ITravelTimeService
{
    public const double MetersPerSecond = 10;

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to)
    {
        var meters = from.DistanceMetersTo(to);
        return new TravelEstimate(meters / MetersPerSecond, meters, IsFallback: false);
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) => throw new NotSupportedException();
}
