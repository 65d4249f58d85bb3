using System.Globalization;

namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>One trip of the Porto taxi data (ECML/PKDD 2015): its id, taxi, and fixes 15 s apart from its start.</summary>
public sealed record PortoTaxiTrip(string TripId, long TaxiId, DateTimeOffset Start, IReadOnlyList<GpsFix> Fixes);

/// <summary>
/// Reads the Porto taxi CSV (TRIP_ID, CALL_TYPE, ORIGIN_CALL, ORIGIN_STAND, TAXI_ID, TIMESTAMP, DAY_TYPE,
/// MISSING_DATA, POLYLINE). POLYLINE is a quoted list of [longitude, latitude] pairs, lon first; the file has no
/// per-fix times, by the data's rule fix i was taken at TIMESTAMP + 15 i seconds.
/// </summary>
public static class PortoTaxiTrips
{
    public const double SecondsBetweenFixes = 15;

    public static IEnumerable<PortoTaxiTrip> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("TRIP_ID,", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is not a Porto taxi CSV: its header should start with TRIP_ID.");
        }
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return Parse(line);
        }
    }

    public static PortoTaxiTrip Parse(string line)
    {
        // Eight plain fields, then the quoted polyline (the only field with commas in it).
        var fields = new string[8];
        var at = 0;
        for (var f = 0; f < 8; f++)
        {
            var comma = line.IndexOf(',', at);
            if (comma < 0) throw new InvalidDataException($"A Porto trip line has fewer than nine fields: {Shorten(line)}");
            fields[f] = line[at..comma].Trim('"');
            at = comma + 1;
        }
        var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[5], CultureInfo.InvariantCulture));
        var numbers = line.AsSpan(at).Trim().Trim('"').Trim('[').Trim(']');
        var fixes = new List<GpsFix>();
        foreach (var range in numbers.Split("],["))
        {
            var pair = numbers[range];
            if (pair.IsEmpty) continue;
            var comma = pair.IndexOf(',');
            if (comma < 0) throw new InvalidDataException($"A Porto polyline point is not [lon,lat]: {Shorten(line)}");
            var lon = double.Parse(pair[..comma], CultureInfo.InvariantCulture);
            var lat = double.Parse(pair[(comma + 1)..], CultureInfo.InvariantCulture);
            fixes.Add(new GpsFix(new GeoPoint(lat, lon), start.AddSeconds(SecondsBetweenFixes * fixes.Count)));
        }
        return new PortoTaxiTrip(fields[0], long.Parse(fields[4], CultureInfo.InvariantCulture), start, fixes);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
