using OrleansPortal.Grains.Geocoding;
using OrleansPortal.Grains.Tests.Routing;

namespace OrleansPortal.Grains.Tests.Geocoding;

/// <summary>The geocoder on the real Porto extract (samples/osm), which has about 13,500 named ways and 65 numbered addresses.</summary>
public sealed class PortoGeocodingTests
{
    private static readonly Lazy<AddressIndex> LazyIndex = new(() => AddressIndex.Build(OsmAddressReader.Read(PortoRoadNetwork.PbfPath)));

    private static AddressIndex Index => LazyIndex.Value;

    [Fact]
    public void RuaDeSantaCatarina_IsFoundFromItsFirstLetters_InDowntownPorto()
    {
        var first = Index.Suggest("Rua de Santa Cat 12", 10)[0];

        Assert.Equal("Rua de Santa Catarina", first.Street);
        Assert.Equal("12", first.HouseNumber);
        Assert.Equal(AddressPrecision.Street, first.Precision); // the extract numbers no house there
        Assert.InRange(first.Location.Latitude, 41.143, 41.157);
        Assert.InRange(first.Location.Longitude, -8.610, -8.602);
    }

    [Fact]
    public void AMappedHouse_IsFoundWithItsPostcodeAndTown_WithoutAccents()
    {
        var first = Index.Suggest("machado dos santos 419, calendario", 5)[0];

        Assert.Equal(AddressPrecision.House, first.Precision);
        Assert.Equal("Rua Machado dos Santos 419, 4760-585 Calendário", first.Label);
    }

    [Fact]
    public void HousesOfAStreet_ComeInNumberOrder()
    {
        var numbers = Index.Suggest("rua machado dos santos 5", 10).Where(s => s.Precision == AddressPrecision.House).Select(s => s.HouseNumber).ToList();

        Assert.Equal(["505", "521", "535", "553", "569", "585"], numbers.Take(6));
    }

    [Fact]
    public void EveryNumberedAddressOfTheExtract_IsInTheIndex()
    {
        // 64 nodes and 1 way carry a house number and a street; an entrance and its building may share one.
        Assert.InRange(Index.HouseCount, 60, 65);
        Assert.InRange(Index.StreetCount, 5_000, 13_546);
    }

    [Fact]
    public void Nearest_SnapsAPointOnAvenidaDosAliados_ToThatStreet()
    {
        var nearest = Index.Nearest(new GeoPoint(41.1485, -8.6110));

        Assert.NotNull(nearest);
        Assert.Contains("Aliados", nearest.Street);
    }
}
