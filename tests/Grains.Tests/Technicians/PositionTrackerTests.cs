using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tests.Technicians;

public sealed class PositionTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static GpsFix Fix(int seconds, double lat, double lon) => new(T0.AddSeconds(seconds), lat, lon);

    [Fact]
    public void FirstFix_BecomesThePosition()
    {
        var tracker = new PositionTracker(current: null);

        Assert.Equal(PingDisposition.Accepted, tracker.Observe(Fix(0, 41.15, -8.61)));
        Assert.Equal(41.15, tracker.Current!.Latitude);
    }

    [Fact]
    public void ReplayedFix_IsADuplicate_EvenAfterNewerOnes()
    {
        var tracker = new PositionTracker(current: null);
        tracker.Observe(Fix(0, 41.1500, -8.6100));
        tracker.Observe(Fix(15, 41.1510, -8.6110));

        Assert.Equal(PingDisposition.Duplicate, tracker.Observe(Fix(0, 41.1500, -8.6100)));
        Assert.Equal(PingDisposition.Duplicate, tracker.Observe(Fix(15, 41.1510, -8.6110)));
    }

    [Fact]
    public void OlderFix_GoesToHistoryWithoutMovingThePosition()
    {
        var tracker = new PositionTracker(current: null);
        tracker.Observe(Fix(30, 41.1510, -8.6110));

        Assert.Equal(PingDisposition.OutOfOrder, tracker.Observe(Fix(15, 41.1505, -8.6105)));
        Assert.Equal(T0.AddSeconds(30), tracker.Current!.Time);
    }

    [Fact]
    public void ImpossibleJump_IsAnOutlier_AndTheNextPlausibleFixIsAccepted()
    {
        var tracker = new PositionTracker(current: null);
        tracker.Observe(Fix(0, 41.1500, -8.6100));

        Assert.Equal(PingDisposition.Outlier, tracker.Observe(Fix(15, 38.7223, -9.1393))); // Lisbon in 15 s
        Assert.Equal(PingDisposition.Accepted, tracker.Observe(Fix(30, 41.1505, -8.6105)));
        Assert.Equal(41.1505, tracker.Current!.Latitude);
    }

    [Fact]
    public void JustUnderTheSpeedLimit_IsAccepted()
    {
        var tracker = new PositionTracker(current: null);
        tracker.Observe(Fix(0, 41.0, -8.6));
        var oneMinuteAt240 = 240_000.0 / 60; // metres in a minute at 240 km/h
        var degrees = oneMinuteAt240 / 111_195; // metres per degree of latitude on our sphere

        Assert.Equal(PingDisposition.Accepted, tracker.Observe(Fix(60, 41.0 + degrees, -8.6)));
    }

    [Fact]
    public void TwoConsistentOutliers_ReanchorAWrongStartingPosition()
    {
        var tracker = new PositionTracker(Fix(0, 0.5, 0.5)); // a bad saved position far from where the phone really is

        Assert.Equal(PingDisposition.Outlier, tracker.Observe(Fix(15, 41.1500, -8.6100)));
        Assert.Equal(PingDisposition.Accepted, tracker.Observe(Fix(30, 41.1505, -8.6105)));
        Assert.Equal(PingDisposition.Accepted, tracker.Observe(Fix(45, 41.1510, -8.6110)));
    }

    [Fact]
    public void TwoInconsistentOutliers_DoNotReanchor()
    {
        var tracker = new PositionTracker(current: null);
        tracker.Observe(Fix(0, 41.15, -8.61));

        Assert.Equal(PingDisposition.Outlier, tracker.Observe(Fix(15, 38.72, -9.14))); // Lisbon
        Assert.Equal(PingDisposition.Outlier, tracker.Observe(Fix(30, 37.02, -7.93))); // Faro, 250 km from Lisbon in 15 s
        Assert.Equal(41.15, tracker.Current!.Latitude);
    }
}
