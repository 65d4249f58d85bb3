using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
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
        group.MapPost("/", CreateAsync).WithSummary("Creates a technician: name, phone, skills, home base and, optionally, the schedule.");
        group.MapGet("/", ListAsync).WithSummary("A page of the company's technicians by name, with their live position; a Link header (rel=\"next\") names the next page.");
        group.MapGet("/{id}", GetAsync).WithSummary("One technician.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replaces the technician's profile: name, phone, skills, home base and its address, photo.");
        group.MapPut("/{id}/status", SetStatusAsync).WithSummary("Sets the technician's status.");
        group.MapPut("/{id}/schedule", SetScheduleAsync)
            .WithSummary("Sets working hours (a shift may run past midnight), days off, start and end locations, buffer between jobs and certifications; expired ones are accepted and flagged.");
        group.MapGet("/{id}/devices", ListDevicesAsync).WithSummary("The technician's device tokens: label, first characters, issued, last used, revoked. Never the token.");
        group.MapPost("/{id}/devices", IssueDeviceAsync)
            .WithSummary("Issues a device token for a tracking app, with each app's setup (addresses, steps, QR codes; ?setup=false leaves it out); the token is shown only in this answer.");
        group.MapDelete("/{id}/devices/{deviceId}", RevokeDeviceAsync).WithSummary("Revokes a device token at once.");
        group.MapGet("/{id}/track", TrackAsync).WithSummary("The technician's track as GeoJSON (default: the last hour).");
        return group;
    }

    private static async Task<Results<Created<TechnicianDto>, ValidationProblem>> CreateAsync(
        CreateTechnicianRequest request, ClaimsPrincipal user, Onboarding onboarding, IClusterClient grains, DomainClock clock)
    {
        var profile = request.ToProfileRequest();
        var validation = Validate(profile);
        if (request.Schedule is { } schedule)
            foreach (var (field, messages) in ScheduleValidation.Validate(schedule).Errors)
                foreach (var message in messages) validation.Add($"schedule.{field}", message);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var tenantId = user.GetTenantId();
        var id = await onboarding.CreateTechnicianAsync(tenantId, profile.ToProfile(), request.Schedule);
        var created = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync();
        return TypedResults.Created($"/api/v1/technicians/{id}", created.AsDto(clock.GetUtcNow()));
    }

    /// <summary>By name (case-insensitive), then id, a page at a time (<see cref="PageLinks"/>).</summary>
    private static async Task<Results<Ok<TechnicianDto[]>, ValidationProblem>> ListAsync(
        int? limit, string? after, ClaimsPrincipal user, TechnicianDirectory directory, HttpResponse response, DomainClock clock)
    {
        var validation = PageLinks.Validate(limit, after, MaxPageSize, "a technician");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var size = limit ?? DefaultPageSize;
        var page = await directory.ListAsync(user.GetTenantId(), after, size);
        PageLinks.SetNext(response, "/api/v1/technicians", size, page.Next);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(page.Technicians.Select(t => t.AsDto(now)).ToArray());
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        return TypedResults.Ok((await Technician(grains, user, id).GetAsync()).AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFound, ValidationProblem>> UpdateAsync(
        string id, TechnicianProfileRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Technician(grains, user, id).UpdateProfileAsync(request.ToProfile())).AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetStatusAsync(string id, SetStatusRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if (!EnumName.TryParse<TechnicianStatus>(request.Status, out var status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Status must be one of {string.Join(", ", Enum.GetNames<TechnicianStatus>())}."] });
        await Technician(grains, user, id).SetStatusAsync(status);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFound, ValidationProblem>> SetScheduleAsync(
        string id, TechnicianSchedule request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = ScheduleValidation.Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var technician = Technician(grains, user, id);
        await technician.SetScheduleAsync(request);
        return TypedResults.Ok((await technician.GetAsync()).AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<DeviceDto[]>, NotFound>> ListDevicesAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        return TypedResults.Ok((await Technician(grains, user, id).GetAsync()).Devices.Select(d => d.AsDto()).ToArray());
    }

    /// <summary>
    /// The one answer that holds the token, so no cache on the way may keep it. <paramref name="setup"/>=false leaves the
    /// apps' setup out: its five QR codes cost some milliseconds each, which a script issuing thousands of tokens (the
    /// benchmarks) need not pay.
    /// </summary>
    private static async Task<Results<Created<IssuedDeviceDto>, NotFound, ValidationProblem>> IssueDeviceAsync(
        string id, IssueDeviceRequest request, bool? setup, ClaimsPrincipal user, Onboarding onboarding, DeviceSetup setups, HttpResponse response)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation().Text(request.Label, "label", InputLimits.Name, $"The label can have at most {InputLimits.Name} characters.", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var label = string.IsNullOrWhiteSpace(request.Label) ? "phone" : request.Label.Trim();
        var issued = await onboarding.IssueDeviceTokenAsync(user.GetTenantId(), id, label);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/technicians/{id}/devices/{issued.DeviceId}", new IssuedDeviceDto(
            issued.DeviceId, issued.Label, issued.Token, DeviceToken.Hint(issued.Token), issued.IssuedAt, setup == false ? null : setups.For(issued.Token, issued.DeviceId)));
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

    private static RequestValidation Validate(TechnicianProfileRequest request) => new RequestValidation()
        .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
        .Require(request.Phone is null || request.Phone.Trim().Length > 0, "phone", "A phone number, when given, cannot be blank.")
        .Text(request.Phone, "phone", InputLimits.Phone, $"The phone number can have at most {InputLimits.Phone} characters.", required: false)
        .Labels(request.Skills, "skills", InputLimits.Skills, $"At most {InputLimits.Skills} skills of 1 to {InputLimits.Label} characters each.")
        .Require(ScheduleValidation.IsPlace(request.HomeBase), "homeBase", "The home base must be a latitude in -90..90 and a longitude in -180..180.")
        .Text(request.HomeBaseAddress, "homeBaseAddress", InputLimits.Address, $"The home base's address can have at most {InputLimits.Address} characters.", required: false)
        .Require(request.HomeBaseAddress is null || request.HomeBase is not null, "homeBaseAddress", "An address names the home base: give its latitude and longitude too.")
        .Require(request.PhotoUrl is null || (request.PhotoUrl.Length <= InputLimits.Url && Uri.TryCreate(request.PhotoUrl, UriKind.Absolute, out var photo) && photo.Scheme is "https" or "http"),
            "photoUrl", $"The photo must be an http(s) URL of at most {InputLimits.Url:N0} characters.");
}

/// <summary>A technician's profile, as created and as replaced by PUT /api/v1/technicians/{id}.</summary>
public sealed record TechnicianProfileRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Phone)] string? Phone,
    [property: MaxLength(InputLimits.Skills)] IReadOnlyList<string>? Skills,
    GeoPoint? HomeBase,
    [property: MaxLength(InputLimits.Address)] string? HomeBaseAddress,
    [property: MaxLength(InputLimits.Url)] string? PhotoUrl)
{
    /// <summary>Trimmed; blank optional text is no text.</summary>
    public TechnicianProfile ToProfile() => new(
        Name.Trim(), [.. (Skills ?? []).Select(s => s.Trim())], HomeBase, PhotoUrl, NullIfBlank(Phone), NullIfBlank(HomeBaseAddress));

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <param name="Schedule">Optional: the technician starts with <see cref="TechnicianSchedule.Default"/> without one.</param>
public sealed record CreateTechnicianRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Phone)] string? Phone,
    [property: MaxLength(InputLimits.Skills)] IReadOnlyList<string>? Skills,
    GeoPoint? HomeBase,
    [property: MaxLength(InputLimits.Address)] string? HomeBaseAddress,
    [property: MaxLength(InputLimits.Url)] string? PhotoUrl,
    TechnicianSchedule? Schedule)
{
    public TechnicianProfileRequest ToProfileRequest() => new(Name, Phone, Skills, HomeBase, HomeBaseAddress, PhotoUrl);
}

public sealed record SetStatusRequest([property: MaxLength(InputLimits.Code)] string Status);

public sealed record IssueDeviceRequest([property: MaxLength(InputLimits.Name)] string? Label);

/// <summary>A new device token and how to set each app up with it: the only answer that ever holds the token.</summary>
/// <param name="TokenHint">The token's first characters, as the device list shows them later.</param>
/// <param name="Setup">Each app's setup with this token; null when asked for without (?setup=false).</param>
public sealed record IssuedDeviceDto(string DeviceId, string Label, string Token, string TokenHint, DateTimeOffset IssuedAt, DeviceSetupDto? Setup);
