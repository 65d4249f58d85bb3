using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// A technician's track as GeoJSON (RFC 7946): one LineString of the plausible fixes, with their times in a
/// "times" property (the coordTimes convention), plus one Point per flagged outlier so a map can show them apart.
/// </summary>
public static class TrackGeoJson
{
    public static object Build(string technicianId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<PingRecord> pings)
    {
        var track = pings.Where(p => !p.IsOutlier).ToList();
        var features = new List<object>
        {
            new
            {
                type = "Feature",
                geometry = new { type = "LineString", coordinates = track.Select(p => new[] { p.Fix.Longitude, p.Fix.Latitude }).ToArray() },
                properties = new
                {
                    technicianId,
                    from,
                    to,
                    times = track.Select(p => p.Fix.Time).ToArray(),
                    speedsKmh = track.Select(p => p.Fix.SpeedMetersPerSecond is { } s ? Math.Round(s * 3.6, 1) : (double?)null).ToArray(),
                },
            },
        };
        features.AddRange(pings.Where(p => p.IsOutlier).Select(p => (object)new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { p.Fix.Longitude, p.Fix.Latitude } },
            properties = new { technicianId, time = p.Fix.Time, outlier = true },
        }));
        return new { type = "FeatureCollection", features };
    }
}
