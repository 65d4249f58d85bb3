using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tests.Technicians;

public sealed class ArrivalDetectorTests
{
    private static readonly GeoPoint Site = new(41.1500, -8.6100);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // 0.0001 degrees of latitude is about 11 m.
    private static GpsFix At(int seconds, double metersNorth) => new(T0.AddSeconds(seconds), Site.Latitude + metersNorth / 111_195, Site.Longitude);

    [Fact]
    public void StayingWithin100mForAMinute_IsAnArrival_Once()
    {
        var detector = new ArrivalDetector(Site, arrived: false);

        Assert.Null(detector.Observe(At(0, 50)));
        Assert.Null(detector.Observe(At(30, 40)));
        Assert.Equal(GeofenceEvent.Arrived, detector.Observe(At(60, 30)));
        Assert.Null(detector.Observe(At(90, 30)));
    }

    [Fact]
    public void DrivingPast_IsNoArrival()
    {
        var detector = new ArrivalDetector(Site, arrived: false);

        Assert.Null(detector.Observe(At(0, 80)));
        Assert.Null(detector.Observe(At(30, 400))); // left before a minute was up: the clock restarts
        Assert.Null(detector.Observe(At(70, 50)));
        Assert.False(detector.HasArrived);
    }

    [Fact]
    public void JitterAtTheEdge_DoesNotDepart_ButLeavingForAMinuteDoes()
    {
        var detector = new ArrivalDetector(Site, arrived: true);

        Assert.Null(detector.Observe(At(0, 120)));   // beyond the arrival radius, inside the leave radius
        Assert.Null(detector.Observe(At(90, 140)));
        Assert.Null(detector.Observe(At(120, 300)));
        Assert.Equal(GeofenceEvent.Departed, detector.Observe(At(180, 600)));
    }
}
