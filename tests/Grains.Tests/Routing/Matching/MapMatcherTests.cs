using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Tests.Routing.Matching;

/// <summary>
/// Small deterministic cases on a made-up ladder of streets: a two-way main street of five 100 m blocks running
/// east (nodes 1 to 6), a parallel two-way street 150 m north (11 to 16), joined at both ends (1-11, 6-16).
/// </summary>
public sealed class MapMatcherTests
{
    private const double Block = 100;
    private const double MetersPerDegreeLatitude = 111_195;
    private static readonly GeoPoint Origin = new(41.15, -8.61);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<RoadGraph> LazyGraph = new(BuildLadder);

    private static RoadGraph Graph => LazyGraph.Value;

    private static GeoPoint At(double east, double north) => new(
        Origin.Latitude + north / MetersPerDegreeLatitude,
        Origin.Longitude + east / (MetersPerDegreeLatitude * Math.Cos(Origin.Latitude * Math.PI / 180)));

    private static RoadGraph BuildLadder()
    {
        var nodes = new Dictionary<long, GeoPoint>();
        for (var k = 0; k < 6; k++)
        {
            nodes[1 + k] = At(k * Block, 0);
            nodes[11 + k] = At(k * Block, 150);
        }
        return RoadGraph.FromOsm(new OsmRoadData
        {
            Nodes = nodes,
            Ways =
            [
                new OsmWay(1, [1, 2, 3, 4, 5, 6], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(2, [11, 12, 13, 14, 15, 16], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(3, [1, 11], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
                new OsmWay(4, [6, 16], "residential", Forward: true, Backward: true, MaxSpeedKilometersPerHour: null),
            ],
            NodesInFile = nodes.Count,
            WaysInFile = 4,
        });
    }

    /// <summary>Fixes every 15 s at (east, north) metres from node 1.</summary>
    private static List<GpsFix> Fixes(params (double East, double North)[] positions) =>
        positions.Select((p, i) => new GpsFix(At(p.East, p.North), T0.AddSeconds(15 * i))).ToList();

    /// <summary>The matched edges as "x->y" by block index (0 to 5 on the main street, 10 to 15 on the parallel one).</summary>
    private static List<string> Blocks(MatchedTrace trace) => MatchAssertions.AllEdges(trace)
        .Select(t => $"{Index(Graph.EdgeFrom(t.Edge))}->{Index(Graph.EdgeTo(t.Edge))}").ToList();

    private static int Index(int node)
    {
        var p = Graph.NodeLocation(node);
        var east = (p.Longitude - Origin.Longitude) * MetersPerDegreeLatitude * Math.Cos(Origin.Latitude * Math.PI / 180);
        var north = (p.Latitude - Origin.Latitude) * MetersPerDegreeLatitude;
        return (int)Math.Round(east / Block) + (north > 75 ? 10 : 0);
    }

    [Fact]
    public void AStraightDrive_IsEveryBlockEastbound_WithTimesBetweenItsFixes()
    {
        var fixes = Fixes((10, 3), (130, -4), (250, 2), (370, -3), (490, 4));

        var trace = new MapMatcher(Graph).Match(fixes);

        MatchAssertions.AssertConnected(Graph, trace);
        var stretch = Assert.Single(trace.Stretches);
        Assert.Equal(["0->1", "1->2", "2->3", "3->4", "4->5"], Blocks(trace));
        Assert.Equal(0.1, stretch.Edges[0].FromFraction, 2);
        Assert.Equal(0.9, stretch.Edges[^1].ToFraction, 2);
        Assert.Equal(fixes[0].At, stretch.Edges[0].Enter);
        Assert.Equal(fixes[^1].At, stretch.Edges[^1].Exit);
        // Uniform free-flow speed on the street: a whole block takes 100 m / 120 m per 15 s.
        Assert.Equal(12.5, (stretch.Edges[2].Exit - stretch.Edges[2].Enter).TotalSeconds, 6);
        Assert.Equal((5, 0), (trace.FixesUsed, trace.FixesDropped));
    }

    [Fact]
    public void AUTurnMidBlock_IsMatchedOutAndBackOnTheTwoWayStreet()
    {
        // East to 330 m, turned in the fourth block, back west to 50 m.
        var trace = new MapMatcher(Graph).Match(Fixes((10, 2), (130, -3), (250, 3), (330, -2), (230, 2), (110, -3), (50, 2)));

        MatchAssertions.AssertConnected(Graph, trace);
        Assert.Single(trace.Stretches);
        Assert.Equal(["0->1", "1->2", "2->3", "3->4", "4->3", "3->2", "2->1", "1->0"], Blocks(trace));
    }

    [Fact]
    public void AGap_IsBridgedAlongTheStreet_AndAGapOverTheLimitBreaksTheTrace()
    {
        var options = new MapMatchingOptions();
        var bridged = new[] { new GpsFix(At(10, 0), T0), new GpsFix(At(130, 0), T0.AddSeconds(15)), new GpsFix(At(470, 0), T0.AddSeconds(60)) };
        var broken = new[] { bridged[0], bridged[1], bridged[2] with { At = T0.AddSeconds(15 + options.MaxGapSeconds + 1) } };

        var across = new MapMatcher(Graph, options).Match(bridged);
        var apart = new MapMatcher(Graph, options).Match(broken);

        MatchAssertions.AssertConnected(Graph, across);
        Assert.Single(across.Stretches);
        Assert.Equal(["0->1", "1->2", "2->3", "3->4", "4->5"], Blocks(across));
        // After the long gap the last fix is a stretch of one fix, which drives nothing: it is dropped.
        var only = Assert.Single(apart.Stretches);
        Assert.Equal((0, 1), (only.FirstFix, only.LastFix));
        Assert.Equal((2, 1), (apart.FixesUsed, apart.FixesDropped));
    }

    [Fact]
    public void AnOutlierNearTheOtherStreet_IsDropped_NotDriven()
    {
        // The fourth fix is thrown 130 m north, 20 m from the parallel street.
        var trace = new MapMatcher(Graph).Match(Fixes((10, 2), (130, -3), (250, 3), (370, 130), (490, 2)));

        MatchAssertions.AssertConnected(Graph, trace);
        Assert.Single(trace.Stretches);
        Assert.Equal(["0->1", "1->2", "2->3", "3->4", "4->5"], Blocks(trace));
        Assert.Equal((4, 1), (trace.FixesUsed, trace.FixesDropped));
    }

    [Fact]
    public void StandingStill_IsFoldedIntoOneFix_NotDrivenBackAndForth()
    {
        // A parked vehicle's fixes wander a few metres either way along the street, then it drives off east.
        var trace = new MapMatcher(Graph).Match(Fixes((50, 2), (44, -3), (53, 1), (47, 4), (51, -2), (170, 1), (290, -2)));

        MatchAssertions.AssertConnected(Graph, trace);
        var stretch = Assert.Single(trace.Stretches);
        Assert.Equal(["0->1", "1->2", "2->3"], Blocks(trace));
        // The drive starts when the vehicle left: at the last standing fix, not the first.
        Assert.Equal(T0.AddSeconds(60), stretch.Edges[0].Enter);
        Assert.Equal((7, 0), (trace.FixesUsed, trace.FixesDropped));
    }

    [Fact]
    public void NoFixes_OrFixesFarFromAnyRoad_MatchNothing()
    {
        var matcher = new MapMatcher(Graph);

        var none = matcher.Match([]);
        var far = matcher.Match(Fixes((10, 1000), (130, 1000), (250, 1000)));

        Assert.Equal((0, 0, 0), (none.Stretches.Count, none.FixesUsed, none.FixesDropped));
        Assert.Equal((0, 0, 3), (far.Stretches.Count, far.FixesUsed, far.FixesDropped));
    }
}
