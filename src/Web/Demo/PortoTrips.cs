using System.Globalization;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Demo;

/// <summary>One fix of a recorded taxi trip, at its original time.</summary>
public sealed record RecordedFix(long TaxiId, DateTimeOffset Time, double Latitude, double Longitude);

/// <summary>The fixes of samples/gps/porto/train_1500.csv, trip after trip, as the replay wants them (read by <see cref="PortoTraceCsv"/>).</summary>
public static class PortoTrips
{
    public static readonly TimeSpan FixInterval = PortoTraceCsv.FixInterval;

    public static IEnumerable<RecordedFix> Read(string path) =>
        PortoTraceCsv.Read(path).SelectMany(trip => trip.Fixes.Select(fix =>
            new RecordedFix(long.Parse(trip.VehicleId, CultureInfo.InvariantCulture), fix.At, fix.Point.Latitude, fix.Point.Longitude)));
}
