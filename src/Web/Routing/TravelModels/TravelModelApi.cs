using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Which travel times the planner and the customers' ETAs use: the learned model's version and what it was trained
/// on, or training's stage and progress while it runs; and the learned speeds of the roads, for the map. Part of the dispatch group (dispatchers only). The model is the
/// city's, shared by every company on this road graph, so nothing in it belongs to a tenant.
/// </summary>
public static class TravelModelApi
{
    private static Results<Ok<SpeedMap>, ValidationProblem> GetSpeeds(double? south, double? west, double? north, double? east, ClaimsPrincipal user, CompanyTravelModels models)
    {
        if (SpeedMaps.Refuse(south, west, north, east) is { } refused)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bounds"] = [refused] });
        // The company's own model when it has one: the speeds its plans are made with.
        if (models.Graph is not { } graph || models.ModelFor(user.GetTenantId()) is not { } model)
            return TypedResults.Ok(new SpeedMap(null, SpeedMaps.NoModel, 0, false, []));
        return TypedResults.Ok(SpeedMaps.Draw(graph, model, south!.Value, west!.Value, north!.Value, east!.Value));
    }

    public static RouteGroupBuilder MapTravelModel(this RouteGroupBuilder group)
    {
        group.MapGet("/travel-model", (TravelModelStatus status) => TypedResults.Ok(status.Current))
            .WithSummary("The learned travel-time model in use (version, training data) and training progress.");
        group.MapGet("/travel-model/speeds", GetSpeeds)
            .WithSummary("The streets in a box (the map's bounds) coloured by learned over free-flow time: five numbers a line (from lat, lon, to lat, lon, ratio), both directions as one line with the slower ratio, the longest 15,000 when more; 400 for a box over 60 km; no lines and a message when times are free-flow.");
        return group;
    }
}
