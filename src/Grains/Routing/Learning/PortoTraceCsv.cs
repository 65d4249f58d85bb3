using System.Globalization;
using System.Text.Json;
using CsvHelper;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Reads trips in the format of the ECML/PKDD 2015 Porto taxi data: a header, then one row per trip with TRIP_ID,
/// TAXI_ID, TIMESTAMP (Unix seconds, the first fix) and POLYLINE, a JSON list of [longitude, latitude] pairs taken
/// 15 s apart. Other columns are ignored. Trips without fixes are skipped; a row that cannot be read stops the file
/// with its row number, because training on a silently half-read file would look like a good model of less data.
/// </summary>
public static class PortoTraceCsv
{
    public static readonly TimeSpan FixInterval = TimeSpan.FromSeconds(15);

    public static IEnumerable<TracedTrip> Read(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var trip in Read(reader)) yield return trip;
    }

    public static IEnumerable<TracedTrip> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
        csv.ReadHeader();
        foreach (var column in new[] { "TRIP_ID", "TAXI_ID", "TIMESTAMP", "POLYLINE" })
        {
            if (!csv.TryGetFieldIndex(column, out _))
            {
                throw new InvalidDataException($"The trace file has no {column} column; expected the Porto taxi format (TRIP_ID, TAXI_ID, TIMESTAMP, POLYLINE).");
            }
        }
        while (csv.Read())
        {
            var row = csv.RowNumber;
            TracedTrip trip;
            try
            {
                var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(csv.GetString("TIMESTAMP"), CultureInfo.InvariantCulture));
                var points = JsonSerializer.Deserialize<double[][]>(csv.GetString("POLYLINE")) ?? [];
                var fixes = new GpsFix[points.Length];
                for (var i = 0; i < points.Length; i++)
                {
                    if (points[i].Length != 2) throw new FormatException($"fix {i} is not a [longitude, latitude] pair");
                    fixes[i] = new GpsFix(new GeoPoint(points[i][1], points[i][0]), start + FixInterval * i);
                }
                trip = new TracedTrip(csv.GetString("TRIP_ID"), csv.GetString("TAXI_ID"), fixes);
            }
            catch (Exception ex) when (ex is FormatException or JsonException or OverflowException or ArgumentException)
            {
                throw new InvalidDataException($"Row {row} of the trace file cannot be read: {ex.Message}", ex);
            }
            if (trip.Fixes.Count > 0) yield return trip;
        }
    }
}
