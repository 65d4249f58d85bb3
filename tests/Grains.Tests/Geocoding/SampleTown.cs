using OrleansPortal.Grains.Geocoding;
using OrleansPortal.Testing;

namespace OrleansPortal.Grains.Tests.Geocoding;

/// <summary>
/// A made-up extract with exactly the cases the geocoder has to get right: one street name in two towns, accents,
/// numbered houses as nodes and as a building, a number inside a street name, a locality without streets, a street
/// drawn as two ways. Written as a real PBF file and read back through <see cref="OsmAddressReader"/>.
/// </summary>
internal static class SampleTown
{
    public static readonly GeoPoint House12 = new(41.1480, -8.6060);
    public static readonly GeoPoint MaiaHouse5 = new(41.2350, -8.6200);
    public static readonly GeoPoint OnRuaNova = new(41.1600, -8.6300);
    public static readonly (GeoPoint SouthWest, GeoPoint NorthEast) SaoJoaoBuilding = (new(41.1410, -8.6110), new(41.1412, -8.6106));

    private static readonly Lazy<byte[]> LazyPbf = new(Write);
    private static readonly Lazy<AddressIndex> LazyIndex = new(() => AddressIndex.Build(Read()));

    public static byte[] Pbf => LazyPbf.Value;

    public static AddressIndex Index => LazyIndex.Value;

    public static OsmAddressData Read() => OsmAddressReader.Read(new MemoryStream(Pbf));

    private static byte[] Write()
    {
        var osm = new OsmPbfWriter();
        // Rua de Santa Catarina in Porto, drawn as two ways that share a node, with numbered entrances.
        var north = osm.Node(41.1500, -8.6060);
        var middle = osm.Node(41.1480, -8.6061);
        var south = osm.Node(41.1460, -8.6062);
        osm.Way([north, middle], ("highway", "residential"), ("name", "Rua de Santa Catarina"));
        osm.Way([middle, south], ("highway", "residential"), ("name", "Rua de Santa Catarina"), ("postal_code", "4000-443"));
        foreach (var (number, offset) in new[] { ("10", 0.0002), ("12", 0.0), ("12A", -0.0001), ("120", -0.0010), ("121", -0.0011) })
        {
            osm.Node(House12.Latitude + offset, House12.Longitude, ("addr:street", "Rua de Santa Catarina"), ("addr:housenumber", number),
                ("addr:postcode", "4000-443"), ("addr:city", "Porto"));
        }
        osm.Line([(41.1490, -8.6050), (41.1490, -8.6040)], ("highway", "service"), ("name", "Travessa de Santa Catarina"));

        // The same name ten kilometres north, in Maia: another street.
        osm.Line([(41.2340, -8.6200), (41.2360, -8.6200)], ("highway", "residential"), ("name", "Rua de Santa Catarina"));
        osm.Node(MaiaHouse5.Latitude, MaiaHouse5.Longitude + 0.0001, ("addr:street", "Rua de Santa Catarina"), ("addr:housenumber", "5"),
            ("addr:postcode", "4470-100"), ("addr:city", "Maia"));

        // Accents, and a house mapped as a building (a closed way) rather than a node.
        osm.Line([(41.1400, -8.6120), (41.1400, -8.6090)], ("highway", "residential"), ("name", "Rua de São João"));
        var (sw, ne) = SaoJoaoBuilding;
        var corners = new[] { osm.Node(sw.Latitude, sw.Longitude), osm.Node(sw.Latitude, ne.Longitude), osm.Node(ne.Latitude, ne.Longitude), osm.Node(ne.Latitude, sw.Longitude) };
        osm.Way([.. corners, corners[0]], ("building", "house"), ("addr:street", "Rua de São João"), ("addr:housenumber", "7"), ("addr:city", "Porto"));

        // A number inside the name, a footway with a name, a square, and a village that numbers houses by locality.
        osm.Line([(41.1550, -8.6200), (41.1560, -8.6100)], ("highway", "primary"), ("name", "Avenida 25 de Abril"));
        osm.Line([(OnRuaNova.Latitude, -8.6310), (OnRuaNova.Latitude, -8.6290)], ("highway", "footway"), ("name", "Rua Nova"));
        osm.Line([(41.1470, -8.6110), (41.1472, -8.6108)], ("highway", "pedestrian"), ("name", "Praça do Município"));
        osm.Node(41.3000, -8.5000, ("addr:place", "Lugar da Igreja"), ("addr:housenumber", "3"), ("addr:postcode", "4485-001"));

        // Things that are not addresses: an unnamed road, a bus stop named like a street, a number without a street.
        osm.Line([(41.1700, -8.6000), (41.1710, -8.6000)], ("highway", "residential"));
        osm.Line([(41.1720, -8.6000), (41.1721, -8.6000)], ("highway", "platform"), ("name", "Rua Escondida"));
        osm.Node(41.1730, -8.6000, ("addr:housenumber", "99"));
        return osm.ToArray();
    }
}
