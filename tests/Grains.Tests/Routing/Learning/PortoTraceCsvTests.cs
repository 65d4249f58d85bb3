using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

public sealed class PortoTraceCsvTests
{
    private const string Header = "\"TRIP_ID\",\"CALL_TYPE\",\"ORIGIN_CALL\",\"ORIGIN_STAND\",\"TAXI_ID\",\"TIMESTAMP\",\"DAY_TYPE\",\"MISSING_DATA\",\"POLYLINE\"";

    private static List<TracedTrip> Read(params string[] rows) => [.. PortoTraceCsv.Read(new StringReader(string.Join('\n', [Header, .. rows])))];

    [Fact]
    public void AFixIsLongitudeThenLatitude_TakenEvery15SecondsFromTheTimestamp()
    {
        var trips = Read("\"1372636858620000589\",\"C\",\"\",\"\",\"20000589\",\"1372636858\",\"A\",\"False\",\"[[-8.618643,41.141412],[-8.618499,41.141376]]\"");

        var trip = Assert.Single(trips);
        Assert.Equal(("1372636858620000589", "20000589"), (trip.Id, trip.VehicleId));
        Assert.Equal(new GeoPoint(41.141376, -8.618499), trip.Fixes[1].Point);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1372636858 + 15), trip.Fixes[1].At);
    }

    [Fact]
    public void ATripWithoutFixes_IsSkipped()
    {
        Assert.Empty(Read("1,B,,15,20000001,1372636858,A,False,\"[]\""));
    }

    [Fact]
    public void ABrokenRow_StopsTheFileWithItsRowNumber_RatherThanTrainingOnHalfOfIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(
            "1,B,,15,20000001,1372636858,A,False,\"[[-8.6,41.1]]\"",
            "2,B,,15,20000002,1372636858,A,False,\"[[-8.6,41.1],[-8.6]]\""));

        Assert.Contains("Row 2", error.Message);
    }

    [Fact]
    public void AFileWithoutAPolylineColumn_IsRefusedByName()
    {
        var error = Assert.Throws<InvalidDataException>(() => PortoTraceCsv.Read(new StringReader("TRIP_ID,TAXI_ID,TIMESTAMP\n1,2,3")).ToList());

        Assert.Contains("POLYLINE", error.Message);
    }
}
