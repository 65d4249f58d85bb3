using OrleansPortal.Web.Demo;

namespace OrleansPortal.Web.Tests.Demo;

/// <summary>The demo's replay plan: every taxi starts at once, trips keep their recorded pace, long waits between trips shrink.</summary>
public sealed class DemoTimelineTests
{
    private static readonly DateTimeOffset Recorded = new(2013, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static IEnumerable<RecordedFix> Trip(long taxi, DateTimeOffset start, int fixes, double latitude) =>
        Enumerable.Range(0, fixes).Select(i => new RecordedFix(taxi, start + PortoTrips.FixInterval * i, latitude + i * 0.001, -8.61));

    [Fact]
    public void EveryTechnicianStartsAtTheStart_TripsKeepTheirSpacing_AndHoursBetweenTripsShrink()
    {
        var busy = Trip(1, Recorded, 4, 41.15).Concat(Trip(1, Recorded.AddHours(3), 2, 41.16)); // a second trip three hours later
        var late = Trip(2, Recorded.AddHours(5), 3, 41.14);                                     // its day started later

        var timeline = DemoTimeline.Build([.. late, .. busy], technicians: 2);

        var first = timeline.Fixes.Where(f => f.Technician == 0).Select(f => f.Offset.TotalSeconds);
        var second = timeline.Fixes.Where(f => f.Technician == 1).Select(f => f.Offset.TotalSeconds);
        Assert.Equal([0, 15, 30, 45, 45 + DemoTimeline.MaxIdle.TotalSeconds, 60 + DemoTimeline.MaxIdle.TotalSeconds], first); // the taxi with most fixes first
        Assert.Equal([0, 15, 30], second);
        Assert.Equal(timeline.Fixes.OrderBy(f => f.Offset), timeline.Fixes); // in sending order
        Assert.Equal(TimeSpan.FromSeconds(60) + DemoTimeline.MaxIdle * 2, timeline.PassLength);
    }

    [Fact]
    public void SpeedAndBearing_ComeFromTheTaxisOwnPreviousFix_AndAreZeroAtATripsStart()
    {
        var timeline = DemoTimeline.Build(Trip(7, Recorded, 2, 41.15).Concat(Trip(7, Recorded.AddHours(1), 1, 41.10)), technicians: 1);

        Assert.Equal((0.0, 0.0), (timeline.Fixes[0].Knots, timeline.Fixes[0].Bearing));
        Assert.Equal(14.4, timeline.Fixes[1].Knots, 1); // 111 m north in 15 s: 7.4 m/s
        Assert.Equal(0, timeline.Fixes[1].Bearing, 0);
        Assert.Equal((0.0, 0.0), (timeline.Fixes[2].Knots, timeline.Fixes[2].Bearing)); // a new trip: no speed from the jump to it
    }
}
