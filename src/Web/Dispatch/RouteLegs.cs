using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Web.Dispatch;

/// <summary>
/// A route's legs as lines along the roads (start, each stop in order, end), drawn at the web edge from the stops the
/// grains give: the geometry is for the map only, cached per leg, and never needed to plan.
/// </summary>
public static class RouteLegs
{
    /// <summary>Start → stops → end; no legs without stops (a technician with nothing to do drives nowhere).</summary>
    public static IReadOnlyList<RouteLeg> Along(IRouteGeometry geometry, GeoPoint? start, IReadOnlyList<(string TicketId, GeoPoint Location)> stops, GeoPoint? end)
    {
        if (stops.Count == 0) return [];
        var points = new List<(string? TicketId, GeoPoint Location)>(stops.Count + 2);
        if (start is { } s) points.Add((null, s));
        points.AddRange(stops.Select(x => ((string?)x.TicketId, x.Location)));
        if (end is { } e) points.Add((null, e));
        var legs = new List<RouteLeg>(points.Count - 1);
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var leg = geometry.Leg(points[i].Location, points[i + 1].Location);
            legs.Add(new RouteLeg(points[i].TicketId, points[i + 1].TicketId, leg.Polyline, leg.Straight));
        }
        return legs;
    }

    public static RouteDto AsDto(this RouteView view, IRouteGeometry geometry) => new(
        view.Plan, view.Estimates, view.Position, view.PositionAt, view.ComputedAt,
        Along(geometry, view.Plan.Start, [.. view.Plan.Stops.Select(s => (s.TicketId, s.Location))], view.Plan.End));

    public static TechnicianLegsDto LegsOf(this BoardTechnician technician, IRouteGeometry geometry) =>
        new(technician.Id, Along(geometry, technician.Start, [.. technician.Stops.Select(s => (s.Job.TicketId, s.Job.Location))], technician.End));

    public static ProposedRoute WithLegs(this ProposedRoute route, IRouteGeometry geometry) =>
        route with { Legs = Along(geometry, route.Start, [.. route.Stops.Select(s => (s.TicketId, s.Location))], route.End) };
}

/// <summary>A technician's route with its live estimates (as the route grain has it) and its legs along the roads.</summary>
public sealed record RouteDto(RoutePlan Plan, IReadOnlyList<StopEstimate> Estimates, GeoPoint? Position, DateTimeOffset? PositionAt, DateTimeOffset ComputedAt, IReadOnlyList<RouteLeg> Legs);

/// <summary>One technician's route on the board as lines along the roads.</summary>
public sealed record TechnicianLegsDto(string TechnicianId, IReadOnlyList<RouteLeg> Legs);
