using System.ComponentModel.DataAnnotations;
using Orleans;

namespace OrleansPortal.Grains;

/// <summary>A WGS84 position in decimal degrees.</summary>
/// <remarks>
/// Both coordinates are marked required so the API's OpenAPI document says so: it describes a struct's members as
/// optional otherwise, and the pages' typed client would have to invent a default for a missing latitude.
/// </remarks>
[GenerateSerializer, Immutable, Alias("op.GeoPoint")]
public readonly record struct GeoPoint([property: Required] double Latitude, [property: Required] double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle (haversine) distance in metres; accurate to well under 1 % at city scale.</summary>
    public double DistanceMetersTo(GeoPoint other)
    {
        var lat1 = Latitude * Math.PI / 180;
        var lat2 = other.Latitude * Math.PI / 180;
        var dLat = lat2 - lat1;
        var dLon = (other.Longitude - Longitude) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
