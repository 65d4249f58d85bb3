using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Properties;

/// <summary>Properties (sites) for dispatchers of the property's own company; new ones are added through their customer.</summary>
public static class PropertiesApi
{
    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/properties").WithTags("Properties").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A property with its equipment and timeline.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replaces a property's details (name, address, location, access notes, equipment).");
        group.MapPost("/{id}/timeline", AppendTimelineAsync).WithSummary("Appends an entry to the property's timeline (visits, notes); entries are never changed.");
        return group;
    }

    private static async Task<Results<Ok<PropertyDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Property(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<PropertyDto>, NotFound, ValidationProblem>> UpdateAsync(string id, PropertyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = PropertyRequestValidation.Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Property(grains, user, id).UpdateAsync(request.ToDetails())).AsDto());
    }

    private static async Task<Results<Ok<PropertyDto>, NotFound, ValidationProblem>> AppendTimelineAsync(
        string id, TimelineEntryRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(request.Kind) && request.Kind.Trim().Length <= 50, "kind", "A kind of 1 to 50 characters is required (visit, note, ...).")
            .Require(!string.IsNullOrWhiteSpace(request.Text) && request.Text.Trim().Length <= 4_000, "text", "A text of 1 to 4,000 characters is required.")
            .Require(request.TicketId is null || ResourceId.IsValid(request.TicketId), "ticketId", "A ticket id is 32 lower-case hex characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var appended = await Property(grains, user, id).AppendTimelineAsync(request.Kind.Trim().ToLowerInvariant(), request.Text.Trim(), request.TicketId);
        return TypedResults.Ok(appended.AsDto());
    }

    private static IPropertyGrain Property(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record TimelineEntryRequest(string Kind, string Text, string? TicketId);
