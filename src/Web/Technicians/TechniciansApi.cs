using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Technicians;

/// <summary>Dispatchers manage their own company's technicians and device tokens. Every key is built from the caller's tenant claim.</summary>
public static class TechniciansApi
{
    private static readonly TimeSpan MaxTrackSpan = TimeSpan.FromDays(7);

    /// <summary>Technicians per page of GET /api/v1/technicians when the request names no limit, and the most it may name.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 500;

    public static RouteGroupBuilder MapTechniciansApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/technicians").WithTags("Technicians").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/", CreateAsync).WithSummary("Creates a technician.");
        group.MapGet("/", ListAsync).WithSummary("A page of the company's technicians by name, with their live position; a Link header (rel=\"next\") names the next page.");
        group.MapGet("/{id}", GetAsync).WithSummary("One technician.");
        group.MapPut("/{id}/status", SetStatusAsync).WithSummary("Sets the technician's status.");
        group.MapPut("/{id}/schedule", SetScheduleAsync).WithSummary("Sets working hours, days off, start and end locations, buffer between jobs and certifications.");
        group.MapPost("/{id}/devices", IssueDeviceAsync).WithSummary("Issues a device token for a tracking app; the token is shown only in this answer.");
        group.MapDelete("/{id}/devices/{deviceId}", RevokeDeviceAsync).WithSummary("Revokes a device token at once.");
        group.MapGet("/{id}/track", TrackAsync).WithSummary("The technician's track as GeoJSON (default: the last hour).");
        return group;
    }

    private static async Task<Results<Created<TechnicianDto>, ValidationProblem>> CreateAsync(
        CreateTechnicianRequest request, ClaimsPrincipal user, Onboarding onboarding, IClusterClient grains)
    {
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Labels(request.Skills, "skills", InputLimits.Skills, $"At most {InputLimits.Skills} skills of 1 to {InputLimits.Label} characters each.")
            .Require(request.HomeBase is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "homeBase", "The home base must be a latitude in -90..90 and a longitude in -180..180.")
            .Require(request.PhotoUrl is null || (request.PhotoUrl.Length <= InputLimits.Url && Uri.TryCreate(request.PhotoUrl, UriKind.Absolute, out var photo) && photo.Scheme is "https" or "http"),
                "photoUrl", $"The photo must be an http(s) URL of at most {InputLimits.Url:N0} characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var tenantId = user.GetTenantId();
        var profile = new TechnicianProfile(request.Name.Trim(), [.. (request.Skills ?? []).Select(s => s.Trim())], request.HomeBase, request.PhotoUrl);
        var id = await onboarding.CreateTechnicianAsync(tenantId, profile);
        var created = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync();
        return TypedResults.Created($"/api/v1/technicians/{id}", created.AsDto());
    }

    /// <summary>By name (case-insensitive), then id, a page at a time (<see cref="PageLinks"/>).</summary>
    private static async Task<Results<Ok<TechnicianDto[]>, ValidationProblem>> ListAsync(
        int? limit, string? after, ClaimsPrincipal user, TechnicianDirectory directory, HttpResponse response)
    {
        var validation = PageLinks.Validate(limit, after, MaxPageSize, "a technician");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var size = limit ?? DefaultPageSize;
        var page = await directory.ListAsync(user.GetTenantId(), after, size);
        PageLinks.SetNext(response, "/api/v1/technicians", size, page.Next);
        return TypedResults.Ok(page.Technicians.Select(t => t.AsDto()).ToArray());
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        return TypedResults.Ok((await Technician(grains, user, id).GetAsync()).AsDto());
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetStatusAsync(string id, SetStatusRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if (!EnumName.TryParse<TechnicianStatus>(request.Status, out var status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Status must be one of {string.Join(", ", Enum.GetNames<TechnicianStatus>())}."] });
        await Technician(grains, user, id).SetStatusAsync(status);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetScheduleAsync(string id, TechnicianSchedule request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = ScheduleValidation.Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        await Technician(grains, user, id).SetScheduleAsync(request);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<IssuedDeviceToken>, NotFound, ValidationProblem>> IssueDeviceAsync(
        string id, IssueDeviceRequest request, ClaimsPrincipal user, Onboarding onboarding)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation().Text(request.Label, "label", InputLimits.Name, $"The label can have at most {InputLimits.Name} characters.", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var label = string.IsNullOrWhiteSpace(request.Label) ? "phone" : request.Label.Trim();
        var issued = await onboarding.IssueDeviceTokenAsync(user.GetTenantId(), id, label);
        return TypedResults.Created($"/api/v1/technicians/{id}/devices/{issued.DeviceId}", issued);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeDeviceAsync(string id, string deviceId, ClaimsPrincipal user, Onboarding onboarding) =>
        ResourceId.IsValid(id) && await onboarding.RevokeDeviceAsync(user.GetTenantId(), id, deviceId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TrackFeatureCollection>, NotFound, ValidationProblem>> TrackAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, IClusterClient grains, IPingHistory history, DomainClock clock, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if ((from is { } f && !InputLimits.IsInRange(f)) || (to is { } t && !InputLimits.IsInRange(t)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"'from' and 'to' must be in the years {InputLimits.FirstYear} to {InputLimits.LastYear}."] });
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddHours(-1);
        if (start >= end || end - start > MaxTrackSpan)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"'from' must be before 'to', at most {MaxTrackSpan.TotalDays:0} days apart."] });

        await Technician(grains, user, id).GetAsync(); // 404 unless the technician is the caller's tenant's
        // No flush first: a ping is answered only once stored, so every ping answered before this request is in the track.
        var pings = await history.ReadTrackAsync(user.GetTenantId(), id, start, end, limit: 20_000, cancellationToken);
        return TypedResults.Ok(TrackGeoJson.Build(id, start, end, pings));
    }

    private static ITechnicianGrain Technician(IClusterClient grains, ClaimsPrincipal user, string id) =>
        grains.GetGrain<ITechnicianGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record CreateTechnicianRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Skills)] IReadOnlyList<string>? Skills,
    GeoPoint? HomeBase,
    [property: MaxLength(InputLimits.Url)] string? PhotoUrl);

public sealed record SetStatusRequest([property: MaxLength(InputLimits.Code)] string Status);

public sealed record IssueDeviceRequest([property: MaxLength(InputLimits.Name)] string? Label);
