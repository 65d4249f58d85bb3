using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

public sealed class RoadNetworkTravelTimeServiceTests
{
    private static readonly GeoPoint Campanha = new(41.1486, -8.5856);      // Campanhã railway station
    private static readonly GeoPoint CasaDaMusica = new(41.1589, -8.6306);  // Casa da Música, Boavista
    private static readonly GeoPoint Matosinhos = new(41.1826, -8.6897);    // Matosinhos, by the harbour
    private static readonly GeoPoint Gaia = new(41.1237, -8.6118);          // Vila Nova de Gaia
    private static readonly GeoPoint Lisbon = new(38.7223, -9.1393);

    private static RoadNetworkTravelTimeService Service() => new(PortoRoadNetwork.Graph);

    [Fact]
    public void RouteAcrossPorto_IsLongerThanTheStraightLine_ButNotAbsurdly()
    {
        var straight = Campanha.DistanceMetersTo(CasaDaMusica);

        var route = Service().Estimate(Campanha, CasaDaMusica);

        Assert.False(route.IsFallback);
        Assert.InRange(route.Meters, straight, 2 * straight);
        // About 4 km through the city: between 20 and 60 km/h on average.
        Assert.InRange(route.Seconds, route.Meters / (60 / 3.6), route.Meters / (20 / 3.6));
    }

    [Fact]
    public void PointFarOutsidePorto_GetsTheGreatCircleFallback()
    {
        var fallback = new GreatCircleTravelTimeService();

        var estimate = Service().Estimate(Campanha, Lisbon);

        Assert.True(estimate.IsFallback);
        Assert.Equal(fallback.Estimate(Campanha, Lisbon).Seconds, estimate.Seconds, 6);
        Assert.Equal(Campanha.DistanceMetersTo(Lisbon) * 1.3, estimate.Meters, 3);
    }

    [Fact]
    public void PointAtSeaInsideTheExtractBox_GetsTheFallback()
    {
        var offshore = new GeoPoint(41.10, -8.75); // about 7 km off the Gaia coast, more than 1 km from any road

        var estimate = Service().Estimate(offshore, Campanha);

        Assert.True(estimate.IsFallback);
        Assert.Equal(offshore.DistanceMetersTo(Campanha) * 1.3, estimate.Meters, 3);
    }

    [Fact]
    public void Matrix_EqualsOneToOneEstimates()
    {
        var service = Service();
        GeoPoint[] origins = [Campanha, CasaDaMusica, Matosinhos, Lisbon];
        GeoPoint[] destinations = [Gaia, Matosinhos, Campanha];

        var matrix = service.Matrix(origins, destinations);

        for (var i = 0; i < origins.Length; i++)
        {
            for (var j = 0; j < destinations.Length; j++)
            {
                var single = service.Estimate(origins[i], destinations[j]);
                Assert.Equal(single.Seconds, matrix.Seconds(i, j), 3);
                Assert.Equal(single.Meters, matrix.Meters(i, j), 3);
                Assert.Equal(!single.IsFallback, matrix.IsRouted(i, j));
            }
        }
    }

    [Fact]
    public void HierarchyMatrix_AgreesWithPlainDijkstra()
    {
        var graph = PortoRoadNetwork.Graph;
        var random = new Random(7);
        var points = Enumerable.Range(0, 12).Select(_ => graph.NodeLocation(random.Next(graph.NodeCount))).ToArray();

        var fast = Service().Matrix(points, points);
        var reference = new RoadNetworkTravelTimeService(graph) { UseContractionHierarchy = false }.Matrix(points, points);

        for (var i = 0; i < points.Length; i++)
        {
            for (var j = 0; j < points.Length; j++)
            {
                Assert.True(fast.IsRouted(i, j));
                // Float sums in a different order: equal to well under a second.
                Assert.Equal(reference.Seconds(i, j), fast.Seconds(i, j), 0.05);
            }
        }
    }

    [Fact]
    public void SamePoint_TakesNoTime()
    {
        var estimate = Service().Estimate(CasaDaMusica, CasaDaMusica);

        Assert.Equal(0, estimate.Meters, 6);
        Assert.Equal(0, estimate.Seconds, 6);
    }
}
