using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

public sealed class OneWayStreetTests
{
    // A one-way street from A east to B (about 420 m), and a two-way detour A - C - B through a point to the north.
    internal static readonly GeoPoint A = new(41.1500, -8.6100);
    internal static readonly GeoPoint B = new(41.1500, -8.6050);
    internal static readonly GeoPoint C = new(41.1540, -8.6075);

    internal static RoadNetworkTravelTimeService Service()
    {
        var data = new OsmRoadData
        {
            Nodes = new Dictionary<long, GeoPoint> { [1] = A, [2] = B, [3] = C },
            Ways =
            [
                new OsmWay(10, [1, 2], "residential", Forward: true, Backward: false, MaxSpeedKilometersPerHour: null),
                new OsmWay(11, [1, 3, 2], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
            ],
            NodesInFile = 3,
            WaysInFile = 2,
        };
        return new RoadNetworkTravelTimeService(RoadGraph.FromOsm(data));
    }

    [Fact]
    public void WithTheOneWay_TheDirectStreetIsTaken()
    {
        var estimate = Service().Estimate(A, B);

        Assert.False(estimate.IsFallback);
        Assert.Equal(A.DistanceMetersTo(B), estimate.Meters, 1);
        Assert.Equal(A.DistanceMetersTo(B) / (30 / 3.6), estimate.Seconds, 1);
    }

    [Fact]
    public void AgainstTheOneWay_TheDetourIsTaken()
    {
        var estimate = Service().Estimate(B, A);

        Assert.False(estimate.IsFallback);
        Assert.Equal(B.DistanceMetersTo(C) + C.DistanceMetersTo(A), estimate.Meters, 1);
    }
}
