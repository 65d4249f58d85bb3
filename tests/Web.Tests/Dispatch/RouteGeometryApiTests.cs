using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Routing;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>Routes come with their legs as lines: along the roads when a road graph is loaded, straight (and marked so) when not.</summary>
public sealed class RouteGeometryApiTests
{
    internal static string PortoExtract()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "osm", "porto_portugal.osm.pbf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("samples/osm/porto_portugal.osm.pbf not found above the test binary.");
    }

    private static GeoPoint Point((double Latitude, double Longitude) p) => new(p.Latitude, p.Longitude);

    /// <summary>Where each leg of a route starts and ends: the day's start, the stops in order, the day's end.</summary>
    private static List<(string? From, string? To, GeoPoint A, GeoPoint B)> Expected(BoardTechnician t)
    {
        var points = new List<(string? Id, GeoPoint At)> { (null, t.Start!.Value) };
        points.AddRange(t.Stops.Select(s => ((string?)s.Job.TicketId, s.Job.Location)));
        points.Add((null, t.End!.Value));
        return [.. points.Zip(points.Skip(1), (a, b) => (a.Id, b.Id, a.At, b.At))];
    }

    private static void AssertJoins(RouteLeg leg, GeoPoint from, GeoPoint to)
    {
        var line = EncodedPolyline.Decode(leg.Polyline);
        Assert.InRange(line[0].DistanceMetersTo(from), 0, 1.5);
        Assert.InRange(line[^1].DistanceMetersTo(to), 0, 1.5);
    }

    [Fact]
    public async Task WithoutARoadGraph_EachLegIsTheStraightLine_MarkedStraight()
    {
        using var app = new PortalFactory();
        var (day, north, _, _, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var nuno = (await day.BoardAsync()).Technicians.Single(t => t.Id == north);

        var route = (await day.Dispatcher.GetFromJsonAsync<RouteDto>($"/api/v1/dispatch/routes/{north}", ApiJson.Options))!;
        var board = (await day.Dispatcher.GetFromJsonAsync<List<TechnicianLegsDto>>("/api/v1/dispatch/board/routes", ApiJson.Options))!;

        var expected = Expected(nuno);
        Assert.Equal(expected.Select(e => (e.From, e.To)), route.Legs.Select(l => (l.FromTicketId, l.ToTicketId)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(route.Legs[i].Straight);
            Assert.Equal(2, EncodedPolyline.Decode(route.Legs[i].Polyline).Count);
            AssertJoins(route.Legs[i], expected[i].A, expected[i].B);
        }
        Assert.Equal(route.Legs, board.Single(t => t.TechnicianId == north).Legs);
        Assert.Equal(2, board.Count); // one per technician with work
    }

    [Fact]
    public async Task WithPortosRoads_LegsFollowTheRoads_ForTheRoutesAndAProposal()
    {
        using var app = new PortalFactory();
        app.Settings["Routing:Extract"] = PortoExtract();
        // Built before the first plan asks for it (the app builds it in the background as it starts; a plan waits for it).
        await Task.Run(app.Services.GetRequiredService<RoadNetworkLoader>().WarmUp);
        var (day, north, south, _, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var nuno = (await day.BoardAsync()).Technicians.Single(t => t.Id == north);

        var route = (await day.Dispatcher.GetFromJsonAsync<RouteDto>($"/api/v1/dispatch/routes/{north}", ApiJson.Options))!;

        var expected = Expected(nuno);
        Assert.Equal(expected.Count, route.Legs.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.False(route.Legs[i].Straight);
            Assert.True(EncodedPolyline.Decode(route.Legs[i].Polyline).Count > 2, $"leg {i} is drawn as a straight line");
            AssertJoins(route.Legs[i], expected[i].A, expected[i].B);
        }

        var proposal = await PlanProposalTests.ProposeAsync(day);
        var plain = (await day.Dispatcher.GetFromJsonAsync<PlanProposal>($"/api/v1/dispatch/proposals/{proposal.Id}", ApiJson.Options))!;
        var drawn = (await day.Dispatcher.GetFromJsonAsync<PlanProposal>($"/api/v1/dispatch/proposals/{proposal.Id}?geometry=true", ApiJson.Options))!;

        Assert.All(plain.Technicians, t => Assert.Null(t.Legs));
        var sara = drawn.Technicians.Single(t => t.TechnicianId == south);
        Assert.Equal(sara.Stops.Count + 1, sara.Legs!.Count);
        Assert.Equal(sara.Stops.Select(s => (string?)s.TicketId).Append(null), sara.Legs.Select(l => l.ToTicketId));
        Assert.All(sara.Legs, l => Assert.False(l.Straight));
        AssertJoins(sara.Legs[0], sara.Start, sara.Stops[0].Location);
        AssertJoins(sara.Legs[^1], sara.Stops[^1].Location, Point(DispatchScenario.Gaia));
    }
}
