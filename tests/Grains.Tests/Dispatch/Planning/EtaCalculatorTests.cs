using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

public sealed class EtaCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Home = new(41.14, -8.61);
    private static readonly GeoPoint A = new(41.15, -8.61);   // ~1.1 km north of home
    private static readonly GeoPoint B = new(41.16, -8.61);   // ~1.1 km further

    private static PlannedStop Stop(string id, GeoPoint at, TicketStatus status = TicketStatus.Assigned, TimeWindow? window = null, int minutes = 30, DateTimeOffset? onSiteSince = null) =>
        new(id, at, "addr", "desc", TicketPriority.Routine, status, window, TimeSpan.FromMinutes(minutes), Now, Now, Now, false, onSiteSince);

    private static RoutePlan Plan(DateTimeOffset shiftStart, TimeSpan buffer, params PlannedStop[] stops) =>
        new("tech", DateOnly.FromDateTime(Now.UtcDateTime), Home, Home, shiftStart, shiftStart.AddHours(9), buffer, stops);

    private static double Seconds(GeoPoint a, GeoPoint b) => a.DistanceMetersTo(b) / TenMetresASecond.MetersPerSecond;

    [Fact]
    public void WithoutAPosition_TheDayStartsAtHomeAtTheShiftsStart()
    {
        var plan = Plan(Now.AddHours(1), TimeSpan.Zero, Stop("a", A));

        var eta = EtaCalculator.Estimate(plan, null, null, Now, new TenMetresASecond()).Single();

        Assert.Equal(Now.AddHours(1).AddSeconds(Seconds(Home, A)), eta.Eta);
    }

    [Fact]
    public void AFreshPosition_IsWhereTheDriveStarts_AndServiceWindowsAndBuffersChainTheStops()
    {
        var window = new TimeWindow(Now.AddHours(2), Now.AddHours(3));
        var plan = Plan(Now.AddHours(-1), TimeSpan.FromMinutes(10), Stop("a", A), Stop("b", B, window: window));

        var etas = EtaCalculator.Estimate(plan, B, Now.AddMinutes(-1), Now, new TenMetresASecond());

        var atA = Now.AddSeconds(Seconds(B, A));
        Assert.Equal(atA, etas[0].Eta);
        Assert.Equal(atA.AddMinutes(30), etas[0].ExpectedDeparture);
        Assert.True(atA.AddMinutes(40).AddSeconds(Seconds(A, B)) < window.Start); // 30 min work + 10 min buffer + the drive: early
        Assert.Equal(window.Start, etas[1].Eta);                                 // so expected when the window opens
        Assert.Equal(window.Start.AddMinutes(30), etas[1].ExpectedDeparture);
        Assert.All(etas, e => Assert.False(e.LateRisk));
    }

    [Fact]
    public void AStalePosition_IsIgnored()
    {
        var plan = Plan(Now.AddHours(-1), TimeSpan.Zero, Stop("a", A));

        var eta = EtaCalculator.Estimate(plan, B, Now - EtaPolicy.PositionFreshness - TimeSpan.FromMinutes(1), Now, new TenMetresASecond()).Single();

        Assert.Equal(Now.AddSeconds(Seconds(Home, A)), eta.Eta);
    }

    [Fact]
    public void AJobOnSite_FinishesItsRemainingWorkFirst()
    {
        var plan = Plan(Now.AddHours(-2), TimeSpan.Zero, Stop("a", A, TicketStatus.OnSite, minutes: 60, onSiteSince: Now.AddMinutes(-45)), Stop("b", B));

        var etas = EtaCalculator.Estimate(plan, A, Now, Now, new TenMetresASecond());

        Assert.Equal(Now.AddMinutes(-45), etas[0].Eta);
        Assert.Equal(Now.AddMinutes(15), etas[0].ExpectedDeparture);
        Assert.Equal(Now.AddMinutes(15).AddSeconds(Seconds(A, B)), etas[1].Eta);
    }

    [Fact]
    public void AnArrivalAfterTheWindow_IsALateRisk_ByTheMinute()
    {
        var window = new TimeWindow(Now, Now.AddMinutes(1));
        var plan = Plan(Now.AddHours(-1), TimeSpan.Zero, Stop("b", B, window: window));

        var eta = EtaCalculator.Estimate(plan, Home, Now, Now, new TenMetresASecond()).Single();

        Assert.True(eta.LateRisk);
        Assert.Equal(Math.Round((Now.AddSeconds(Seconds(Home, B)) - window.End).TotalMinutes, 1), eta.MinutesLate);
    }
}
