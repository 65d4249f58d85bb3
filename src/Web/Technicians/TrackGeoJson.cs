using System.Text.Json.Serialization;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// A technician's track as GeoJSON (RFC 7946): one LineString of the plausible fixes, with their times in a
/// "times" property (the coordTimes convention), plus one Point per flagged outlier so a map can show them apart.
/// </summary>
public static class TrackGeoJson
{
    public static TrackFeatureCollection Build(string technicianId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<PingRecord> pings)
    {
        var track = pings.Where(p => !p.IsOutlier).ToList();
        var features = new List<TrackFeature>
        {
            new TrackLineFeature(
                new TrackLineGeometry([.. track.Select(p => new[] { p.Fix.Longitude, p.Fix.Latitude })]),
                new TrackLineProperties(
                    technicianId, from, to,
                    [.. track.Select(p => p.Fix.Time)],
                    [.. track.Select(p => p.Fix.SpeedMetersPerSecond is { } s ? Math.Round(s * 3.6, 1) : (double?)null)])),
        };
        features.AddRange(pings.Where(p => p.IsOutlier).Select(p => new TrackOutlierFeature(
            new TrackPointGeometry([p.Fix.Longitude, p.Fix.Latitude]),
            new TrackOutlierProperties(technicianId, p.Fix.Time, Outlier: true))));
        return new TrackFeatureCollection(features);
    }
}

// The GeoJSON objects of a track, typed so that the OpenAPI document (and the pages' client typed from it) describe them.
// A feature is written as its own kind, without a type discriminator: GeoJSON's "type" members say what each object is.

public sealed record TrackFeatureCollection(IReadOnlyList<TrackFeature> Features)
{
    public string Type => "FeatureCollection";
}

[JsonDerivedType(typeof(TrackLineFeature))]
[JsonDerivedType(typeof(TrackOutlierFeature))]
public abstract record TrackFeature
{
    public string Type => "Feature";
}

/// <summary>The plausible fixes in time order.</summary>
public sealed record TrackLineFeature(TrackLineGeometry Geometry, TrackLineProperties Properties) : TrackFeature;

/// <summary>A fix the technician's grain flagged as an implausible jump.</summary>
public sealed record TrackOutlierFeature(TrackPointGeometry Geometry, TrackOutlierProperties Properties) : TrackFeature;

/// <summary>[longitude, latitude] pairs, as GeoJSON orders them.</summary>
public sealed record TrackLineGeometry(double[][] Coordinates)
{
    public string Type => "LineString";
}

public sealed record TrackPointGeometry(double[] Coordinates)
{
    public string Type => "Point";
}

public sealed record TrackLineProperties(string TechnicianId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset[] Times, double?[] SpeedsKmh);

public sealed record TrackOutlierProperties(string TechnicianId, DateTimeOffset Time, bool Outlier);
