using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Which travel times the planner and the customers' ETAs use, for the signed-in dispatcher's company: the city's
/// model (learned from shipped or configured traces, shared by every company on this road graph), the company's own
/// (retrained nightly from its technicians' pings), training's stage and progress, when it next runs, and the learned
/// speeds of the roads for the map. Part of the
/// dispatch group (dispatchers only; tenant from the cookie).
/// </summary>
public static class TravelModelApi
{
    public static RouteGroupBuilder MapTravelModel(this RouteGroupBuilder group)
    {
        group.MapGet("/travel-model", GetAsync)
            .WithSummary("The learned travel-time models in use (the city's and the company's own), training progress, and the next nightly retraining.");
        group.MapGet("/travel-model/speeds", GetSpeeds)
            .WithSummary("The streets in a box (the map's bounds) coloured by learned over free-flow time: five numbers a line (from lat, lon, to lat, lon, ratio), both directions as one line with the slower ratio, the longest 15,000 when more; 400 for a box over 60 km; no lines and a message when times are free-flow.");
        group.MapPost("/travel-model/retrain", RetrainAsync)
            .WithSummary("Retrains the company's travel times from its technicians' pings now, in the background; poll GET /travel-model for progress.");
        return group;
    }

    private static Results<Ok<SpeedMap>, ValidationProblem> GetSpeeds(double? south, double? west, double? north, double? east, ClaimsPrincipal user, CompanyTravelModels models)
    {
        if (SpeedMaps.Refuse(south, west, north, east) is { } refused)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bounds"] = [refused] });
        // The company's own model when it has one: the speeds its plans are made with.
        if (models.Graph is not { } graph || models.ModelFor(user.GetTenantId()) is not { } model)
            return TypedResults.Ok(new SpeedMap(null, SpeedMaps.NoModel, 0, false, []));
        return TypedResults.Ok(SpeedMaps.Draw(graph, model, south!.Value, west!.Value, north!.Value, east!.Value));
    }

    private static async Task<TravelModelDto> ReadAsync(ClaimsPrincipal user, IClusterClient grains, TravelModelStatus city, CompanyModelTraining training)
    {
        var tenant = user.GetTenantId();
        return new TravelModelDto(city.Current, training.StatusOf(tenant), await grains.GetGrain<ITravelModelGrain>(tenant).NextRunAsync());
    }

    private static async Task<Ok<TravelModelDto>> GetAsync(ClaimsPrincipal user, IClusterClient grains, TravelModelStatus city, CompanyModelTraining training) =>
        TypedResults.Ok(await ReadAsync(user, grains, city, training));

    private static async Task<Accepted<TravelModelDto>> RetrainAsync(ClaimsPrincipal user, IClusterClient grains, TravelModelStatus city, CompanyModelTraining training)
    {
        var settings = await DispatchApi.Dispatch(grains, user).GetSettingsAsync();
        training.Start(user.GetTenantId(), settings.TimeZone);
        return TypedResults.Accepted("/api/v1/dispatch/travel-model", await ReadAsync(user, grains, city, training));
    }
}

/// <param name="City">The model every company starts from.</param>
/// <param name="Company">The company's own model and its training; its <c>ActiveVersion</c> is null until one was promoted.</param>
/// <param name="NextRetraining">When the nightly retraining next runs (03:00 in the company's zone).</param>
public sealed record TravelModelDto(TravelModelSnapshot City, TravelModelSnapshot Company, DateTimeOffset? NextRetraining);
