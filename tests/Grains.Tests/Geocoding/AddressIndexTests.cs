using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Grains.Tests.Geocoding;

public sealed class AddressIndexTests
{
    private static AddressIndex Index => SampleTown.Index;

    [Theory]
    [InlineData("sao joao")]
    [InlineData("SÃO JOÃO")]
    [InlineData("Rua de São João")]
    [InlineData("r s j")]
    public void AccentsCaseAndUnfinishedWords_FindTheStreet(string query)
    {
        var first = Index.Suggest(query, 5)[0];

        Assert.Equal("Rua de São João", first.Street);
    }

    [Fact]
    public void EveryWordMustBeginAWordOfTheStreet()
    {
        Assert.Empty(Index.Suggest("sao joana", 5));
        Assert.Empty(Index.Suggest("rua escondida", 5)); // a bus platform's name is no street
        Assert.Empty(Index.Suggest("catarina sao", 5));
    }

    [Fact]
    public void UnfinishedWords_RankStreetsForTrafficBeforeServiceRoads()
    {
        var streets = Index.Suggest("sant cat", 10).Select(s => s.Street).ToList();

        Assert.Equal(["Rua de Santa Catarina", "Rua de Santa Catarina", "Travessa de Santa Catarina"], streets);
    }

    [Fact]
    public void AMappedHouseNumber_ComesFirst_AtTheHouse_WithItsPostcodeAndCity()
    {
        var suggestions = Index.Suggest("Rua de Santa Cat 12", 10);

        var first = suggestions[0];
        Assert.Equal(AddressPrecision.House, first.Precision);
        Assert.Equal("12", first.HouseNumber);
        Assert.Equal(SampleTown.House12, first.Location);
        Assert.Equal("Rua de Santa Catarina 12, 4000-443 Porto", first.Label);
        Assert.Equal(("4000-443", "Porto"), (first.Postcode, first.City));
        // Then the numbers it begins, in numeric order.
        Assert.Equal(["12A", "120", "121"], suggestions.Skip(1).Where(s => s.Precision == AddressPrecision.House).Select(s => s.HouseNumber).Take(3));
    }

    [Theory]
    [InlineData("santa catarina 12a", "12A")]
    [InlineData("santa catarina 12 A", "12A")]
    [InlineData("12 rua de santa catarina", "12")]
    public void HouseNumbers_AreMatchedWholeFirst(string query, string expected)
    {
        Assert.Equal(expected, Index.Suggest(query, 5)[0].HouseNumber);
    }

    [Fact]
    public void ANumberTheExtractDoesNotHave_GivesTheStreet_WithTheNumberAsTyped()
    {
        var first = Index.Suggest("rua de santa catarina 99", 5)[0];

        Assert.Equal(AddressPrecision.Street, first.Precision);
        Assert.Equal("99", first.HouseNumber);
        Assert.Equal("Rua de Santa Catarina 99, 4000-443 Porto", first.Label);
        // A point on the street itself, between its ends.
        Assert.InRange(first.Location.Latitude, 41.1460, 41.1500);
        Assert.InRange(first.Location.Longitude, -8.6062, -8.6060);
    }

    [Fact]
    public void ANumberInTheStreetName_IsAWordOfTheName_NotAHouse()
    {
        var first = Index.Suggest("avenida 25 de abril", 5)[0];

        Assert.Equal("Avenida 25 de Abril", first.Label);
        Assert.Null(first.HouseNumber);
        Assert.Equal(AddressPrecision.Street, first.Precision);
    }

    [Fact]
    public void OneNameInTwoTowns_IsTwoStreets_AndTheHouseNumberOrTheLocalityPicksOne()
    {
        var byNumber = Index.Suggest("santa catarina 5", 5)[0];
        var byLocality = Index.Suggest("rua de santa catarina, maia", 5)[0];

        Assert.Equal(("Maia", "5", AddressPrecision.House), (byNumber.City, byNumber.HouseNumber, byNumber.Precision));
        Assert.Equal(SampleTown.MaiaHouse5.Latitude, byNumber.Location.Latitude, 6);
        Assert.Equal("Maia", byLocality.City);
        Assert.Equal(2, Index.Suggest("rua de santa catarina, lisboa", 5).Count(s => s.Street == "Rua de Santa Catarina")); // a locality never filters
    }

    [Fact]
    public void AHouseMappedAsABuilding_IsAtTheMiddleOfItsCorners()
    {
        var house = Index.Suggest("sao joao 7", 5)[0];

        var (sw, ne) = SampleTown.SaoJoaoBuilding;
        Assert.Equal(AddressPrecision.House, house.Precision);
        Assert.Equal((sw.Latitude + ne.Latitude) / 2, house.Location.Latitude, 7);
        Assert.Equal((sw.Longitude + ne.Longitude) / 2, house.Location.Longitude, 7);
    }

    [Fact]
    public void ALocalityWithoutStreets_IsFoundByItsPlaceName()
    {
        var house = Index.Suggest("lugar igreja 3", 5)[0];

        Assert.Equal("Lugar da Igreja 3, 4485-001", house.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",.;-")]
    [InlineData(", porto")]
    public void AQueryWithoutWords_HasNoSuggestions(string query)
    {
        Assert.Empty(Index.Suggest(query, 5));
    }

    [Fact]
    public void TheLimitIsKept_AndShortPrefixesStillAnswer()
    {
        Assert.Equal(3, Index.Suggest("r", 3).Count);
        Assert.Single(Index.Suggest("rua de santa catarina 1", 1));
    }

    [Fact]
    public void Nearest_IsTheHouseWhenOneIsClose_ElseTheStreet_ElseNothing()
    {
        var nearHouse = Index.Nearest(new GeoPoint(SampleTown.House12.Latitude + 0.00003, SampleTown.House12.Longitude + 0.0002));
        var nearStreetOnly = Index.Nearest(new GeoPoint(SampleTown.OnRuaNova.Latitude + 0.0005, SampleTown.OnRuaNova.Longitude));
        var nearAVillageHouse = Index.Nearest(new GeoPoint(41.3010, -8.5000)); // 110 m from Lugar da Igreja 3, which has no street drawn
        var atSea = Index.Nearest(new GeoPoint(41.15, -8.75));

        Assert.Equal(("12", AddressPrecision.House), (nearHouse?.HouseNumber, nearHouse?.Precision));
        Assert.Equal(("Rua Nova", AddressPrecision.Street), (nearStreetOnly?.Street, nearStreetOnly?.Precision));
        Assert.Equal(("Lugar da Igreja", AddressPrecision.Street), (nearAVillageHouse?.Street, nearAVillageHouse?.Precision));
        Assert.Null(atSea);
    }

    [Fact]
    public void Counts_AreStreetsAndHouses()
    {
        // Santa Catarina twice, Travessa, São João, Avenida, Rua Nova, the square, and Lugar da Igreja known from its house.
        Assert.Equal(8, Index.StreetCount);
        Assert.Equal(8, Index.HouseCount);
    }
}
