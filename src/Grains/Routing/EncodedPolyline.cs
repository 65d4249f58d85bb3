using System.Text;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Google's encoded polyline format at precision 5: each coordinate rounded to 1e-5 degrees (about 1.1 m), stored as
/// the difference from the previous point in 5-bit chunks of printable ASCII. A city leg of 100 points takes about
/// 400 characters, a third of the same as a JSON array of numbers; map libraries decode it directly.
/// </summary>
public static class EncodedPolyline
{
    private const double Factor = 1e5;

    public static string Encode(IReadOnlyList<GeoPoint> points)
    {
        var text = new StringBuilder(points.Count * 8);
        long lastLatitude = 0, lastLongitude = 0;
        foreach (var point in points)
        {
            var latitude = (long)Math.Round(point.Latitude * Factor, MidpointRounding.AwayFromZero);
            var longitude = (long)Math.Round(point.Longitude * Factor, MidpointRounding.AwayFromZero);
            Append(text, latitude - lastLatitude);
            Append(text, longitude - lastLongitude);
            (lastLatitude, lastLongitude) = (latitude, longitude);
        }
        return text.ToString();
    }

    /// <summary>The points of an encoded polyline; throws <see cref="FormatException"/> for text that is not one.</summary>
    public static List<GeoPoint> Decode(string encoded)
    {
        var points = new List<GeoPoint>();
        long latitude = 0, longitude = 0;
        var index = 0;
        while (index < encoded.Length)
        {
            latitude += Read(encoded, ref index);
            longitude += Read(encoded, ref index);
            points.Add(new GeoPoint(latitude / Factor, longitude / Factor));
        }
        return points;
    }

    private static void Append(StringBuilder text, long delta)
    {
        // Zig-zag: the sign moves to the lowest bit, so small negative steps stay short.
        var value = delta < 0 ? ~(delta << 1) : delta << 1;
        while (value >= 0x20)
        {
            text.Append((char)((0x20 | (value & 0x1f)) + 63));
            value >>= 5;
        }
        text.Append((char)(value + 63));
    }

    private static long Read(string encoded, ref int index)
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            if (index >= encoded.Length) throw new FormatException("The polyline ends in the middle of a number.");
            long chunk = encoded[index++] - 63;
            if (chunk is < 0 or > 0x3f) throw new FormatException("The polyline holds a character outside its alphabet.");
            result |= (chunk & 0x1f) << shift;
            shift += 5;
            if (chunk < 0x20) break;
            if (shift > 60) throw new FormatException("The polyline holds a number too long to be a coordinate.");
        }
        return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
    }
}
