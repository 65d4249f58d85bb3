using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Geocoding;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Geocoding;

/// <summary>
/// Address search for dispatchers entering a property: suggestions as they type, and the address at a point picked on
/// the map, from the offline index of the road graph's extract (<see cref="AddressIndex"/>). Without an extract the
/// answer is 200 with <c>available: false</c> and no suggestions, so a form can fall back to a pin on the map; while
/// the index is still being built after a start, 503 with Retry-After.
/// </summary>
public static class GeocodingApi
{
    public const int DefaultLimit = 8, MaxLimit = 20;

    /// <summary>How long a request waits for an index still being built before it answers 503.</summary>
    private static readonly TimeSpan LoadingWait = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static RouteGroupBuilder MapGeocodingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/geocode").WithTags("Geocoding").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", SuggestAsync).WithSummary("Address suggestions for what was typed (street, house number, postcode, town; accents and case ignored), best first, each with its position.");
        group.MapGet("/reverse", ReverseAsync).WithSummary("The address nearest a point: a numbered house within 60 m, else a street within 250 m; an empty list when neither.");
        return group;
    }

    private static async Task<Results<Ok<GeocodeResultDto>, ValidationProblem, ProblemHttpResult>> SuggestAsync(
        string? q, int? limit, AddressIndexLoader loader, HttpResponse response, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Text(q, "q", InputLimits.Address, $"Type 1 to {InputLimits.Address} characters of an address.")
            .Require(limit is null or >= 1 and <= MaxLimit, "limit", $"The limit must be between 1 and {MaxLimit}.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var (index, loading) = await IndexAsync(loader, response, cancellationToken);
        if (loading is not null) return loading;
        return TypedResults.Ok(new GeocodeResultDto(index is not null, index is null ? [] : [.. index.Suggest(q!, limit ?? DefaultLimit).Select(s => s.AsDto())]));
    }

    private static async Task<Results<Ok<GeocodeResultDto>, ValidationProblem, ProblemHttpResult>> ReverseAsync(
        double? latitude, double? longitude, AddressIndexLoader loader, HttpResponse response, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require(latitude is >= -90 and <= 90, "latitude", "A latitude between -90 and 90 is required.")
            .Require(longitude is >= -180 and <= 180, "longitude", "A longitude between -180 and 180 is required.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var (index, loading) = await IndexAsync(loader, response, cancellationToken);
        if (loading is not null) return loading;
        var nearest = index?.Nearest(new GeoPoint(latitude!.Value, longitude!.Value));
        return TypedResults.Ok(new GeocodeResultDto(index is not null, nearest is null ? [] : [nearest.AsDto()]));
    }

    /// <summary>The index (null when there is no geocoder), or a 503 answer while it is still being built.</summary>
    private static async Task<(AddressIndex? Index, ProblemHttpResult? Loading)> IndexAsync(AddressIndexLoader loader, HttpResponse response, CancellationToken cancellationToken)
    {
        var load = loader.LoadAsync();
        if (!load.IsCompleted) await Task.WhenAny(load, Task.Delay(LoadingWait, cancellationToken));
        if (load.IsCompleted) return (await load, null);
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return (null, TypedResults.Problem(
            title: "The address index is still loading.",
            detail: $"The app has just started and is reading its map; try again in {RetryAfter.TotalSeconds:0} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
