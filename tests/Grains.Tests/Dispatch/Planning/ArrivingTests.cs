using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

/// <summary>When the route calls a technician "arriving" (the customer's "arriving" message hangs on it): within 150 m or 5 minutes.</summary>
public sealed class ArrivingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Job = new(41.15, -8.61);
    private const double MetersPerDegreeOfLatitude = 111_195;

    private static GeoPoint South(double meters) => new(Job.Latitude - meters / MetersPerDegreeOfLatitude, Job.Longitude);

    private static PlannedStop Stop(TicketStatus status = TicketStatus.EnRoute) =>
        new("a", Job, "addr", "desc", TicketPriority.Routine, status, null, TimeSpan.FromMinutes(30), Now, Now, Now, false, null);

    private static StopEstimate EtaIn(double minutes) => new("a", Now.AddMinutes(minutes), Now.AddMinutes(minutes + 30), 0);

    [Fact]
    public void AnEtaUnderFiveMinutes_IsArriving_WhereverTheLastPositionWas()
    {
        Assert.True(EtaPolicy.IsArriving(Stop(), EtaIn(4), null, null, Now));
        Assert.True(EtaPolicy.IsArriving(Stop(), EtaIn(4), South(3_000), Now, Now));
        Assert.False(EtaPolicy.IsArriving(Stop(), EtaIn(6), South(3_000), Now, Now));
    }

    [Fact]
    public void AnEarlyTechnicianWithin150Metres_IsArriving_ThoughTheEtaIsTheWindowsStartHalfAnHourAway()
    {
        Assert.True(EtaPolicy.IsArriving(Stop(), EtaIn(30), South(140), Now.AddSeconds(-20), Now));
        Assert.False(EtaPolicy.IsArriving(Stop(), EtaIn(30), South(170), Now.AddSeconds(-20), Now));
    }

    [Fact]
    public void AStalePositionNearby_OrAJobNotUnderWay_IsNotArriving()
    {
        Assert.False(EtaPolicy.IsArriving(Stop(), EtaIn(30), South(50), Now - EtaPolicy.PositionFreshness - TimeSpan.FromMinutes(1), Now));
        Assert.False(EtaPolicy.IsArriving(Stop(TicketStatus.Assigned), EtaIn(2), South(50), Now, Now));
        Assert.False(EtaPolicy.IsArriving(Stop(TicketStatus.OnSite), EtaIn(0), South(0), Now, Now));
    }
}
