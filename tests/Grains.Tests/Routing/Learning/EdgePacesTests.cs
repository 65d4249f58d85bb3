using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

public sealed class EdgePacesTests
{
    private static readonly TrainingOptions Options = new() { TimeZoneId = "UTC" };

    // Slots: weekday hours (UTC). 8:00 is the rush, 3:00 the night.
    private const byte Rush = 8, Night = 3;

    [Fact]
    public void AStreetDrivenSlowly_IsLearnedSlow_AndTheRushHourSlowerThanTheNight()
    {
        var graph = TwoStreets.Graph;
        var south = TwoStreets.SouthEastbound();
        var observations = new List<EdgeObservation>();
        // The southern street: 300 traversals of each block at night at free-flow, 300 in the rush at twice that (hours of
        // driving, enough to outweigh the slots' prior).
        foreach (var edge in south)
        {
            var freeFlow = (float)graph.EdgeFreeFlowSeconds(edge);
            for (var k = 0; k < 300; k++)
            {
                observations.Add(new EdgeObservation(edge, 1, 1.0f * freeFlow, Night));
                observations.Add(new EdgeObservation(edge, 1, 2.0f * freeFlow, Rush));
            }
        }

        var fitted = EdgePaces.Fit(graph, observations, Options);

        // A typical hour of this data is 1.5 x free-flow; the rush is twice the night.
        foreach (var edge in south)
        {
            Assert.InRange(fitted.EdgeSeconds[edge] / graph.EdgeFreeFlowSeconds(edge), 1.35, 1.65);
        }
        Assert.InRange(fitted.SlotFactors[Rush] / fitted.SlotFactors[Night], 1.6, 2.1);
        // An hour nobody drove in stays near typical.
        Assert.InRange(fitted.SlotFactors[24 + 14], 0.9, 1.1);
    }

    [Fact]
    public void AnEdgeDrivenOnce_BorrowsFromItsClass_InsteadOfTakingThatOneDriveAsTheTruth()
    {
        var graph = TwoStreets.Graph;
        var south = TwoStreets.SouthEastbound();
        var north = TwoStreets.NorthEastbound();
        var observations = new List<EdgeObservation>();
        foreach (var edge in south)
        {
            for (var k = 0; k < 40; k++) observations.Add(new EdgeObservation(edge, 1, (float)(1.2 * graph.EdgeFreeFlowSeconds(edge)), Night));
        }
        // One drive along the northern street's first block, four times as slow (a delivery van in the way).
        observations.Add(new EdgeObservation(north[0], 1, (float)(4 * graph.EdgeFreeFlowSeconds(north[0])), Night));

        var fitted = EdgePaces.Fit(graph, observations, Options);

        var once = fitted.EdgeSeconds[north[0]] / graph.EdgeFreeFlowSeconds(north[0]);
        var never = fitted.EdgeSeconds[north[1]] / graph.EdgeFreeFlowSeconds(north[1]);
        // Never driven: the class's learned pace (1.2, as the other street of its class showed), not free flow.
        Assert.InRange(never, 1.15, 1.3);
        // Driven once: pulled towards that, far from the single drive's 4.
        Assert.InRange(once, never, 2.5);
    }

    [Fact]
    public void APassengerStopOrAGpsJump_IsCappedOrDropped_NotLearnedAsTheStreetsPace()
    {
        var graph = TwoStreets.Graph;
        var edge = TwoStreets.SouthEastbound()[1];
        var freeFlow = graph.EdgeFreeFlowSeconds(edge);
        var observations = Enumerable.Range(0, 10).Select(_ => new EdgeObservation(edge, 1, (float)freeFlow, Night)).ToList();
        observations.Add(new EdgeObservation(edge, 1, 3_600, Night));              // parked for an hour
        observations.Add(new EdgeObservation(edge, 1, (float)(freeFlow / 5), Night)); // five times too fast: a jump

        var fitted = EdgePaces.Fit(graph, observations, Options);

        Assert.InRange(fitted.EdgeSeconds[edge] / freeFlow, 0.9, 2.5);
    }
}
