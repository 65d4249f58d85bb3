using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using Xunit.Abstractions;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

/// <summary>
/// A model trained on real Porto taxi trips, judged on other trips of the same file (split by a hash of the trip id,
/// as the eta benchmark does): it must beat the free-flow road network clearly. Trained once for the class (about
/// twenty seconds: matching, four calibration folds, each with its own routing hierarchy).
/// </summary>
public sealed class LearnedOnPortoFixture
{
    public LearnedOnPortoFixture()
    {
        var trips = PortoTraceCsv.Read(PortoRoadNetwork.TripsCsv).ToList();
        HeldOut = [.. trips.Where(t => IsHeldOut(t.Id))];
        Model = TravelTimeTrainer.Train(PortoRoadNetwork.Graph, [.. trips.Where(t => !IsHeldOut(t.Id)).Take(700)], new TrainingOptions { TimeZoneId = "Europe/Lisbon" });
        Service = new LearnedTravelTimeService(PortoRoadNetwork.Graph, Model);
    }

    private static bool IsHeldOut(string id) => TravelTimeTrainer.StableHash(id) % 5 == 0;

    public List<TracedTrip> HeldOut { get; }

    public TravelTimeModel Model { get; }

    public LearnedTravelTimeService Service { get; }
}

public sealed class LearnedOnPortoTests(LearnedOnPortoFixture trained, ITestOutputHelper output) : IClassFixture<LearnedOnPortoFixture>
{
    [Fact]
    public void OnTripsItNeverSaw_TheLearnedModelBeatsFreeFlowSpeeds_AndDoesNotRunShort()
    {
        var legs = EtaLegs.From(trained.HeldOut);

        var freeFlow = EtaAccuracy.Measure(new RoadNetworkTravelTimeService(PortoRoadNetwork.Graph), legs);
        var learned = EtaAccuracy.Measure(trained.Service, legs);
        output.WriteLine($"free flow: {freeFlow}");
        output.WriteLine($"learned:   {learned}");

        Assert.True(learned.MapePercent < 30, $"learned MAPE {learned.MapePercent:F1} %");
        Assert.True(learned.MapePercent < freeFlow.MapePercent - 10, $"learned {learned.MapePercent:F1} % against free flow {freeFlow.MapePercent:F1} %");
        Assert.InRange(learned.BiasPercent, -10, 10);
        Assert.True(learned.WithinTwentyPercent > 1.5 * freeFlow.WithinTwentyPercent);
    }

    [Fact]
    public void TheMorningPeak_IsSlowerThanTheNight()
    {
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var night = trained.Model.SlotFactors[TimeOfWeek.Slot(new DateTimeOffset(2013, 7, 1, 3, 30, 0, TimeSpan.FromHours(1)), lisbon)];
        var peak = trained.Model.SlotFactors[TimeOfWeek.Slot(new DateTimeOffset(2013, 7, 1, 9, 0, 0, TimeSpan.FromHours(1)), lisbon)];

        Assert.True(peak > 1.1 * night, $"9:00 x{peak:F2}, 3:30 x{night:F2}");
        var from = new GeoPoint(41.1496, -8.5855); // Campanhã
        var to = new GeoPoint(41.1588, -8.6307);   // Casa da Música
        var atNight = trained.Service.Estimate(from, to, new DateTimeOffset(2013, 7, 1, 3, 30, 0, TimeSpan.FromHours(1)));
        var atPeak = trained.Service.Estimate(from, to, new DateTimeOffset(2013, 7, 1, 9, 0, 0, TimeSpan.FromHours(1)));
        Assert.True(atPeak.Seconds > atNight.Seconds * 1.1);
        Assert.Equal(atNight.Meters, atPeak.Meters); // the same route, timed for its hour
    }

    [Fact]
    public void AMatrixCell_IsTheEstimateOfItsPair()
    {
        GeoPoint[] points = [new(41.1496, -8.5855), new(41.1588, -8.6307), new(41.1780, -8.6080), new(41.1450, -8.6110)];
        var departAt = new DateTimeOffset(2013, 7, 1, 8, 15, 0, TimeSpan.FromHours(1));

        var matrix = trained.Service.Matrix(points, points, departAt);

        for (var i = 0; i < points.Length; i++)
            for (var j = 0; j < points.Length; j++)
                Assert.Equal(trained.Service.Estimate(points[i], points[j], departAt).Seconds, matrix.Seconds(i, j), 6);
    }

    [Fact]
    public void AStoredModel_ReadsBackToTheSameEstimates()
    {
        using var file = new MemoryStream();
        trained.Model.Write(file);
        file.Position = 0;
        var read = TravelTimeModel.Read(file);

        Assert.Equal(trained.Model.Version, read.Version);
        Assert.Equal(trained.Model.Summary, read.Summary);
        var again = new LearnedTravelTimeService(PortoRoadNetwork.Graph, read);
        foreach (var leg in EtaLegs.From(trained.HeldOut.Take(20)))
        {
            Assert.Equal(trained.Service.Estimate(leg.From, leg.To, leg.DepartAt), again.Estimate(leg.From, leg.To, leg.DepartAt));
        }
    }

    [Fact]
    public void AModel_IsRefusedOnAnotherGraph_AndADamagedFileIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new LearnedTravelTimeService(TwoStreets.Graph, trained.Model));
        Assert.Contains(trained.Model.Version, error.Message);

        using var file = new MemoryStream();
        trained.Model.Write(file);
        var truncated = new MemoryStream(file.ToArray()[..(int)(file.Length / 2)]);
        Assert.ThrowsAny<InvalidDataException>(() => TravelTimeModel.Read(truncated));
    }
}
