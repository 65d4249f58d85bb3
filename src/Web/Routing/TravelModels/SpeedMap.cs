using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// The learned speeds of the roads in a box, for the map: per street segment (OSM node to node), learned seconds over free-flow seconds.
/// <paramref name="Lines"/> is flat, five numbers a line (from latitude, from longitude, to latitude, to longitude,
/// ratio), because thousands of lines as objects would be several times the bytes.
/// </summary>
/// <param name="ModelVersion">The learned model drawn; null when travel times are free-flow (then <paramref name="Message"/> says so).</param>
/// <param name="InBox">How many street segments have an end in the box.</param>
/// <param name="Capped">More streets lie in the box than are sent: only the longest <see cref="SpeedMaps.MaxLines"/> are.</param>
public sealed record SpeedMap(string? ModelVersion, string? Message, int InBox, bool Capped, IReadOnlyList<double> Lines);

public static class SpeedMaps
{
    /// <summary>Enough to draw a city's streets on a canvas at once; beyond it only the longest (the main roads) are sent.</summary>
    public const int MaxLines = 15_000;

    /// <summary>Wider than this the lines are thinner than a pixel and the answer megabytes: the map asks to zoom in.</summary>
    public const double MaxBoxKilometres = 60;

    public const string NoModel = "No learned travel times yet: plans and ETAs use free-flow speeds until a model is trained and promoted.";

    /// <summary>Why the box cannot be drawn, or null when it can.</summary>
    public static string? Refuse(double? south, double? west, double? north, double? east)
    {
        if (south is not { } s || west is not { } w || north is not { } n || east is not { } e) return "Give the map's bounds: south, west, north and east.";
        if (!double.IsFinite(s) || !double.IsFinite(w) || !double.IsFinite(n) || !double.IsFinite(e) || s < -90 || n > 90 || w < -180 || e > 180)
            return "Latitudes are -90 to 90 and longitudes -180 to 180.";
        if (s >= n || w >= e) return "South must be below north and west below east.";
        var tall = new GeoPoint(s, w).DistanceMetersTo(new GeoPoint(n, w)) / 1000;
        var wide = new GeoPoint((s + n) / 2, w).DistanceMetersTo(new GeoPoint((s + n) / 2, e)) / 1000;
        if (Math.Max(tall, wide) > MaxBoxKilometres)
            return FormattableString.Invariant($"The box is {Math.Max(tall, wide):0} km across; learned speeds are drawn up to {MaxBoxKilometres:0} km: zoom in.");
        return null;
    }

    /// <summary>
    /// The streets with an end in the box. Both directions of a two-way street are one line, with the slower direction's
    /// ratio (the one a dispatcher should worry about); past <see cref="MaxLines"/>, the longest streets are kept.
    /// </summary>
    public static SpeedMap Draw(RoadGraph graph, TravelTimeModel model, double south, double west, double north, double east)
    {
        bool Inside(GeoPoint p) => p.Latitude >= south && p.Latitude <= north && p.Longitude >= west && p.Longitude <= east;
        var streets = new Dictionary<(int, int), (double Ratio, double Meters)>();
        for (var edge = 0; edge < graph.EdgeCount; edge++)
        {
            int from = graph.EdgeFrom(edge), to = graph.EdgeTo(edge);
            if (!Inside(graph.NodeLocation(from)) && !Inside(graph.NodeLocation(to))) continue;
            var freeFlow = graph.EdgeFreeFlowSeconds(edge);
            if (freeFlow <= 0) continue;
            var ratio = model.EdgeSeconds[edge] / freeFlow;
            var key = from < to ? (from, to) : (to, from);
            streets[key] = streets.TryGetValue(key, out var other) && other.Ratio > ratio ? other : (ratio, graph.EdgeLengthMeters(edge));
        }

        var drawn = streets.Count > MaxLines ? streets.OrderByDescending(s => s.Value.Meters).Take(MaxLines) : streets;
        var lines = new List<double>(Math.Min(streets.Count, MaxLines) * 5);
        foreach (var ((a, b), (ratio, _)) in drawn)
        {
            GeoPoint p = graph.NodeLocation(a), q = graph.NodeLocation(b);
            // Five decimals is about a metre; two for the ratio is finer than any colour band.
            lines.AddRange([Math.Round(p.Latitude, 5), Math.Round(p.Longitude, 5), Math.Round(q.Latitude, 5), Math.Round(q.Longitude, 5), Math.Round(ratio, 2)]);
        }
        return new SpeedMap(model.Version, null, streets.Count, streets.Count > MaxLines, lines);
    }
}
