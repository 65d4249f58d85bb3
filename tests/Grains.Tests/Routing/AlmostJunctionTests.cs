using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

public sealed class AlmostJunctionTests
{
    // A two-way street A - B - C running east; a one-way link from D (north of A) that ends at E, 5 m short of B:
    // mapped without sharing B's node, the way Porto's motorway link near 41.1935, -8.6659 is.
    private static readonly GeoPoint A = new(41.1500, -8.6100);
    private static readonly GeoPoint B = new(41.1500, -8.6070);
    private static readonly GeoPoint C = new(41.1500, -8.6040);
    private static readonly GeoPoint D = new(41.1530, -8.6100);
    private static readonly GeoPoint E = new(41.15004, -8.6070);

    private static RoadGraph Graph(GeoPoint end) => RoadGraph.FromOsm(new OsmRoadData
    {
        Nodes = new Dictionary<long, GeoPoint> { [1] = A, [2] = B, [3] = C, [4] = D, [5] = end, [6] = new(41.1530, -8.6040) },
        Ways =
        [
            new OsmWay(10, [1, 2, 3], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
            new OsmWay(11, [4, 5], "motorway_link", Forward: true, Backward: false, MaxSpeedKilometersPerHour: null),
            // D is reached from the east end, so only the link's dead end keeps it out of the network.
            new OsmWay(12, [3, 6, 4], "residential", Forward: true, Backward: false, MaxSpeedKilometersPerHour: null),
        ],
        NodesInFile = 6,
        WaysInFile = 3,
    });

    [Fact]
    public void AOneWayLinkEndingFiveMetresShort_IsJoinedToTheRoadItMeets()
    {
        var graph = Graph(E);
        var travel = new RoadNetworkTravelTimeService(graph);

        // From D down the link to B: about 335 m, not the way round.
        var estimate = travel.Estimate(D, B);

        Assert.False(estimate.IsFallback);
        Assert.InRange(estimate.Meters, D.DistanceMetersTo(B), D.DistanceMetersTo(B) + 10);
    }

    [Fact]
    public void ALinkEndingFarFromAnyRoad_IsNotJoinedToIt()
    {
        var graph = Graph(new GeoPoint(41.1505, -8.6070)); // 55 m short: not a slip of the mapper's hand

        Assert.True(graph.TrySnap(D, 1, out _, out _) is false, "the dead-end link stays out of the network");
    }
}
