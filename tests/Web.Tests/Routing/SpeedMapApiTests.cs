using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Routing;
using OrleansPortal.Web.Routing.TravelModels;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Routing;

/// <summary>The learned speeds of the streets in the map's bounds, as the dispatch map reads them.</summary>
public sealed class SpeedMapApiTests
{
    // Porto's centre, about 2.5 km by 2.2 km, and a box around the whole extract.
    private const string Centre = "south=41.140&west=-8.630&north=41.160&east=-8.600";
    private const string Wide = "south=41.00&west=-8.80&north=41.35&east=-8.45";

    private static string Url(string query) => "/api/v1/dispatch/travel-model/speeds?" + query;

    [Fact]
    public async Task WithoutALearnedModel_TheAnswerSaysSo_AndBadBoxesAreRefused()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        var speeds = (await company.Dispatcher.GetFromJsonAsync<SpeedMap>(Url(Centre), ApiJson.Options))!;
        Assert.Null(speeds.ModelVersion);
        Assert.Equal(SpeedMaps.NoModel, speeds.Message);
        Assert.Empty(speeds.Lines);

        foreach (var (query, says) in new[]
        {
            ("south=40.0&west=-9.0&north=41.0&east=-8.0", "zoom in"),
            ("south=41.16&west=-8.63&north=41.14&east=-8.60", "South must be below north"),
            ("south=41.14&west=-8.63&north=41.16", "Give the map's bounds"),
            ("south=41.14&west=-200&north=41.16&east=-8.60", "longitudes -180 to 180"),
            ("south=NaN&west=-8.63&north=41.16&east=-8.60", "Latitudes are -90 to 90"),
        })
        {
            var refused = await company.Dispatcher.GetAsync(Url(query));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(says, await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Url(Centre))).StatusCode);
    }

    [Fact]
    public async Task WithALearnedModel_TheStreetsInTheBox_ComeWithLearnedOverFreeFlow_CappedWhenMany()
    {
        using var app = new PortalFactory();
        LearnedModels.UseSharedModel(app);
        var company = await TenantScenario.CreateAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Gardens");
        var status = await LearnedModels.WaitUntilReadyAsync(company.Dispatcher);
        Assert.Equal("ready", status.Stage);
        var graph = app.Services.GetRequiredService<RoadNetworkLoader>().Graph!;

        var centre = (await company.Dispatcher.GetFromJsonAsync<SpeedMap>(Url(Centre), ApiJson.Options))!;
        var wide = (await company.Dispatcher.GetFromJsonAsync<SpeedMap>(Url(Wide), ApiJson.Options))!;
        var theirs = (await other.Dispatcher.GetFromJsonAsync<SpeedMap>(Url(Centre), ApiJson.Options))!;

        Assert.Equal(status.ActiveVersion, centre.ModelVersion);
        Assert.Null(centre.Message);
        Assert.False(centre.Capped);
        Assert.Equal(0, centre.Lines.Count % 5);
        Assert.Equal(centre.InBox, centre.Lines.Count / 5);
        Assert.InRange(centre.InBox, 500, SpeedMaps.MaxLines);
        var ratios = new List<double>();
        for (var i = 0; i < centre.Lines.Count; i += 5)
        {
            // Every line has an end in the box (it may run out of it).
            var inBox = Inside(centre.Lines[i], centre.Lines[i + 1], 1e-5) || Inside(centre.Lines[i + 2], centre.Lines[i + 3], 1e-5); // rounded to 5 decimals
            Assert.True(inBox, $"line {i / 5} has no end in the box");
            ratios.Add(centre.Lines[i + 4]);
        }
        Assert.All(ratios, r => Assert.True(double.IsFinite(r) && r > 0.1, $"ratio {r}")); // some very short edges (a few metres) come out far above 50
        // Porto's taxis drove its centre well below the speed limits: most streets come out slower than free flow.
        Assert.True(ratios.Count(r => r > 1.25) > ratios.Count / 2, $"median ratio {ratios.Order().ElementAt(ratios.Count / 2):0.00}");
        // Both directions of a two-way street are one line: fewer lines than directed edges in the box.
        var directed = Enumerable.Range(0, graph.EdgeCount).Count(e =>
            Inside(graph.NodeLocation(graph.EdgeFrom(e)).Latitude, graph.NodeLocation(graph.EdgeFrom(e)).Longitude)
            || Inside(graph.NodeLocation(graph.EdgeTo(e)).Latitude, graph.NodeLocation(graph.EdgeTo(e)).Longitude));
        Assert.True(centre.InBox < directed, $"{centre.InBox} lines for {directed} directed edges");

        Assert.True(wide.Capped);
        Assert.Equal(SpeedMaps.MaxLines * 5, wide.Lines.Count);
        Assert.True(wide.InBox > SpeedMaps.MaxLines);
        // The city's model is every company's on this graph until one has its own: the other company sees the same.
        Assert.Equal(centre.Lines, theirs.Lines);
    }

    private static bool Inside(double latitude, double longitude, double margin = 0) =>
        latitude >= 41.140 - margin && latitude <= 41.160 + margin && longitude >= -8.630 - margin && longitude <= -8.600 + margin;
}
