using OrleansPortal.Grains.Geocoding;
using OrleansPortal.Testing;

namespace OrleansPortal.Grains.Tests.Geocoding;

public sealed class OsmAddressReaderTests
{
    [Fact]
    public void NamedStreetsOfEveryClass_AreRead_ButNotPlatformsOrUnnamedRoads()
    {
        var data = SampleTown.Read();

        Assert.Contains(data.Streets, s => s.Name == "Rua Nova" && s.Highway == "footway");
        Assert.Contains(data.Streets, s => s.Name == "Praça do Município" && s.Highway == "pedestrian");
        Assert.Equal("4000-443", Assert.Single(data.Streets, s => s.Name == "Rua de Santa Catarina" && s.Postcode is not null).Postcode);
        Assert.DoesNotContain(data.Streets, s => s.Name == "Rua Escondida");
        Assert.All(data.Streets, s => Assert.NotEmpty(s.Points));
    }

    [Fact]
    public void AddressesComeFromTaggedNodesAndWays_WithAStreetOrPlace()
    {
        var data = SampleTown.Read();

        Assert.Equal(8, data.Addresses.Count); // the number without a street is not an address
        var building = Assert.Single(data.Addresses, a => a.HouseNumber == "7");
        Assert.Equal(("Rua de São João", null, "Porto"), (building.Street, building.Postcode, building.City));
        Assert.Equal("Lugar da Igreja", Assert.Single(data.Addresses, a => a.HouseNumber == "3").Street);
    }

    [Fact]
    public void NodesTheExtractCutOff_AreLeftOut_AndAWayWithNoneLeftIsDropped()
    {
        var osm = new OsmPbfWriter();
        var inside = osm.Node(41.15, -8.61);
        osm.Way([inside, 999_999], ("highway", "residential"), ("name", "Rua Cortada"));
        osm.Way([999_998, 999_997], ("highway", "residential"), ("name", "Rua de Fora"));
        osm.Way([999_996, 999_995, 999_996], ("building", "yes"), ("addr:street", "Rua de Fora"), ("addr:housenumber", "1"));

        var data = OsmAddressReader.Read(new MemoryStream(osm.ToArray()));

        var point = Assert.Single(Assert.Single(data.Streets).Points);
        Assert.Equal(41.15, point.Latitude, 6);
        Assert.Equal(-8.61, point.Longitude, 6);
        Assert.Empty(data.Addresses);
    }

    [Fact]
    public void AFileCutShort_OrNotPbf_IsRefusedWithAnIOError()
    {
        var pbf = SampleTown.Pbf;
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = garbage[1] = 0; // a plausible header length, so the reader goes on into the noise

        static void AssertUnreadable(byte[] file)
        {
            var error = Record.Exception(() => OsmAddressReader.Read(new MemoryStream(file)));
            Assert.True(error is IOException or InvalidDataException, $"{error?.GetType().Name}: {error?.Message}");
        }

        Assert.Throws<EndOfStreamException>(() => OsmAddressReader.Read(new MemoryStream(pbf[..(pbf.Length - 10)])));
        AssertUnreadable(garbage);
        AssertUnreadable("<?xml version='1.0'?><osm/>"u8.ToArray());
    }
}
