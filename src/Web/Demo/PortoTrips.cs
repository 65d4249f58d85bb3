using System.Globalization;
using System.Text.Json;

namespace OrleansPortal.Web.Demo;

/// <summary>One fix of a recorded taxi trip, at its original time.</summary>
public sealed record RecordedFix(long TaxiId, DateTimeOffset Time, double Latitude, double Longitude);

/// <summary>Reads samples/gps/porto/train_1500.csv: one trip per row, fixes [lon, lat] every 15 s from the trip's start.</summary>
public static class PortoTrips
{
    public static readonly TimeSpan FixInterval = TimeSpan.FromSeconds(15);

    public static IEnumerable<RecordedFix> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // The polyline is the last column, quoted and full of commas: split off the eight columns before it.
            var fields = line.Split(',', 9);
            if (fields.Length < 9) continue;
            var taxiId = long.Parse(fields[4], CultureInfo.InvariantCulture);
            var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[5], CultureInfo.InvariantCulture));
            var points = JsonSerializer.Deserialize<double[][]>(fields[8].Trim('"')) ?? [];
            for (var i = 0; i < points.Length; i++)
                yield return new RecordedFix(taxiId, start + FixInterval * i, points[i][1], points[i][0]);
        }
    }
}
