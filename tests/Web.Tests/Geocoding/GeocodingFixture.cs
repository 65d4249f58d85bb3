using OrleansPortal.Testing;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Geocoding;

/// <summary>
/// One app whose extract (for the road graph and the geocoder) is a small PBF written for the tests: two streets of
/// Porto with numbered houses, one of them mapped as a building. One company signs in.
/// </summary>
public sealed class GeocodingFixture : IAsyncLifetime
{
    public static readonly (double Latitude, double Longitude) House7 = (41.1411, -8.6108);

    private readonly string _extract = Path.Combine(Path.GetTempPath(), $"orleansportal-geocoding-{Guid.NewGuid():N}.osm.pbf");

    public PortalFactory App { get; } = new();

    public TenantScenario Company { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var osm = new OsmPbfWriter();
        osm.Line([(41.1500, -8.6060), (41.1480, -8.6061), (41.1460, -8.6062)], ("highway", "residential"), ("name", "Rua de Santa Catarina"), ("postal_code", "4000-443"));
        osm.Node(41.1480, -8.6058, ("addr:street", "Rua de Santa Catarina"), ("addr:housenumber", "312"), ("addr:postcode", "4000-443"), ("addr:city", "Porto"));
        osm.Line([(41.1400, -8.6120), (41.1400, -8.6090)], ("highway", "residential"), ("name", "Rua de São João"));
        var corners = new[] { osm.Node(41.1410, -8.6110), osm.Node(41.1410, -8.6106), osm.Node(41.1412, -8.6106), osm.Node(41.1412, -8.6110) };
        osm.Way([.. corners, corners[0]], ("building", "house"), ("addr:street", "Rua de São João"), ("addr:housenumber", "7"), ("addr:city", "Porto"));
        osm.Save(_extract);

        App.Settings["Routing:Extract"] = _extract;
        Company = await TenantScenario.CreateAsync(App);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        File.Delete(_extract);
        return Task.CompletedTask;
    }
}
