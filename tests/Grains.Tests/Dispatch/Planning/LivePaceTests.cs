using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

/// <summary>
/// The live correction of the drive under way: the technician's progress over the last minutes against the model
/// (<see cref="ProgressWindow"/>) slows or speeds the next minutes of that drive (<see cref="EtaCalculator"/>).
/// The model here is 10 m/s as the crow flies; the technician drives north from home to a job 23 km away.
/// </summary>
public sealed class LivePaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Home = new(41.14, -8.61);
    private static readonly GeoPoint Far = new(41.35, -8.61);
    private static readonly GeoPoint Beyond = new(41.40, -8.61);
    private static readonly TenMetresASecond Model = new();
    private const double MetersPerDegreeOfLatitude = 111_195;

    private static PlannedStop Stop(string id, GeoPoint at, TicketStatus status) =>
        new(id, at, "addr", "desc", TicketPriority.Routine, status, null, TimeSpan.FromMinutes(30), Now, Now, Now, false, null);

    private static readonly PlannedStop EnRouteToFar = Stop("far", Far, TicketStatus.EnRoute);

    private static RoutePlan Plan(params PlannedStop[] stops) =>
        new("tech", DateOnly.FromDateTime(Now.UtcDateTime), Home, Home, Now.AddHours(-1), Now.AddHours(8), TimeSpan.FromMinutes(5), stops);

    private static GeoPoint Offset(GeoPoint from, double northMeters, double eastMeters) => new(
        from.Latitude + northMeters / MetersPerDegreeOfLatitude,
        from.Longitude + eastMeters / (MetersPerDegreeOfLatitude * Math.Cos(from.Latitude * Math.PI / 180)));

    /// <summary>Fixes every <paramref name="every"/> up to now, driving north from home at a steady speed, each off by up to <paramref name="jitterMeters"/>.</summary>
    private static (ProgressWindow Window, GeoPoint Last) Drive(double metersPerSecond, TimeSpan during, TimeSpan every, double jitterMeters = 0)
    {
        var window = new ProgressWindow();
        var last = Home;
        var fixes = (int)(during / every);
        for (var i = 0; i <= fixes; i++)
        {
            var driven = metersPerSecond * (every * i).TotalSeconds;
            last = Offset(Home, driven + jitterMeters * Math.Sin(i * 1.7), jitterMeters * Math.Cos(i * 2.3));
            window.Observe(EnRouteToFar.TicketId, Far, last, Now - during + every * i);
        }

        return (window, last);
    }

    private static IReadOnlyList<StopEstimate> Etas(GeoPoint position, LivePace? live, params PlannedStop[] stops) =>
        EtaCalculator.Estimate(Plan(stops.Length == 0 ? [EnRouteToFar] : stops), position, Now, Now, Model, live);

    /// <summary>How much later (negative: earlier) the live pace makes the ETA than the model alone, from the same place at the same time.</summary>
    private static TimeSpan Correction((ProgressWindow Window, GeoPoint Last) drive) =>
        Etas(drive.Last, drive.Window.Measure(Model))[0].Eta - Etas(drive.Last, null)[0].Eta;

    [Fact]
    public void StuckForSixMinutes_TheEtaSlipsByAboutAsMuchAgain()
    {
        var stuck = Drive(metersPerSecond: 0, TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(15), jitterMeters: 8);

        var pace = stuck.Window.Measure(Model);

        Assert.Equal(LivePacePolicy.Slowest, pace!.Ratio);
        // The model alone already moves the ETA on by the six minutes lost (now + the same drive); the jam is then
        // believed to go on, easing, for the next minutes: about as long again.
        Assert.InRange(Correction(stuck).TotalMinutes, 4.5, 6.5);
        var beforeTheJam = Now.AddMinutes(-6).AddSeconds(Home.DistanceMetersTo(Far) / TenMetresASecond.MetersPerSecond);
        Assert.InRange((Etas(stuck.Last, pace)[0].Eta - beforeTheJam).TotalMinutes, 10.5, 12.5);
    }

    [Theory]
    [InlineData(10.0)] // exactly as modelled
    [InlineData(9.0)]  // within the model's own inconsistency either way
    [InlineData(11.0)]
    public void DrivingAsModelled_LeavesTheEtaAsItWas(double metersPerSecond)
    {
        var drive = Drive(metersPerSecond, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15));

        Assert.Equal(1, drive.Window.Measure(Model)!.Ratio);
        Assert.Equal(TimeSpan.Zero, Correction(drive));
    }

    [Fact]
    public void ACrawl_MakesTheEtaLater_ButLessThanStandingStill()
    {
        var crawl = Correction(Drive(metersPerSecond: 4, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)));
        var stuck = Correction(Drive(metersPerSecond: 0, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)));

        Assert.True(crawl > EtaPolicy.PublishThreshold, $"a crawl at 40 % of the model's pace moves the ETA by {crawl}");
        Assert.True(crawl < stuck, $"{crawl} < {stuck}");
    }

    [Fact]
    public void DrivingFaster_BringsTheEtaIn_ButOnlySoFar()
    {
        var twiceAsFast = Correction(Drive(metersPerSecond: 20, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)));
        var fourTimesAsFast = Correction(Drive(metersPerSecond: 40, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)));

        Assert.True(twiceAsFast < -EtaPolicy.PublishThreshold, $"twice the model's pace brings the ETA in by {-twiceAsFast}");
        // Bounded: an empty road now is no promise for the rest of the drive, however fast.
        Assert.Equal(twiceAsFast.TotalSeconds, fourTimesAsFast.TotalSeconds, precision: 3);
        Assert.True(twiceAsFast > TimeSpan.FromMinutes(-3), $"{twiceAsFast} is within three minutes");
    }

    [Fact]
    public void JitterAroundALightForHalfAMinute_ChangesNothing()
    {
        var waiting = Drive(metersPerSecond: 0, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), jitterMeters: 10);

        Assert.Null(waiting.Window.Measure(Model));
        Assert.Equal(TimeSpan.Zero, Correction(waiting));
    }

    [Fact]
    public void TwoFixesMinutesApart_AreTooFewToSayAnything()
    {
        var sparse = Drive(metersPerSecond: 0, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(4));

        Assert.Null(sparse.Window.Measure(Model));
    }

    [Fact]
    public void OnlyTheLastMinutesCount()
    {
        // Stuck for ten minutes, then driving as modelled for the last five: the jam is over.
        var window = new ProgressWindow();
        for (var minute = -15; minute <= 0; minute++)
        {
            var driven = minute <= -5 ? 0 : TenMetresASecond.MetersPerSecond * 60 * (minute + 5);
            window.Observe(EnRouteToFar.TicketId, Far, Offset(Home, driven, 0), Now.AddMinutes(minute));
        }

        Assert.Equal(1, window.Measure(Model)!.Ratio);
    }

    [Fact]
    public void ANewDrive_StartsAFreshWindow()
    {
        var (window, last) = Drive(metersPerSecond: 0, TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(15));

        window.Observe("beyond", Beyond, last, Now.AddSeconds(15));

        Assert.Null(window.Measure(Model));
    }

    [Fact]
    public void TheLaterStops_MoveOnlyBecauseTheFirstArrivalMoved()
    {
        var stuck = Drive(metersPerSecond: 0, TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(15));
        var next = Stop("beyond", Beyond, TicketStatus.Assigned);

        var corrected = Etas(stuck.Last, stuck.Window.Measure(Model), EnRouteToFar, next);
        var modelled = Etas(stuck.Last, null, EnRouteToFar, next);

        Assert.True(corrected[0].Eta > modelled[0].Eta + EtaPolicy.PublishThreshold);
        Assert.Equal(corrected[0].Eta - modelled[0].Eta, corrected[1].Eta - modelled[1].Eta);
    }

    [Fact]
    public void APaceIsForItsOwnDriveUnderWay_Only()
    {
        var stuck = Drive(metersPerSecond: 0, TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(15));
        var pace = stuck.Window.Measure(Model)!;

        // Not yet en route (the technician may be parked at home on purpose), or en route to another job.
        Assert.Equal(Etas(stuck.Last, null, Stop("far", Far, TicketStatus.Assigned))[0].Eta, Etas(stuck.Last, pace, Stop("far", Far, TicketStatus.Assigned))[0].Eta);
        Assert.Equal(Etas(stuck.Last, null, Stop("other", Far, TicketStatus.EnRoute))[0].Eta, Etas(stuck.Last, pace, Stop("other", Far, TicketStatus.EnRoute))[0].Eta);
        // A stale position is not where the drive starts, so its pace says nothing either.
        var stale = Now - EtaPolicy.PositionFreshness - TimeSpan.FromMinutes(1);
        Assert.Equal(EtaCalculator.Estimate(Plan(EnRouteToFar), stuck.Last, stale, Now, Model)[0].Eta, EtaCalculator.Estimate(Plan(EnRouteToFar), stuck.Last, stale, Now, Model, pace)[0].Eta);
    }

    [Theory]
    [InlineData(LivePacePolicy.Fastest)]
    [InlineData(1.0)]
    [InlineData(LivePacePolicy.Slowest)]
    public void AtTheDoor_TheEtaIsNow_NeverEarlier(double ratio)
    {
        var etas = Etas(Offset(Far, -5, 0), new LivePace(EnRouteToFar.TicketId, ratio));

        Assert.InRange(etas[0].Eta, Now, Now.AddSeconds(5));
    }

    [Fact]
    public void TheDriveTime_EasesFromTheLivePaceToTheModels_OverTheHorizon()
    {
        var horizon = LivePacePolicy.Horizon.TotalSeconds;
        // At first nearly the live pace: a minute's drive when stuck takes more than three.
        Assert.InRange(LivePace.DriveSeconds(60, LivePacePolicy.Slowest), 3 * 60, 4 * 60);
        // A long drive gains the whole horizon's worth and no more: the same for 30 minutes as for an hour.
        var stuckFor30 = LivePace.DriveSeconds(1800, LivePacePolicy.Slowest) - 1800;
        Assert.Equal(stuckFor30, LivePace.DriveSeconds(3600, LivePacePolicy.Slowest) - 3600, precision: 6);
        Assert.Equal(horizon * (1 - Math.Log(4) / 3), stuckFor30, precision: 6);
        // Continuous where the horizon ends, and never shorter than the fastest pace allows.
        var modelInHorizon = horizon * Math.Log(LivePacePolicy.Slowest) / (LivePacePolicy.Slowest - 1);
        Assert.Equal(horizon, LivePace.DriveSeconds(modelInHorizon, LivePacePolicy.Slowest), precision: 6);
        Assert.Equal(horizon, LivePace.DriveSeconds(modelInHorizon - 1e-9, LivePacePolicy.Slowest), precision: 6);
        Assert.All([1.0, 60, 600, 6000], s => Assert.True(LivePace.DriveSeconds(s, LivePacePolicy.Fastest) >= LivePacePolicy.Fastest * s));
        Assert.Equal(0, LivePace.DriveSeconds(0, LivePacePolicy.Slowest));
    }
}
