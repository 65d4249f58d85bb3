using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

public sealed class PingTracesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A ping every 10 s from <paramref name="start"/>, moving <paramref name="metersPerPing"/> north each time.</summary>
    private static IEnumerable<PingRecord> Drive(DateTimeOffset start, int pings, double metersPerPing, double startNorth = 0) =>
        Enumerable.Range(0, pings).Select(i =>
        {
            var at = TwoStreets.At(0, startNorth + i * metersPerPing);
            return new PingRecord("t", "tech", new GpsFix(start + TimeSpan.FromSeconds(10 * i), at.Latitude, at.Longitude), start, IsOutlier: false);
        });

    [Fact]
    public void ADayOfDrivesAndJobs_IsCutIntoTheDrives_WithoutTheTimeParked()
    {
        var pings = new List<PingRecord>();
        pings.AddRange(Drive(Morning, 60, 100));                                          // 10 min, 6 km
        pings.AddRange(Drive(Morning.AddMinutes(10), 180, 1, startNorth: 6_000));         // 30 min on site
        pings.AddRange(Drive(Morning.AddMinutes(40), 60, 100, startNorth: 6_200));        // on to the next job

        var drives = PingTraces.Split("tech", pings);

        Assert.Equal(2, drives.Count);
        Assert.All(drives, d => Assert.True(d.Fixes[^1].At - d.Fixes[0].At < TimeSpan.FromMinutes(16), $"{d.Id} lasts {d.Fixes[^1].At - d.Fixes[0].At}"));
        Assert.Equal(Morning, drives[0].Start);
    }

    [Fact]
    public void ALongSilence_EndsADrive_AndOutliersAndShortHopsAreLeftOut()
    {
        var pings = new List<PingRecord>();
        pings.AddRange(Drive(Morning, 30, 100));
        pings.AddRange(Drive(Morning.AddMinutes(20), 30, 100, startNorth: 3_000));      // 15 minutes of silence before
        pings.Add(pings[10] with { Fix = pings[10].Fix with { Time = pings[10].Fix.Time.AddSeconds(5), Latitude = 41.5 }, IsOutlier = true });
        pings.AddRange(Drive(Morning.AddHours(2), 4, 50, startNorth: 9_000));           // a walk to the van

        var drives = PingTraces.Split("tech", pings);

        Assert.Equal(2, drives.Count);
        Assert.All(drives, d => Assert.All(d.Fixes, f => Assert.True(f.Point.Latitude < 41.4)));
    }
}
