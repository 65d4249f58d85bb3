using OrleansPortal.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>Tiny OpenStreetMap extracts written for a test, so the offline geocoder has something known to suggest.</summary>
public static class SmallExtracts
{
    /// <summary>
    /// One street of Porto, Rua de Santa Catarina, with one house, number 312 (postcode 4000-443): written to a new temporary
    /// file whose path is returned; the caller deletes it.
    /// </summary>
    public static string SantaCatarina()
    {
        var extract = Path.Combine(Path.GetTempPath(), $"orleansportal-santa-catarina-{Guid.NewGuid():N}.osm.pbf");
        var osm = new OsmPbfWriter();
        osm.Line([(41.1500, -8.6060), (41.1480, -8.6061), (41.1460, -8.6062)], ("highway", "residential"), ("name", "Rua de Santa Catarina"));
        osm.Node(41.1480, -8.6058, ("addr:street", "Rua de Santa Catarina"), ("addr:housenumber", "312"), ("addr:postcode", "4000-443"), ("addr:city", "Porto"));
        osm.Save(extract);
        return extract;
    }
}
